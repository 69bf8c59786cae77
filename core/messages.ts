/**
 * The one message catalog: every sentence a person reads, in Dutch.
 * Fronts (CLI, Slack, Teams, terminal chat) render from here; no Dutch
 * sentences elsewhere. Labels for enum values live here too.
 */
import type { PrivacyFindingKind } from './privacy.js';
import type {
  Audience,
  CaseStatus,
  CaseTheme,
  Channel,
  EventKind,
  HelpKind,
  RegionalStep,
  Role,
} from './schema.js';
import { formatDate } from './dates.js';

export const statusLabel: Record<CaseStatus, string> = {
  reported: 'gemeld',
  inTreatment: 'in behandeling',
  regionalMediation: 'bemiddeling regio',
  nationalEscalation: 'geëscaleerd landelijk',
  withProblemOwner: 'bij probleemeigenaar',
  resolved: 'opgelost',
  closedUnresolved: 'gesloten zonder oplossing',
};

/** What people type for a status (CLI argument, chat); label and slug both work. */
export const statusSlug: Record<CaseStatus, string> = {
  reported: 'gemeld',
  inTreatment: 'in-behandeling',
  regionalMediation: 'bemiddeling-regio',
  nationalEscalation: 'geescaleerd-landelijk',
  withProblemOwner: 'bij-probleemeigenaar',
  resolved: 'opgelost',
  closedUnresolved: 'gesloten-zonder-oplossing',
};

export const themeLabel: Record<CaseTheme, string> = {
  housing: 'wonen / dreigende dakloosheid',
  outflow: 'uitstroom uit kliniek of detentie',
  indication: 'indicatie (Wlz, Wmo)',
  financing: 'financiering',
  responsibility: 'geen verantwoordelijke partij',
  care: 'passende zorg of behandeling',
  other: 'overig',
};

export const helpLabel: Record<HelpKind, string> = {
  advice: 'advies',
  regionalMediation: 'bemiddeling in de regio',
  nationalEscalation: 'landelijke escalatie',
};

export const stepLabel: Record<RegionalStep, string> = {
  caseTable: 'besproken aan de casustafel van het ZVH',
  regionalEscalation: 'regionale opschalingsroute doorlopen',
  municipality: 'gemeente of centrumgemeente benaderd',
  careOffice: 'zorgkantoor benaderd',
  housingProviders: 'woonaanbieders of corporaties benaderd',
  providerBoard: 'bestuurlijk overleg of directeurenoverleg',
};

export const roleLabel: Record<Role, string> = {
  quartermaster: 'kwartiermaker',
  ambassador: 'ambassadeur',
  projectLead: 'projectleider',
  processDirector: 'procesregisseur',
};

export const channelLabel: Record<Channel, string> = {
  cli: 'terminal (CLI)',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  terminal: 'terminalchat',
  system: 'systeem',
};

export const eventKindLabel: Record<EventKind, string> = {
  vakdagProcessDirectors: 'Vakdag procesregisseurs',
  vakdagProviders: 'Vakdag levensloopaanbieders',
  duoMeeting: 'Duo-bijeenkomst ZVH en levensloopaanbieders',
  poolMeeting: 'Vergadering vaste schil',
  other: 'Bijeenkomst',
};

export const audienceLabel: Record<Audience, string> = {
  processDirectors: 'procesregisseurs',
  providers: 'levensloopaanbieders',
  pool: 'vaste schil en netwerkpartners',
  all: 'iedereen',
};

export const privacyKindLabel: Record<PrivacyFindingKind, string> = {
  bsn: 'een BSN',
  phone: 'een telefoonnummer',
  email: 'een e-mailadres',
  birthDate: 'een geboortedatum',
  address: 'een adres (straat en huisnummer)',
  postcode: 'een postcode',
  titledName: 'een naam met aanhef (zoals dhr. of mevrouw)',
  iban: 'een rekeningnummer (IBAN)',
  recordNumber: 'een dossier- of registratienummer van een ander systeem',
};

