/**
 * The conversation part of the message catalog: every sentence the chat bot
 * (Slack, Teams, terminal chat) shows, in Dutch. Labels of enum values
 * (status, theme, help, steps, roles) come from `messages.ts`; sentences the
 * use-cases already say (refusals, registration confirmations) are reused
 * from `msg` there. None of these takes free text of a case.
 */
import { formatDate } from './dates.js';
import { statusLabel } from './messages.js';
import type { CaseStatus } from './schema.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const convMsg = {
  // Greeting and help
  greeting: (firstName: string) => `Hallo ${firstName}!`,
  profile: (roles: string, region?: string) => (region ? `U bent ${roles} in regio ${region}.` : `U bent ${roles}.`),
  helpTitle: () => 'Wat kan ik voor u doen?',
  helpIntro: () => 'Typ een van deze opdrachten, of gebruik de knoppen.',
  helpUnknown: () => 'Die opdracht ken ik niet.',
  helpCommands: (): Array<{ command: string; what: string }> => [
    { command: 'meld', what: 'een vastgelopen casus melden (formulier)' },
    { command: 'signaal', what: 'een knelpunt signaleren zonder casus' },
    { command: 'mijn casussen', what: 'de open casussen van uw regio, met status en dagen in die status' },
    { command: 'casus VC-2026-0001', what: 'één casus bekijken' },
    { command: 'voortgang', what: 'voortgang doorgeven van de taakgroep waarvan u eerste aanspreekpunt bent' },
    { command: 'vakdagen', what: 'komende vakdagen en bijeenkomsten; aan- en afmelden' },
    { command: 'monitor', what: 'de halfjaarlijkse monitorcijfers van uw regio insturen' },
    { command: 'rapport', what: 'de signalenrapportage van vorige maand in het kort (kwartiermaker en ambassadeurs)' },
    { command: 'help', what: 'dit overzicht' },
  ],

  // Buttons
  btnReportCase: () => 'Meld casus',
  btnReportSignal: () => 'Meld signaal',
  btnMyCases: () => 'Mijn casussen',
  btnEvents: () => 'Vakdagen',
  btnProgress: () => 'Voortgang',
  btnMonitor: () => 'Monitor',
  btnHelp: () => 'Help',
  btnShowCase: () => 'Toon casus',
  btnShow: () => 'Toon',
  btnMoveTo: (to: CaseStatus) => `Naar „${statusLabel[to]}”`,
  btnRegister: () => 'Aanmelden',
  btnCancelRegistration: () => 'Afmelden',
  btnGiveProgress: () => 'Voortgang doorgeven',
  btnSnooze: () => 'Herinner me later',
  btnSubmit: () => 'Versturen',
  btnCancel: () => 'Annuleren',

  // Refusals and errors
  unknownContact: (contacts: string[]) =>
    contacts.length === 1 ? `U bereikt de kwartiermaker via ${contacts[0]}.` : `U bereikt de kwartiermakers via ${contacts.join(' of ')}.`,
  contact: (name: string, email: string) => `${name} (${email})`,
  notAllowedTitle: () => 'Dat kan niet',
  busy: () => 'Het systeem is even bezig met een andere wijziging. Probeer het zo opnieuw.',
  unexpected: () => 'Er ging iets mis; er is niets opgeslagen. Probeer het later opnieuw, en meld het aan de kwartiermaker als het blijft misgaan.',
  reportNotForRole: () => 'Casussen en signalen melden doen projectleiders en procesregisseurs van een regio, en de kwartiermaker.',
  monitorNotForRole: () => 'De monitorcijfers van een regio stuurt de projectleider van die regio in (of de kwartiermaker).',
  noOpenRound: () => 'Er is nu geen open monitorronde. U krijgt bericht zodra de kwartiermaker een nieuwe ronde opent.',
  noTaskGroups: () =>
    'U bent geen eerste aanspreekpunt van een actieve taakgroep, dus er is geen voortgang om door te geven. Vragen over taakgroepen? Neem contact op met de kwartiermaker.',
  badAction: () => 'Deze knop werkt niet meer. Vraag het overzicht opnieuw op.',
  saved: () => 'Opgeslagen.',
  formGone: () => 'Dit formulier hoort bij een oude vraag. Begin opnieuw.',

  // Cases
  myCasesTitle: (region?: string) => (region ? `Open casussen in ${region}` : 'Open casussen'),
  allCasesTitle: () => 'Open casussen, langst vastgelopen eerst',
  noOpenCases: () => 'Er zijn geen open casussen.',
  andMore: (n: number) => `En nog ${plural(n, 'casus', 'casussen')}; die staan in de CLI („lla casus lijst”).`,
  caseItemTitle: (code: string, region: string) => `${code} · ${region}`,
  caseTitle: (code: string) => `Casus ${code}`,
  factStatus: () => 'Status',
  factRegion: () => 'Regio',
  factTheme: () => 'Thema',
  factDaysInStatus: () => 'Dagen in status',
  daysInStatus: (days: number, since: string) => `${plural(days, 'dag', 'dagen')} (sinds ${formatDate(since)})`,
  daysShort: (days: number) => plural(days, 'dag', 'dagen'),
  factHomelessOn: () => 'Dreigende dakloosheid',
  factHelpAsked: () => 'Gevraagde hulp',
  factBottlenecks: () => 'Knelpunten',
  factReportedOn: () => 'Gemeld op',
  factProblemOwner: () => 'Probleemeigenaar',
  factCaseCode: () => 'Casuscode',
  history: (steps: string[]) => `Verloop: ${steps.join(' → ')}`,
  historyStep: (at: string, to: CaseStatus) => `${statusLabel[to]} (${formatDate(at)})`,
  historyEarlier: (n: number) => `(${plural(n, 'eerdere stap', 'eerdere stappen')})`,
  moveHint: () => 'U kunt de casus hieronder verplaatsen.',
  caseMoved: (code: string, from: CaseStatus, to: CaseStatus) => `Casus ${code} is verplaatst van „${statusLabel[from]}” naar „${statusLabel[to]}”.`,
  caseMovedReporterHears: () => 'De melder krijgt hiervan bericht.',

  // Case reported
  caseReportedTitle: (code: string) => `Casus ${code} is gemeld`,
  caseReportedCode: (code: string) => `Uw casuscode is ${code}. Noem deze code als u over de casus praat of mailt.`,
  caseReportedNext: () =>
    'De kwartiermaker bekijkt de casus en neemt contact met u op. Bij elke statuswijziging krijgt u hier bericht.',
  signalReportedTitle: () => 'Signaal vastgelegd',
  signalReported: (bottleneck: string, region: string) => `Het signaal over ${bottleneck} in ${region} is vastgelegd. Dank u wel!`,
  signalCounts: () => 'Signalen tellen mee in de signalenrapportage voor de ambassadeurs.',

  // Forms: titles, intros, fields, hints
  formReportCaseTitle: () => 'Casus melden',
  formReportCaseIntro: (region?: string) =>
    region
      ? `Meld een casus die in regio ${region} is vastgelopen nadat de regionale opschalingsroute is doorlopen. De regio komt uit uw profiel.`
      : 'Meld een casus die in de regio is vastgelopen nadat de regionale opschalingsroute is doorlopen.',
  formReportSignalTitle: () => 'Signaal melden',
  formReportSignalIntro: (region?: string) =>
    region ? `Signaleer een knelpunt dat zich in regio ${region} voordeed, zonder casus.` : 'Signaleer een knelpunt dat zich in een regio voordeed, zonder casus.',
  formMoveTitle: () => 'Casus verplaatsen',
  formMoveIntro: (code: string, from: CaseStatus, to: CaseStatus) => `Casus ${code} van „${statusLabel[from]}” naar „${statusLabel[to]}”.`,
  formProgressTitle: () => 'Voortgang doorgeven',
  formProgressIntro: (group?: string) => (group ? `Voortgang van taakgroep „${group}”.` : 'Voortgang van een taakgroep waarvan u eerste aanspreekpunt bent.'),
  formMonitorTitle: (period: string) => `Monitor ${period}`,
  formMonitorIntro: (period: string, region?: string, closesOn?: string) =>
    `Cijfers voor de periode ${period}${region ? ` van regio ${region}` : ''}.` +
    (closesOn ? ` De ronde sluit op ${formatDate(closesOn)}.` : '') +
    ' Opnieuw insturen vervangt de vorige cijfers.',
  formMonitorResubmit: (date: string) => `Uw regio stuurde op ${formatDate(date)} al cijfers in; die staan hieronder ingevuld.`,

  fieldRegion: () => 'Regio',
  fieldTheme: () => 'Thema',
  fieldBottlenecks: () => 'Knelpunten',
  hintBottlenecks: () => 'Welke bekende knelpunten spelen er? Elk gekozen knelpunt telt als signaal.',
  fieldSketch: () => 'Situatieschets',
  hintSketch: () => 'Kort en zonder persoonsgegevens: geen namen, geboortedata, adressen, BSN, telefoonnummers of dossiernummers.',
  placeholderSketch: () => 'Wat zit vast, en waarom lukt het niet in de regio?',
  fieldStepsTried: () => 'Doorlopen regionale stappen',
  hintStepsTried: () => 'Een casus melden kan pas als de regionale route is doorlopen: kies minstens één stap.',
  fieldStepsNote: () => 'Toelichting op de stappen',
  fieldHomelessOn: () => 'Datum dreigende dakloosheid',
  hintHomelessOn: () => 'Alleen als dakloosheid dreigt, bijvoorbeeld de datum van vrijlating uit detentie.',
  fieldHelpAsked: () => 'Gevraagde hulp',
  fieldBottleneck: () => 'Knelpunt',
  fieldSignalNote: () => 'Toelichting',
  hintNoPersonalData: () => 'Zonder persoonsgegevens van cliënten.',
  fieldReason: () => 'Toelichting',
  hintReason: () => 'Waarom deze stap? Zonder persoonsgegevens van cliënten.',
  fieldProblemOwner: () => 'Probleemeigenaar',
  hintProblemOwner: () => 'De partij die het knelpunt kan oplossen, bijvoorbeeld VWS, CIZ, Zorgverzekeraars Nederland of VNG.',
  fieldOutcome: () => 'Uitkomst',
  fieldLesson: () => 'Les voor de signalenrapportage',
  fieldTaskGroup: () => 'Taakgroep',
  fieldProgressText: () => 'Voortgang',
  hintProgressText: () => 'Wat is er sinds de vorige keer gebeurd, en wat is de volgende stap?',
  fieldIncludedClients: () => 'Aantal geïncludeerde cliënten',
  fieldNewInclusions: () => 'Nieuwe inclusies in de periode',
  fieldOutflow: () => 'Uitstroom in de periode',
  fieldStarted: () => 'Is de Levensloopaanpak in de regio gestart?',
  yes: () => 'ja',
  no: () => 'nee',
  notANumber: () => 'Vul een geheel getal in.',
  chooseYesNo: () => 'Kies ja of nee.',

  // Task groups
  progressSavedTitle: () => 'Voortgang vastgelegd',
  progressSaved: (group: string) => `De voortgang van taakgroep „${group}” is vastgelegd. Dank u wel!`,
  checkInTitle: (group: string) => `Hoe staat taakgroep „${group}” ervoor?`,
  checkInText: () => 'Als eerste aanspreekpunt houdt u het Coördinatiepunt op de hoogte. Wilt u de voortgang doorgeven?',
  checkInLast: (date: string) => `De laatste voortgang is van ${formatDate(date)}.`,
  checkInNone: () => 'Er is nog geen voortgang doorgegeven.',
  factTaskGroup: () => 'Taakgroep',
  factDeadline: () => 'Deadline',
  factLastProgress: () => 'Laatste voortgang',
  snoozed: (group: string, until: string) => `Goed, ik vraag het opnieuw op ${formatDate(until)} (taakgroep „${group}”).`,

  // Events
  eventsTitle: () => 'Komende vakdagen en bijeenkomsten',
  noEvents: () => 'Er zijn geen komende vakdagen of bijeenkomsten gepland.',
  factDate: () => 'Datum',
  factPlace: () => 'Plaats',
  factPlaces: () => 'Plaatsen',
  places: (registered: number, capacity: number) => `${registered} van ${capacity} bezet`,
  factWaitlist: () => 'Wachtlijst',
  waitlistCount: (n: number) => plural(n, 'persoon', 'personen'),
  factMyRegistration: () => 'Uw aanmelding',
  myRegistered: () => 'aangemeld',
  myWaitlisted: (position: number) => `op de wachtlijst (plaats ${position})`,
  myNone: () => 'niet aangemeld',
  factDeadlineRegistration: () => 'Aanmelden tot en met',
  registrationClosed: () => 'gesloten',
  timeRange: (date: string, start?: string, end?: string) =>
    `${formatDate(date)}${start ? `, ${start}${end ? `–${end}` : ''}` : ''}`,
  registeredTitle: () => 'Aangemeld',
  waitlistedTitle: () => 'Op de wachtlijst',
  waitlistedNext: () => 'Komt er een plek vrij, dan meldt het Coördinatiepunt u automatisch aan en krijgt u hier bericht.',
  cancelledTitle: () => 'Afgemeld',

  // Monitor
  monitorSavedTitle: () => 'Monitorcijfers ingestuurd',
  monitorSaved: (region: string, period: string) => `De cijfers van ${region} voor ${period} zijn ingestuurd. Dank u wel!`,

  // Notifications
  notifyStatusTitle: (code: string) => `Casus ${code}: nieuwe status`,
  notifyStatusFromTo: (from: CaseStatus, to: CaseStatus) => `Van „${statusLabel[from]}” naar „${statusLabel[to]}”.`,
  notifyNoteTitle: (code: string) => `Notitie bij casus ${code}`,
  notifyReportedTitle: () => 'Nieuwe vastgelopen casus',
  notifyReportedMove: () => 'Pak de casus op met een van de knoppen.',
  notifyEventTitle: () => 'Vakdag of bijeenkomst',
  notifyRegistrationChanged: (title: string) => `Uw aanmelding voor ${title} is gewijzigd.`,
  notifyAnnouncedTitle: (title: string) => `Uitnodiging: ${title}`,
  notifyAnnounced: (title: string, date: string) => `U bent van harte uitgenodigd voor ${title} op ${formatDate(date)}. Meld u aan met de knop hieronder.`,
  notifyAnnouncedProgramme: (programme: string) => `Programma: ${programme}`,
  subjectGone: () => 'Het onderwerp van dit bericht bestaat niet meer.',

  // Scheduled messages (issue 5): digest, monthly report, monitor, homelessness, event reminders
  digestWeekTitle: (from: string, to: string) => `Weekoverzicht ${formatDate(from)} – ${formatDate(to)}`,
  digestMonthTitle: (from: string) => `Signalenrapportage ${formatDate(from).replace(/^\d+ /, '')}`,
  digestWeekIntro: () => 'Wat er de afgelopen week veranderde bij het Coördinatiepunt, en wat op u wacht.',
  digestMonthIntro: (from: string) => `De signalenrapportage over ${formatDate(from).replace(/^\d+ /, '')} in het kort, en wat op u wacht.`,
  digestChanges: (newCases: number, signals: number, signalsBefore: number, resolved: number, closed: number, escalated: number) =>
    `Nieuw: ${plural(newCases, 'casus', 'casussen')} en ${plural(signals, 'signaal', 'signalen')} (de periode ervoor: ${signalsBefore}). ` +
    `Opgelost: ${resolved}; gesloten zonder oplossing: ${closed}; landelijk geëscaleerd: ${escalated}.`,
  digestTopBottlenecks: (items: string[]) => `Meest gesignaleerd: ${items.join('; ')}.`,
  digestBottleneck: (id: string, title: string, signals: number) => `${id} ${title} (${signals})`,
  digestSilent: (silent: number, started: number) =>
    `${silent} van de ${started} gestarte regio’s meldden in deze periode geen casus en geen signaal.`,
  digestDecisions: (n: number) =>
    n === 0
      ? 'Er wachten geen casussen op een besluit van de ambassadeurs.'
      : `Wachten op uw besluit (landelijk geëscaleerd, langst wachtend eerst): ${plural(n, 'casus', 'casussen')}.`,
  digestMoreDecisions: (n: number) => `En nog ${plural(n, 'casus', 'casussen')}; die staan in het volledige rapport.`,
  digestFullReport: (from: string, to: string) =>
    `Het volledige rapport met grafieken: „lla rapport --formaat html --van ${from} --tot ${to}” (of vraag het de kwartiermaker).`,
  factOpenCases: () => 'Open casussen',
  factNewCases: () => 'Nieuwe casussen',
  factSignals: () => 'Signalen',
  factResolved: () => 'Opgelost',
  factEscalated: () => 'Landelijk geëscaleerd',
  factAwaiting: () => 'Wachten op besluit',
  factWaitingSince: () => 'Wacht sinds',
  waitingSince: (since: string, days: number) => `${formatDate(since)} (${plural(days, 'dag', 'dagen')})`,

  btnMonitorFill: () => 'Cijfers invullen',
  monitorRequestTitle: (period: string) => `Monitor ${period}: uw cijfers gevraagd`,
  monitorRequest: (period: string, region: string) =>
    `De monitorronde ${period} is geopend. Wilt u de cijfers van ${region} invullen: geïncludeerde cliënten, nieuwe inclusies en uitstroom? Het formulier kost een minuut.`,
  monitorReminderTitle: (period: string) => `Herinnering: monitor ${period}`,
  monitorReminder: (period: string, region: string, days: number) =>
    `De cijfers van ${region} voor de monitor ${period} zijn nog niet binnen; de ronde is ${plural(days, 'dag', 'dagen')} geleden geopend. Wilt u ze nu invullen?`,
  monitorClosesOn: (date: string) => `De ronde sluit op ${formatDate(date)}.`,
  monitorAlreadyIn: () => 'Uw regio heeft de cijfers inmiddels ingestuurd, dank u wel. Opnieuw insturen vervangt ze.',
  monitorRoundClosed: () => 'Deze monitorronde is inmiddels gesloten.',
  monitorMissingTitle: (period: string, n: number) => `Monitor ${period}: ${plural(n, 'regio', 'regio’s')} zonder cijfers`,
  monitorMissing: (days: number, names: string[]) =>
    `Na ${plural(days, 'dag', 'dagen')} hebben deze regio’s nog geen cijfers ingestuurd: ${names.join(', ')}. De projectleiders hebben een herinnering gekregen.`,
  monitorAllIn: (period: string) => `Inmiddels hebben alle gestarte regio’s hun cijfers voor ${period} ingestuurd.`,
  factSubmitted: () => 'Ingestuurd',
  submittedOf: (submitted: number, expected: number) => `${submitted} van ${plural(expected, 'regio', 'regio’s')}`,
  factPeriod: () => 'Periode',

  homelessTitle: (code: string, days: number) =>
    days === 0 ? `Dreigende dakloosheid vandaag: casus ${code}` : `Dreigende dakloosheid over ${plural(days, 'dag', 'dagen')}: casus ${code}`,
  homeless: (code: string, region: string, date: string, status: CaseStatus) =>
    `Bij casus ${code} (${region}) dreigt op ${formatDate(date)} dakloosheid. De casus staat op „${statusLabel[status]}”.`,
  homelessStep: (step: number) => `Dit is de waarschuwing van ${plural(step, 'dag', 'dagen')} vooraf; u krijgt er per casus hoogstens twee.`,
  homelessFinal: (status: CaseStatus) => `De casus is inmiddels „${statusLabel[status]}”.`,

  deadlineTitle: (title: string) => `Nog aanmelden: ${title}`,
  deadline: (title: string, date: string, deadline: string) =>
    `U kunt zich tot en met ${formatDate(deadline)} aanmelden voor ${title} op ${formatDate(date)}.`,
  deadlineAnswered: () => 'U hebt zich inmiddels aangemeld; u hoeft niets meer te doen.',
  eventSoonTitle: (title: string) => `Binnenkort: ${title}`,
  eventSoon: (title: string, when: string, place?: string) => `U bent aangemeld voor ${title} op ${when}${place ? ` in ${place}` : ''}.`,
  eventSoonCancel: () => 'Kunt u toch niet? Meld u dan af: dan krijgt iemand van de wachtlijst uw plek.',
  eventSoonNotRegistered: (title: string) => `U staat niet (meer) aangemeld voor ${title}.`,
} as const;

export type ConvMsg = typeof convMsg;
