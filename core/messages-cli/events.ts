/** Texts of `lla vakdag`, `lla monitor` and `lla rapport`. */
import { formatDate, formatDateTime } from '../dates.js';
import { audienceLabel, eventKindLabel } from '../messages.js';
import type { Audience, EventKind } from '../schema.js';

/** What people type for an event kind (`--soort`). */
export const eventKindSlug: Record<EventKind, string> = {
  vakdagProcessDirectors: 'vakdag-procesregisseurs',
  vakdagProviders: 'vakdag-levensloopaanbieders',
  duoMeeting: 'duo-bijeenkomst',
  poolMeeting: 'vaste-schil',
  other: 'overig',
};

export const registrationStatusLabel: Record<'registered' | 'waitlisted' | 'cancelled', string> = {
  registered: 'aangemeld',
  waitlisted: 'wachtlijst',
  cancelled: 'afgemeld',
};

const timeRange = (start?: string, end?: string) => (start ? (end ? `${start}–${end}` : start) : '');

export const eventsMsg = {
  // vakdag ------------------------------------------------------------------
  groupDescription: () => 'Vakdagen en bijeenkomsten: plannen, aanmelden, deelnemers en agenda-bestanden.',
  planDescription: () => 'Plan de jaarcyclus: vaste schil (voorjaar en najaar), beide vakdagen en de duo-bijeenkomst.',
  argYear: () => 'het jaar (jjjj)',
  askYear: () => 'Welk jaar plannen?',
  notAYear: () => 'Het jaar moet vier cijfers zijn, zoals 2027.',
  planned: (year: number, n: number) =>
    n === 0 ? `Jaarprogramma ${year}: geen nieuwe bijeenkomsten (alle voorgestelde datums liggen in het verleden).` : `Jaarprogramma ${year} gepland: ${n} ${n === 1 ? 'bijeenkomst' : 'bijeenkomsten'}. Pas datums aan waar nodig.`,

  newDescription: () => 'Plan één vakdag of bijeenkomst.',
  optKind: () => `soort: ${Object.values(eventKindSlug).join(', ')}`,
  optDate: () => 'datum (jjjj-mm-dd)',
  optCapacity: () => 'maximaal aantal deelnemers',
  optTitle: () => 'titel (standaard: soort en jaar)',
  optPlace: () => 'plaats of locatie',
  optStart: () => 'begintijd (uu:mm), bijvoorbeeld 09:30',
  optEnd: () => 'eindtijd (uu:mm), bijvoorbeeld 16:30',
  optDeadline: () => 'laatste dag om aan te melden (jjjj-mm-dd)',
  optProgramme: () => 'programma (geen cliëntgegevens)',
  askKind: () => 'Soort bijeenkomst:',
  askDate: () => 'Datum',
  askCapacity: () => 'Maximaal aantal deelnemers:',
  capacityHint: () => 'Geef een geheel getal van 1 of meer.',
  unknownKind: (given: string) => `Onbekende soort „${given}”. Kies uit: ${Object.values(eventKindSlug).join(', ')}.`,
  created: (id: string, title: string, date: string) => `Bijeenkomst ${id} gepland: ${title} op ${formatDate(date)}.`,

  listDescription: () => 'Toon de bijeenkomsten met aanmeldingen, capaciteit en wachtlijst.',
  optYearFilter: () => 'alleen dit jaar',
  optUpcoming: () => 'alleen komende bijeenkomsten die doorgaan',
  listHeaders: () => ['ID', 'Datum', 'Tijd', 'Titel', 'Plaats', 'Aangemeld', 'Wachtlijst', 'Status'],
  noEvents: () => 'Geen bijeenkomsten gevonden.',
  eventStatus: (status: 'planned' | 'cancelled') => (status === 'planned' ? 'gaat door' : 'gaat niet door'),
  seats: (registered: number, capacity: number) => `${registered}/${capacity}`,

  showDescription: () => 'Toon één bijeenkomst.',
  argId: () => 'id van de bijeenkomst, zoals EV-2027-02',
  askEvent: () => 'Welke bijeenkomst?',
  eventChoice: (id: string, title: string, date: string) => `${id}  ${formatDate(date)}  ${title}`,
  noEventsToChoose: () => 'Er zijn geen komende bijeenkomsten om uit te kiezen.',
  show: (e: {
    id: string;
    title: string;
    kind: EventKind;
    date: string;
    startTime?: string;
    endTime?: string;
    place?: string;
    audience: Audience;
    capacity: number;
    registrationDeadline?: string;
    status: 'planned' | 'cancelled';
    programme?: string;
    registered: number;
    waitlisted: number;
  }) => [
    `${e.id}  ${e.title}`,
    `  Soort:       ${eventKindLabel[e.kind]}`,
    `  Datum:       ${formatDate(e.date)}${e.startTime ? `, ${timeRange(e.startTime, e.endTime)}` : ''}`,
    `  Plaats:      ${e.place ?? '–'}`,
    `  Doelgroep:   ${audienceLabel[e.audience]}`,
    `  Capaciteit:  ${e.capacity} (aangemeld ${e.registered}, wachtlijst ${e.waitlisted})`,
    `  Aanmelden:   ${e.registrationDeadline ? `tot en met ${formatDate(e.registrationDeadline)}` : 'geen deadline'}`,
    `  Status:      ${e.status === 'planned' ? 'gaat door' : 'gaat niet door'}`,
    ...(e.programme ? ['  Programma:', ...e.programme.split('\n').map((l) => `    ${l}`)] : []),
  ],

  registerDescription: () => 'Meld u (of als kwartiermaker iemand anders) aan; bij een volle bijeenkomst komt u op de wachtlijst.',
  announceDescription: () =>
    'Kondig een bijeenkomst aan in de chat bij het publiek ervan (met knoppen om aan te melden); wie al een uitnodiging kreeg of al is aangemeld, krijgt er geen tweede.',
  announced: (title: string, count: number, skipped: number) =>
    `${title}: ${count === 1 ? '1 uitnodiging' : `${count} uitnodigingen`} klaargezet voor de chat${skipped > 0 ? ` (${skipped} overgeslagen: al uitgenodigd of aangemeld)` : ''}. De bot verstuurt ze.`,
  unregisterDescription: () => 'Meld u (of als kwartiermaker iemand anders) af; een vrijgekomen plek gaat naar de wachtlijst.',
  optPerson: () => 'iemand anders (persoons-id of e-mailadres; alleen de kwartiermaker)',
  /** `who` absent: the actor themself. */
  registered: (who: string | undefined, title: string, date: string) =>
    `${who ? `${who} is` : 'U bent'} aangemeld voor ${title} op ${formatDate(date)}.`,
  waitlisted: (who: string | undefined, title: string, position: number) =>
    `${title} is vol: ${who ? `${who} staat` : 'u staat'} op de wachtlijst (plaats ${position}).`,
  unregistered: (who: string | undefined, title: string) => `${who ? `${who} is` : 'U bent'} afgemeld voor ${title}.`,

  participantsDescription: () => 'Toon de deelnemers: naam, status en datum van aanmelden.',
  participantHeaders: () => ['Naam', 'Organisatie', 'Status', 'Wachtlijstplaats', 'Aangemeld op'],
  participantsSummary: (registered: number, capacity: number, waitlisted: number, cancelled: number) =>
    `${registered} van ${capacity} plaatsen bezet; ${waitlisted} op de wachtlijst; ${cancelled} afgemeld.`,

  icsDescription: () => 'Maak een agendabestand (iCalendar, .ics) voor een bijeenkomst; standaard naar de uitvoer.',
  optOut: () => 'schrijf naar dit bestand',
  icsDeadline: (date: string) => `Aanmelden tot en met ${formatDate(date)}.`,
  icsAudience: (audience: Audience) => `Voor: ${audienceLabel[audience]}.`,
  icsCalendarName: () => 'Levensloopaanpak: bijeenkomsten',
  written: (file: string) => `Geschreven: ${file}`,

  // monitor -----------------------------------------------------------------
  monitorDescription: () => 'De halfjaarlijkse monitor basisgegevens: rondes, invoer per regio en het overzicht.',
  roundDescription: () => 'Open een monitorronde voor een halfjaar, zoals 2026-H2.',
  argPeriod: () => 'het halfjaar: jjjj-H1 of jjjj-H2',
  askPeriod: () => 'Welk halfjaar (jjjj-H1 of jjjj-H2)?',
  optClosesOn: () => 'sluitingsdatum van de ronde (jjjj-mm-dd)',
  roundOpened: (period: string, closesOn?: string) =>
    `Monitorronde ${period} is geopend${closesOn ? ` en sluit op ${formatDate(closesOn)}` : ''}. Projectleiders kunnen nu hun cijfers insturen.`,

  submitDescription: () => 'Stuur de cijfers van een regio in (de projectleider voor de eigen regio, of de kwartiermaker namens een regio).',
  optPeriod: () => 'halfjaar (standaard: de open ronde)',
  optRegion: () => 'regiocode (standaard: uw eigen regio)',
  optClients: () => 'aantal geïncludeerde cliënten',
  optNew: () => 'nieuwe inclusies in de periode',
  optOutflow: () => 'uitstroom in de periode',
  optStarted: () => 'de Levensloopaanpak is in de regio gestart',
  optNotStarted: () => 'de Levensloopaanpak is in de regio nog niet gestart',
  askRegion: () => 'Voor welke regio?',
  askClients: () => 'Aantal geïncludeerde cliënten:',
  askNew: () => 'Nieuwe inclusies in de periode:',
  askOutflow: () => 'Uitstroom in de periode:',
  askStarted: () => 'Is de Levensloopaanpak in de regio gestart?',
  numberHint: () => 'Geef een geheel getal van 0 of meer.',
  startedConflict: () => 'Geef --gestart óf --niet-gestart, niet allebei.',
  submitted: (region: string, period: string, clients: number, fresh: number, outflow: number, started: boolean) =>
    `Cijfers voor ${region} (${period}) opgeslagen: ${clients} cliënten, ${fresh} nieuw, ${outflow} uitstroom; ${started ? 'gestart' : 'niet gestart'}.`,

  overviewDescription: () => 'Toon per regio de cijfers van een ronde (standaard de nieuwste), met ontbrekende regio’s.',
  overviewTitle: (period: string, open: boolean) => `Monitorronde ${period} (${open ? 'open' : 'gesloten'})`,
  overviewHeaders: () => ['Code', 'Regio', 'Cliënten', 'Nieuw', 'Uitstroom', 'Gestart', 'Ingestuurd op'],
  overviewTotals: (clients: number, fresh: number, outflow: number, submitted: number, regions: number) =>
    `Totaal: ${clients} cliënten, ${fresh} nieuw, ${outflow} uitstroom (${submitted} van ${regions} regio’s ingestuurd).`,
  overviewMissing: (names: string[]) => (names.length === 0 ? 'Alle regio’s hebben ingestuurd.' : `Ontbreekt (${names.length}): ${names.join(', ')}.`),
  overviewStarted: (started: number, total: number) => `Gestart: ${started} van ${total} regio’s.`,
  overviewPerYear: (items: Array<{ year: number; total: number }>) =>
    items.length === 0 ? '' : `Cliënten per jaar: ${items.map((i) => `${i.year}: ${i.total}`).join(' · ')}`,
  submittedAt: (at: string) => formatDateTime(at),

  // rapport -----------------------------------------------------------------
  reportDescription: () =>
    'De signalenrapportage: kerncijfers, knelpunten naar aantal signalen, een tabel per regio, besluiten voor de ambassadeurs, taakgroepen, bijeenkomsten, monitor en verloop per maand, met grafieken in html. Standaard de vorige volle kalendermaand.',
  optFrom: () => 'eerste dag van de periode (jjjj-mm-dd)',
  optTo: () => 'laatste dag van de periode, tot en met (jjjj-mm-dd)',
  optFormat: () => 'formaat: md (terminal en chat), html (één bestand met grafieken, om te printen), xlsx (Excel, één blad per onderdeel) of json (standaard md)',
  optReportOut: () => 'schrijf het rapport naar dit bestand, of in deze map als signalenrapportage-<van>-<tot>.<formaat>',
  formatUnknown: (format: string) => `Onbekend formaat „${format}”. Beschikbaar: md, html, xlsx, json.`,
  xlsxNeedsFile: () => 'Een xlsx-bestand is niet leesbaar in de terminal: geef --uit <bestand of map> (of stuur de uitvoer door naar een bestand).',
  reportProgress: () => 'Rapport maken',
  reportWritten: (file: string) => `Rapport geschreven: ${file}`,
} as const;
