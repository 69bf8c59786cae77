/**
 * The texts of the signal report, in Dutch: one catalog for every format
 * (markdown for terminal and chat, html with its charts, the xlsx sheets).
 * Formatting of numbers and dates for the report lives here too.
 */
import { formatDate, formatDateTime } from './dates.js';
import { eventKindLabel, statusLabel, themeLabel } from './messages.js';
import type { CaseStatus, CaseTheme, EventKind } from './schema.js';
import type { Trend } from './report.js';

let numberFormat: Intl.NumberFormat | undefined;

/** A number as the Dutch read it: `2192`, `12.345`, `2,5`. */
export function formatNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, useGrouping: 'min2' });
  return numberFormat.format(n);
}

const days = (n: number) => (n === 1 ? '1 dag' : `${formatNumber(n)} dagen`);

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export const reportText = {
  title: () => 'Signalenrapportage Levensloopaanpak',
  period: (from: string, to: string, n: number) => `Periode: ${formatDate(from)} t/m ${formatDate(to)} (${days(n)})`,
  generated: (at: string) => `Gemaakt op ${formatDateTime(at)} door het Coördinatiepunt Levensloopaanpak.`,
  asOf: (day: string) => `Standen (open, wachtend, achter) per ${formatDate(day)}.`,
  previousPeriodNote: (from: string, to: string, n: number) => `Vorige periode ter vergelijking: ${formatDate(from)} t/m ${formatDate(to)} (${days(n)}).`,
  contents: () => 'Inhoud',

  // Section titles, also the xlsx sheet names (≤ 31 characters).
  headlineTitle: () => 'Kerncijfers',
  bottlenecksTitle: () => 'Knelpunten naar aantal signalen',
  regionsTitle: () => 'Per regio',
  escalationsTitle: () => 'Besluiten voor de ambassadeurs',
  taskGroupsTitle: () => 'Taakgroepen',
  eventsTitle: () => 'Komende bijeenkomsten',
  monitorTitle: () => 'Monitor basisgegevens',
  trendTitle: () => 'Verloop per maand',
  sheetNames: () => ({
    headline: 'Kerncijfers',
    bottlenecks: 'Knelpunten',
    regions: 'Regio’s',
    escalations: 'Besluiten ambassadeurs',
    taskGroups: 'Taakgroepen',
    events: 'Bijeenkomsten',
    monitor: 'Monitor',
    trend: 'Trend',
  }),

  // Headline
  figure: () => 'Cijfer',
  count: () => 'Aantal',
  newCases: () => 'Nieuwe vastgelopen casussen',
  openCases: () => 'Open casussen aan het eind van de periode',
  resolvedCases: () => 'Opgelost',
  closedUnresolvedCases: () => 'Gesloten zonder oplossing',
  nationallyEscalated: () => 'Landelijk geëscaleerd in de periode',
  awaitingAmbassadors: () => 'Wacht op besluit van de ambassadeurs',
  signals: () => 'Signalen',
  signalsPrevious: () => 'Signalen in de vorige periode',
  signalsWithPrevious: (before: number) => `Signalen (vorige periode: ${formatNumber(before)})`,
  regionsReporting: () => 'Gestarte regio’s met een melding',
  regionsSilent: () => 'Gestarte regio’s zonder melding',
  regionsStarted: () => 'Gestarte regio’s',
  stepsTitle: () => 'Doorlooptijd per stap van de escalatieroute',
  stepsIntro: () => 'Mediaan van het aantal dagen tussen twee statussen, voor de stappen die in deze periode zijn gezet.',
  stepsNone: () => 'In deze periode is geen casus van status veranderd.',
  colStep: () => 'Stap',
  colSteps: () => 'Aantal stappen',
  colMedianDays: () => 'Mediaan (dagen)',
  step: (from: CaseStatus, to: CaseStatus) => `${statusLabel[from]} → ${statusLabel[to]}`,
  silentTitle: () => 'Regio’s zonder melding',
  silentNone: () => 'Alle gestarte regio’s hebben in deze periode iets gemeld.',
  silentIntro: (n: number) => `${n === 1 ? 'Deze gestarte regio heeft' : `Deze ${n} gestarte regio’s hebben`} in deze periode geen casus of signaal gemeld:`,

  // Bottlenecks
  bottlenecksIntro: () => 'Alle actieve knelpunten, ook de later toegevoegde; gelijke aantallen delen een plaats.',
  bottlenecksNone: () => 'Geen signalen in deze periode.',
  colRank: () => '#',
  colBottleneck: () => 'Knelpunt',
  colOwner: () => 'Eigenaar',
  colApproach: () => 'Aanvliegroute',
  colSignals: () => 'Signalen',
  colPrevious: () => 'Vorige periode',
  colChange: () => 'Verschil',
  colTrend: () => 'Trend',
  colRegions: () => 'Regio’s',
  colCases: () => 'Casussen',
  bottleneckName: (id: string, title: string, wlzNumber: number | null) => (wlzNumber === null ? `${id} ${title} (nieuw knelpunt)` : `${id} ${title} (Wlz ${wlzNumber})`),
  trendWord: (t: Trend) => (t === 'up' ? 'meer' : t === 'down' ? 'minder' : 'gelijk'),

  // Regions
  colRegion: () => 'Regio',
  colStarted: () => 'Gestart',
  colOpen: () => 'Open casussen',
  colNew: () => 'Nieuwe casussen',
  colOldest: () => 'Oudste open casus (dagen)',
  colHomeless: () => 'Dakloosheid binnen 30 dagen',
  colLastReport: () => 'Laatste melding',
  colClients: () => 'Cliënten (monitor)',
  regionName: (name: string, code: string, started: boolean) => `${name} (${code})${started ? '' : ' (niet gestart)'}`,
  none: () => '–',
  yes: () => 'ja',
  no: () => 'nee',

  // Escalations
  escalationsNone: () => 'Er wachten geen casussen op een besluit van de ambassadeurs.',
  escalationsIntro: (n: number) => `${n === 1 ? 'Eén casus wacht' : `${n} casussen wachten`} op een besluit van de ambassadeurs, langst wachtend eerst.`,
  colCase: () => 'Casus',
  colTheme: () => 'Thema',
  colBottlenecks: () => 'Knelpunten',
  colReported: () => 'Gemeld op',
  colEscalated: () => 'Geëscaleerd op',
  colWaiting: () => 'Wacht (dagen)',
  colHomelessOn: () => 'Dreigende dakloosheid op',
  theme: (t: CaseTheme) => themeLabel[t],

  // Task groups
  taskGroupsNone: () => 'Er zijn geen actieve taakgroepen.',
  taskGroupsIntro: (active: number, overdue: number, interval: number) =>
    `${formatNumber(active)} actief, waarvan ${formatNumber(overdue)} achter (deadline verstreken of langer dan ${days(interval)} geen voortgang).`,
  colTaskGroup: () => 'Taakgroep',
  colTask: () => 'Taak',
  colFirstContact: () => 'Eerste aanspreekpunt',
  colMembers: () => 'Leden',
  colDeadline: () => 'Deadline',
  colLastProgress: () => 'Laatste voortgang',
  colDaysSince: () => 'Dagen sinds voortgang',
  colStatus: () => 'Stand',
  task: (n: number) => `taak ${n}`,
  onSchedule: () => 'op schema',
  overdue: (reasons: Array<'deadlinePassed' | 'noProgress'>) =>
    `achter: ${reasons.map((r) => (r === 'deadlinePassed' ? 'deadline verstreken' : 'geen recente voortgang')).join(' en ')}`,

  // Events
  eventsNone: () => 'Er staan geen bijeenkomsten gepland.',
  colEvent: () => 'Bijeenkomst',
  colKind: () => 'Soort',
  colDate: () => 'Datum',
  colPlace: () => 'Plaats',
  colRegistered: () => 'Aangemeld',
  colCapacity: () => 'Capaciteit',
  colFree: () => 'Vrije plaatsen',
  colWaitlist: () => 'Wachtlijst',
  colRegistrationDeadline: () => 'Aanmelden tot',
  eventKind: (k: EventKind) => eventKindLabel[k],

  // Monitor
  monitorStarted: (started: number, total: number) => `Gestart: ${formatNumber(started)} van ${formatNumber(total)} regio’s.`,
  monitorRound: (period: string, open: boolean, submitted: number, regions: number) =>
    `Laatste ronde ${period} (${open ? 'open' : 'gesloten'}): ${formatNumber(submitted)} van ${formatNumber(regions)} regio’s hebben ingestuurd.`,
  monitorMissing: (names: string[]) => `Nog niet ingestuurd: ${names.join(', ')}.`,
  monitorNoRound: () => 'Er is nog geen monitorronde geweest.',
  monitorPerYearIntro: () => 'Cliënten in de Levensloopaanpak per regio en per jaar (stand van de laatste ronde van het jaar).',
  colRound: () => 'Laatste ronde',
  colIncluded: () => 'Cliënten',
  colInclusions: () => 'Nieuw ingestroomd',
  colOutflow: () => 'Uitstroom',
  colYear: (year: number) => String(year),
  total: () => 'Totaal',

  // Trend
  trendIntro: () => 'Nieuwe casussen en signalen per kalendermaand, de laatste twaalf maanden van de periode.',
  colMonth: () => 'Maand',
  month: (yyyyMm: string) => `${MONTHS[+yyyyMm.slice(5, 7) - 1]} ${yyyyMm.slice(0, 4)}`,
  monthShort: (yyyyMm: string) => `${MONTHS[+yyyyMm.slice(5, 7) - 1]!.slice(0, 3)} ’${yyyyMm.slice(2, 4)}`,

  // Charts (html)
  chartBottlenecksTitle: () => 'Knelpunten naar aantal signalen',
  chartBottlenecksDesc: (n: number) =>
    `Staafdiagram: signalen per knelpunt in deze periode (donkere staaf) en in de vorige periode (gestreepte staaf), ${n} knelpunten, meeste signalen bovenaan.`,
  chartRegionsTitle: () => 'Open casussen per regio',
  chartRegionsDesc: (n: number) => `Staafdiagram: open casussen aan het eind van de periode (donkere staaf) en nieuwe casussen in de periode (gestreepte staaf) voor ${n} regio’s.`,
  chartTrendTitle: () => 'Verloop per maand',
  chartTrendDesc: () => 'Twee staafdiagrammen onder elkaar: signalen per maand en nieuwe casussen per maand, de laatste twaalf maanden.',
  chartMonitorTitle: () => 'Cliënten per regio en per jaar',
  chartMonitorDesc: (years: number[]) => `Gegroepeerd staafdiagram: cliënten in de Levensloopaanpak per regio, één staaf per jaar (${years.join(', ')}), elk jaar met een eigen arcering.`,
  legendThisPeriod: () => 'deze periode',
  legendPreviousPeriod: () => 'vorige periode',
  legendOpen: () => 'open',
  legendNew: () => 'nieuw',
  axisSignals: () => 'aantal signalen',
  axisCases: () => 'aantal casussen',
  axisClients: () => 'aantal cliënten',
  chartNoData: () => 'Geen gegevens voor deze grafiek.',
  printHint: () => 'Afdrukken: A4 staand; elk onderdeel begint op een nieuwe pagina.',
} as const;

export type ReportText = typeof reportText;
