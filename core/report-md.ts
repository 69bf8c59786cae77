/**
 * The signal report as Markdown, in Dutch, ready to forward to the
 * ambassadors. Renders the data object of `buildSignalReport`; adds no
 * figures of its own. The report's texts live here, in one catalog.
 */
import { formatDate, formatDateTime } from './dates.js';
import { themeLabel } from './messages.js';
import type { SignalReport } from './report.js';

export const reportText = {
  title: () => 'Signalenrapportage Levensloopaanpak',
  period: (from: string, to: string) => `Periode: ${formatDate(from)} t/m ${formatDate(to)}`,
  generated: (at: string) => `Gemaakt op ${formatDateTime(at)} door het Coördinatiepunt Levensloopaanpak.`,
  headlineTitle: () => 'Kerncijfers',
  figure: () => 'Cijfer',
  count: () => 'Aantal',
  newCases: () => 'Nieuwe vastgelopen casussen',
  openCases: () => 'Open casussen aan het eind van de periode',
  resolvedCases: () => 'Opgelost',
  closedUnresolvedCases: () => 'Gesloten zonder oplossing',
  nationallyEscalated: () => 'Landelijk geëscaleerd in de periode',
  awaitingAmbassadors: () => 'Wacht op besluit van de ambassadeurs',
  signals: () => 'Signalen',
  signalsTrend: (now: number, before: number) => `${now} (vorige periode: ${before})`,
  regionsReporting: () => 'Gestarte regio’s met een melding',
  ofTotal: (n: number, total: number) => `${n} van ${total}`,
  silentTitle: () => 'Regio’s zonder melding',
  silentNone: () => 'Alle gestarte regio’s hebben in deze periode iets gemeld.',
  silentIntro: (n: number) => `${n === 1 ? 'Deze gestarte regio heeft' : `Deze ${n} gestarte regio’s hebben`} in deze periode geen casus of signaal gemeld:`,
  bottlenecksTitle: () => 'Knelpunten naar aantal signalen',
  bottlenecksNone: () => 'Geen signalen in deze periode.',
  colRank: () => '#',
  colBottleneck: () => 'Knelpunt',
  colOwner: () => 'Eigenaar / aanvliegroute',
  colSignals: () => 'Signalen',
  colPrevious: () => 'Vorige periode',
  colRegions: () => 'Regio’s',
  colCases: () => 'Casussen',
  regionsTitle: () => 'Per regio',
  colRegion: () => 'Regio',
  colOpen: () => 'Open casussen',
  colNew: () => 'Nieuwe casussen',
  notStarted: () => '(niet gestart)',
  escalationsTitle: () => 'Landelijke escalaties die wachten op een besluit',
  escalationsNone: () => 'Er wachten geen casussen op een besluit van de ambassadeurs.',
  escalation: (code: string, region: string, theme: string, since: string, days: number) =>
    `${code}: ${region}, ${theme}; geëscaleerd op ${formatDate(since)} (${days === 1 ? '1 dag' : `${days} dagen`})`,
  previousPeriodNote: (from: string, to: string) => `Vorige periode ter vergelijking: ${formatDate(from)} t/m ${formatDate(to)}.`,
} as const;

/** A Markdown table cell: no pipes or line breaks from data. */
function cell(value: string | number): string {
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(headers: string[], align: Array<'l' | 'r'>, rows: Array<Array<string | number>>): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** The report in Markdown (ends with a newline). */
export function renderSignalReportMarkdown(report: SignalReport): string {
  const t = reportText;
  const h = report.headline;
  const lines: string[] = [
    `# ${t.title()}`,
    '',
    t.period(report.period.from, report.period.to),
    '',
    t.generated(report.generatedAt),
    '',
    `## ${t.headlineTitle()}`,
    '',
    ...table(
      [t.figure(), t.count()],
      ['l', 'r'],
      [
        [t.newCases(), h.newCases],
        [t.openCases(), h.openCases],
        [t.resolvedCases(), h.resolvedCases],
        [t.closedUnresolvedCases(), h.closedUnresolvedCases],
        [t.nationallyEscalated(), h.nationallyEscalatedCases],
        [t.awaitingAmbassadors(), h.awaitingAmbassadors],
        [t.signals(), t.signalsTrend(h.signals, h.signalsPreviousPeriod)],
        [t.regionsReporting(), t.ofTotal(h.regionsReporting, h.regionsStarted)],
      ],
    ),
    '',
    t.previousPeriodNote(report.previousPeriod.from, report.previousPeriod.to),
    '',
    `## ${t.silentTitle()}`,
    '',
  ];
  if (report.silentRegions.length === 0) lines.push(t.silentNone());
  else {
    lines.push(t.silentIntro(report.silentRegions.length), '');
    for (const r of report.silentRegions) lines.push(`- ${r.regionName} (${r.regionCode})`);
  }

  lines.push('', `## ${t.bottlenecksTitle()}`, '');
  if (report.bottlenecks.length === 0) lines.push(t.bottlenecksNone());
  else {
    lines.push(
      ...table(
        [t.colRank(), t.colBottleneck(), t.colOwner(), t.colSignals(), t.colPrevious(), t.colRegions(), t.colCases()],
        ['r', 'l', 'l', 'r', 'r', 'r', 'r'],
        report.bottlenecks.map((b) => [b.rank, `${b.bottleneckId} ${b.title}`, b.owner || '–', b.signals, b.signalsPreviousPeriod, b.regions, b.cases]),
      ),
    );
  }

  lines.push('', `## ${t.regionsTitle()}`, '');
  lines.push(
    ...table(
      [t.colRegion(), t.colOpen(), t.colNew(), t.colSignals()],
      ['l', 'r', 'r', 'r'],
      report.regions.map((r) => [`${r.regionName} (${r.regionCode})${r.started ? '' : ` ${t.notStarted()}`}`, r.openCases, r.newCases, r.signals]),
    ),
  );

  lines.push('', `## ${t.escalationsTitle()}`, '');
  if (report.escalations.length === 0) lines.push(t.escalationsNone());
  else for (const e of report.escalations) lines.push(`- ${t.escalation(e.caseCode, e.regionName, themeLabel[e.theme], e.since, e.daysWaiting)}`);

  return `${lines.join('\n')}\n`;
}