/** Dutch names of input fields, used in error messages and forms. */
export const fieldLabel: Record<string, string> = {
  name: 'naam',
  email: 'e-mailadres',
  organisation: 'organisatie',
  roles: 'rollen',
  regionCode: 'regio',
  poolMember: 'lid vaste schil',
  slackUserId: 'Slack-gebruikers-id',
  teamsAadObjectId: 'Teams-id (AAD object id)',
  active: 'actief',
  code: 'code',
  started: 'gestart',
  startedOn: 'startdatum',
  coordinatingProvider: 'coördinerend levensloopaanbieder',
  task: 'taak',
  goal: 'doel',
  memberIds: 'leden',
  personId: 'persoon',
  firstContactId: 'eerste aanspreekpunt',
  deadline: 'deadline',
  text: 'tekst',
  result: 'resultaat',
  taskGroupId: 'taakgroep',
  theme: 'thema',
  bottleneckIds: 'knelpunten',
  bottleneckId: 'knelpunt',
  sketch: 'situatieschets',
  stepsTried: 'doorlopen regionale stappen',
  stepsNote: 'toelichting op de doorlopen stappen',
  homelessOn: 'datum dreigende dakloosheid',
  helpAsked: 'gevraagde hulp',
  caseCode: 'casuscode',
  status: 'status',
  reason: 'toelichting',
  problemOwner: 'probleemeigenaar',
  outcome: 'uitkomst',
  lesson: 'les',
  toPersonId: 'geadresseerde',
  note: 'toelichting',
  title: 'titel',
  description: 'omschrijving',
  approach: 'aanvliegroute',
  owner: 'eigenaar',
  kind: 'soort',
  date: 'datum',
  startTime: 'begintijd',
  endTime: 'eindtijd',
  place: 'plaats',
  capacity: 'capaciteit',
  audience: 'doelgroep',
  programme: 'programma',
  registrationDeadline: 'aanmelddeadline',
  eventId: 'bijeenkomst',
  year: 'jaar',
  period: 'periode',
  closesOn: 'sluitingsdatum',
  includedClients: 'aantal geïncludeerde cliënten',
  newInclusions: 'nieuwe inclusies',
  outflow: 'uitstroom',
  retentionDays: 'bewaartermijn (dagen)',
  checkInIntervalDays: 'interval voortgangsvraag (dagen)',
};

export function labelOfField(field: string): string {
  return fieldLabel[field] ?? field;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

/** Sentences. Each takes the facts it needs; none takes free text of a case. */
export const msg = {
  // Errors
  unknownPerson: () =>
    'U bent (nog) niet bekend bij het Coördinatiepunt Levensloopaanpak. Vraag de kwartiermaker om u toe te voegen.',
  inactivePerson: () => 'Uw account is niet actief. Neem contact op met de kwartiermaker.',
  forbidden: (what: string) => `U mag dit niet: ${what}.`,
  moveCaseAction: () => 'de status van een casus wijzigen',
  forbiddenOtherRegion: () => 'U hebt alleen toegang tot de casussen en gegevens van uw eigen regio.',
  notFound: (kind: string, id: string) => `${kind} „${id}” bestaat niet.`,
  invalidField: (field: string, problem: string) => `${labelOfField(field)}: ${problem}`,
  privacyRefused: (field: string, kinds: PrivacyFindingKind[], examples: string[]) =>
    `${capitalise(labelOfField(field))} lijkt gegevens te bevatten die een cliënt herkenbaar maken: ${list(
      kinds.map((k) => privacyKindLabel[k]),
    )} (${examples.map((e) => `„${e}”`).join(', ')}). Haal dit weg of schrijf het algemener; het Coördinatiepunt verzamelt knelpunten, geen cliëntgegevens.`,
  transitionNotAllowed: (from: CaseStatus, to: CaseStatus) =>
    `Een casus kan niet van „${statusLabel[from]}” naar „${statusLabel[to]}”.`,
  transitionSame: (status: CaseStatus) => `De casus staat al op „${statusLabel[status]}”.`,
  transitionBackNeedsReason: () => 'Terugzetten naar een eerdere stap kan alleen met een toelichting.',
  problemOwnerRequired: () => 'Geef de probleemeigenaar op bij de status „bij probleemeigenaar”.',
  outcomeRequired: () => 'Geef de uitkomst op bij het sluiten van een casus.',
  caseClosed: (code: string) => `Casus ${code} is gesloten; zet hem eerst terug met een toelichting.`,
  routeNotGoneThrough: () =>
    'Een vastgelopen casus kan pas gemeld worden als de regionale opschalingsroute is doorlopen: kies minstens één doorlopen stap.',
  regionRequiredForRole: () => 'Een projectleider of procesregisseur hoort bij een regio: geef de regio op.',
  regionUnknown: (code: string) => `Regio „${code}” bestaat niet.`,
  regionExists: (code: string) => `Regio „${code}” bestaat al.`,
  emailTaken: (email: string) => `Er is al een persoon met e-mailadres ${email}.`,
  slackIdTaken: (id: string) => `Slack-id ${id} hoort al bij een andere persoon.`,
  teamsIdTaken: () => 'Dit Teams-id hoort al bij een andere persoon.',
  lastQuartermaster: () => 'Er moet altijd minstens één actieve kwartiermaker blijven.',
  taskGroupDissolved: (id: string) => `Taakgroep ${id} is opgeheven; daar kan niets meer bij.`,
  firstContactMustBeMember: () => 'Het eerste aanspreekpunt moet lid zijn van de taakgroep.',
  alreadyMember: (name: string) => `${name} is al lid van deze taakgroep.`,
  notMember: (name: string) => `${name} is geen lid van deze taakgroep.`,
  notPoolMember: (name: string) => `${name} hoort niet bij de vaste schil; voeg de persoon eerst toe aan de vaste schil.`,
  onlyFirstContactReports: () => 'Alleen het eerste aanspreekpunt of de kwartiermaker kan voortgang melden.',
  bottleneckInactive: (id: string) => `Knelpunt ${id} is niet meer actief.`,
  eventCancelled: (id: string) => `Bijeenkomst ${id} gaat niet door.`,
  eventPast: () => 'Deze bijeenkomst is al geweest.',
  registrationClosed: (deadline: string) => `Aanmelden kon tot en met ${formatDate(deadline)}.`,
  notRegistered: () => 'U bent niet aangemeld voor deze bijeenkomst.',
  alreadyRegistered: (onWaitlist: boolean) =>
    onWaitlist ? 'U staat al op de wachtlijst voor deze bijeenkomst.' : 'U bent al aangemeld voor deze bijeenkomst.',
  eventsPlanned: (year: number) => `Het jaarprogramma ${year} is al gepland.`,
  roundExists: (period: string) => `De monitorronde ${period} bestaat al.`,
  roundClosed: (period: string) => `De monitorronde ${period} is gesloten.`,
  noOpenRound: () => 'Er is geen open monitorronde.',
  monitorInconsistent: () => 'Nieuwe inclusies en uitstroom kunnen niet groter zijn dan wat het aantal cliënten toelaat.',
  dateInPast: () => 'Deze datum ligt in het verleden.',
  timeOrder: () => 'De eindtijd moet na de begintijd liggen.',

  // Store
  storeInvalidJson: (file: string, fault: string) =>
    `Het gegevensbestand ${file} is geen geldige JSON (${fault}). Het bestand is niet aangepast. Zet een back-up terug (zie README, „Back-up en herstel”).`,
  storeInvalidSchema: (file: string, fault: string) =>
    `Het gegevensbestand ${file} klopt niet met het schema: ${fault}. Het bestand is niet aangepast. Zet een back-up terug (zie README, „Back-up en herstel”).`,
  storeTooNew: (file: string, version: number) =>
    `Het gegevensbestand ${file} heeft schemaversie ${version}, nieuwer dan deze versie van lla kent. Werk lla bij.`,
  storeBusy: (file: string, holder: string) =>
    `Het gegevensbestand ${file} is bezet (${holder}). Probeer het zo opnieuw.`,
  storeMissing: (file: string) => `Er is nog geen gegevensbestand in ${file}. Begin met „lla init”.`,
  storeResultInvalid: (fault: string) => `De wijziging is niet opgeslagen: het resultaat klopt niet met het schema (${fault}).`,
  backupRestored: (backup: string) => `Back-up ${backup} is teruggezet.`,

  // Notifications (rendered by the bot at send time)
  caseReportedToQuartermaster: (code: string, region: string) => `Nieuwe vastgelopen casus ${code} uit ${region}.`,
  caseStatusChanged: (code: string, to: CaseStatus) => `Casus ${code} staat nu op „${statusLabel[to]}”.`,
  caseNoteAddressed: (code: string) => `Er is een notitie voor u bij casus ${code}.`,
  registrationConfirmed: (title: string, date: string) => `U bent aangemeld voor ${title} op ${formatDate(date)}.`,
  registrationWaitlisted: (title: string, position: number) =>
    `${title} is vol; u staat op de wachtlijst (plaats ${position}).`,
  registrationCancelled: (title: string) => `U bent afgemeld voor ${title}.`,
  waitlistPromoted: (title: string, date: string) =>
    `Er is een plek vrijgekomen: u bent nu aangemeld voor ${title} op ${formatDate(date)}.`,
} as const;

/** Texts of the demo tool (`npm run demo`). */
export const toolMsg = {
  error: (message: string) => `Fout: ${message}`,
  unexpected: (detail: string) => `Onverwachte fout: ${detail}`,

  demoUsage: () =>
    'Gebruik: npm run demo [-- <map>]\n' +
    'Vult een lege gegevensmap met verzonnen demogegevens. Map: het argument, anders LLA_DATA, anders ./lla-data.\n' +
    'Een bestaand gegevensbestand wordt nooit gewijzigd.',
  demoExists: (file: string) => `Er staat al een gegevensbestand in ${file}; de demo laat het ongemoeid.`,
  demoAppeared: (file: string) => `Intussen is er een gegevensbestand aangemaakt in ${file}; de demo laat het ongemoeid.`,
  demoCreated: () => 'Demogegevens aangemaakt (verzonnen: geen echte personen of cliënten).',
  demoProgress: (pct: number) => `Demogegevens maken… ${pct}%`,
  demoProgressDone: () => 'Demogegevens maken… klaar',

  summaryFile: (file: string) => `Gegevensbestand:        ${file}`,
  summaryRegions: (n: number, started: number) => `Regio’s:                ${n} (${started} gestart)`,
  summaryPeople: (n: number) => `Mensen:                 ${n}`,
  summaryCases: (n: number, open: number) => `Casussen:               ${n} (${open} open, ${n - open} gesloten)`,
  summarySignals: (n: number) => `Signalen:               ${n}`,
  summaryTaskGroups: (n: number) => `Actieve taakgroepen:    ${n}`,
  summaryEvents: (n: number, next?: { title: string; date: string }) =>
    `Komende bijeenkomsten:  ${n}${next ? ` (eerstvolgende: ${next.title}, ${formatDate(next.date)})` : ''}`,
  summaryRound: (period: string, open: boolean, submitted: number, started: number) =>
    `Monitorronde ${period}:   ${open ? 'open' : 'gesloten'}; ${submitted} van ${started} gestarte regio’s hebben cijfers ingestuurd`,
  summaryNoRound: () => 'Monitorronde:           nog geen',
  summaryTopHeader: () => 'Meest gesignaleerde knelpunten:',
  summaryTopItem: (rank: number, id: string, title: string, n: number) => `  ${rank}. ${id} ${title} (${n} signalen)`,

} as const;

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
