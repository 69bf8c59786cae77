/**
 * Texts of `lla taakgroep`, `lla knelpunt` and `lla signaal`.
 *
 * Loaded when the command definitions are built (also for `lla --help`), so
 * this file imports nothing: `core/dates.js` costs tens of milliseconds at
 * start-up. Dates arrive here already formatted by `formatDate` /
 * `formatDateTime` (d MMMM yyyy), which the actions import lazily.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `lla taakgroep …` */
export const taskGroupMsg = {
  description: () => 'Taakgroepen: samenstellen, leden en eerste aanspreekpunt, voortgang, opheffen.',
  newDescription: () => 'Stel een nieuwe taakgroep samen voor een van de vijf taken van het Coördinatiepunt.',
  listDescription: () => 'Toon de actieve taakgroepen (met --alle ook de opgeheven).',
  showDescription: () => 'Toon een taakgroep: doel, leden, eerste aanspreekpunt, deadline en voortgang.',
  memberDescription: () => 'Voeg een lid toe aan een taakgroep, verwijder een lid, of maak iemand eerste aanspreekpunt.',
  progressDescription: () => 'Leg voortgang vast bij een taakgroep (eerste aanspreekpunt of kwartiermaker).',
  dissolveDescription: () => 'Hef een taakgroep op als de taak klaar is, met het resultaat (vraagt om bevestiging).',

  argTaskGroup: () => 'taakgroep-id, bijvoorbeeld TG-001',
  argPerson: () => 'persoons-id of e-mailadres',
  optName: () => 'naam van de taakgroep',
  optTask: () => 'taak van het Coördinatiepunt (1 tot en met 5)',
  optGoal: () => 'doel van de taakgroep',
  optMembers: () => 'leden uit de vaste schil, met komma’s: P-0004,P-0005',
  optFirstContact: () => 'eerste aanspreekpunt (persoons-id of e-mailadres)',
  optDeadline: () => 'deadline (jjjj-mm-dd)',
  optAll: () => 'ook opgeheven taakgroepen',
  optRemove: () => 'verwijder de persoon uit de taakgroep',
  optMakeFirstContact: () => 'maak de persoon eerste aanspreekpunt (en zo nodig lid)',
  optText: () => 'de voortgang, kort en zonder cliëntgegevens',
  optResult: () => 'het resultaat van de taakgroep',
  removeAndFirstContact: () => '--verwijder en --aanspreekpunt gaan niet samen.',

  askName: () => 'Naam van de taakgroep:',
  askTask: () => 'Aan welke taak werkt de taakgroep?',
  askGoal: () => 'Doel van de taakgroep:',
  askMembers: () => 'Leden uit de vaste schil (spatie om te kiezen):',
  askFirstContact: () => 'Eerste aanspreekpunt:',
  noFirstContact: () => '(nog niemand)',
  askDeadline: () => 'Deadline (leeg: geen)',
  askTaskGroup: () => 'Welke taakgroep?',
  askPerson: () => 'Welke persoon?',
  askText: () => 'Voortgang:',
  askResult: () => 'Resultaat van de taakgroep:',
  noTaskGroups: () => 'Er zijn geen actieve taakgroepen.',
  noCandidates: () => 'Er is niemand om uit te kiezen.',
  confirmDissolve: (id: string, name: string) => `Taakgroep ${id} „${name}” opheffen? Daarna kan er niets meer bij.`,

  taskTitle: (task: number, title: string | undefined) => (title ? `${task} – ${title}` : String(task)),
  statusLabel: (status: 'active' | 'dissolved') => (status === 'active' ? 'actief' : 'opgeheven'),
  headers: () => ['Id', 'Naam', 'Taak', 'Leden', 'Eerste aanspreekpunt', 'Deadline', 'Status', 'Laatste voortgang'],

  created: (id: string, name: string, task: string) => `Taakgroep ${id} „${name}” samengesteld (taak ${task}).`,
  membersLine: (names: string[]) => `Leden: ${names.length === 0 ? '(nog geen)' : names.join(', ')}`,
  firstContactLine: (name: string | undefined) => `Eerste aanspreekpunt: ${name ?? '(nog niemand)'}`,
  deadlineLine: (deadline: string | undefined) => `Deadline: ${deadline ?? '(geen)'}`,
  memberAdded: (name: string, id: string) => `${name} is lid geworden van taakgroep ${id}.`,
  memberRemoved: (name: string, id: string) => `${name} is uit taakgroep ${id} gehaald.`,
  firstContactSet: (name: string, id: string) => `${name} is nu het eerste aanspreekpunt van taakgroep ${id}.`,
  progressAdded: (id: string, n: number) => `Voortgang vastgelegd bij taakgroep ${id} (${plural(n, 'update', 'updates')}).`,
  dissolved: (id: string, at: string) => `Taakgroep ${id} is opgeheven op ${at}.`,

  // `toon`
  title: (id: string, name: string) => `${id}  ${name}`,
  taskLine: (task: string) => `Taak: ${task}`,
  goalLine: (goal: string) => `Doel: ${goal}`,
  statusLine: (status: string, dissolvedAt?: string) => `Status: ${status}${dissolvedAt ? ` sinds ${dissolvedAt}` : ''}`,
  createdLine: (at: string, by: string) => `Samengesteld: ${at} door ${by}`,
  resultLine: (result: string) => `Resultaat: ${result}`,
  timelineHeader: (n: number) => `Voortgang (${plural(n, 'update', 'updates')}):`,
  timelineEmpty: () => 'Voortgang: nog geen updates.',
  timelineItem: (at: string, by: string, text: string) => `  ${at}  ${by}: ${text}`,
  memberItem: (name: string, id: string, isFirstContact: boolean) => `  ${name} (${id})${isFirstContact ? ' – eerste aanspreekpunt' : ''}`,
  membersHeader: (n: number) => `Leden (${n}):`,
} as const;

/** `lla knelpunt …` */
export const bottleneckMsg = {
  description: () => 'Knelpunten: de referentielijst en nieuwe knelpunten uit de casuïstiek.',
  listDescription: () => 'Toon de knelpunten met eigenaar en het aantal signalen.',
  newDescription: () => 'Voeg een nieuw knelpunt toe (kwartiermaker).',
  showDescription: () => 'Toon een knelpunt: omschrijving, aanvliegroute, eigenaar en aantal signalen.',
  argBottleneck: () => 'knelpunt-id, bijvoorbeeld KP-02 of 2',
  optAll: () => 'ook knelpunten die niet meer actief zijn',
  optTitle: () => 'korte titel van het knelpunt',
  optOwner: () => 'eigenaar (probleemeigenaar), bijvoorbeeld VWS of CIZ',
  optDescription: () => 'omschrijving',
  optApproach: () => 'aanvliegroute',

  askTitle: () => 'Titel van het knelpunt:',
  askOwner: () => 'Eigenaar van het knelpunt:',
  otherOwner: () => 'Anders…',
  askOwnerText: () => 'Naam van de eigenaar:',
  askDescription: () => 'Omschrijving (mag leeg):',
  askApproach: () => 'Aanvliegroute (mag leeg):',
  askBottleneck: () => 'Welk knelpunt?',

  headers: () => ['Id', 'Titel', 'Eigenaar', 'Signalen'],
  created: (id: string, title: string) => `Knelpunt ${id} „${title}” toegevoegd.`,
  title: (id: string, title: string) => `${id}  ${title}`,
  descriptionLine: (text: string) => `Omschrijving: ${text || '–'}`,
  approachLine: (text: string) => `Aanvliegroute: ${text || '–'}`,
  ownerLine: (owner: string) => `Eigenaar: ${owner}`,
  sourceLine: (wlzNumber: number | undefined, createdAt: string) =>
    wlzNumber !== undefined ? `Bron: Wlz-knelpuntenlijst, nummer ${wlzNumber}` : `Bron: toegevoegd op ${createdAt}`,
  activeLine: (active: boolean) => `Actief: ${active ? 'ja' : 'nee'}`,
  signalsLine: (n: number) => `Signalen: ${n}`,
} as const;

/** `lla signaal …` */
export const signalMsg = {
  description: () => 'Signalen: meld dat een knelpunt zich voordeed, en bekijk de signalen.',
  newDescription: () => 'Meld een signaal: een knelpunt deed zich voor in een regio (zonder casus).',
  listDescription: () => 'Toon signalen, te filteren op periode, regio en knelpunt.',
  optBottleneck: () => 'het knelpunt: KP-02 of 2',
  optRegion: () => 'regiocode, bijvoorbeeld HGL (standaard uw eigen regio)',
  optNote: () => 'korte toelichting, zonder cliëntgegevens',
  optFrom: () => 'vanaf deze dag (jjjj-mm-dd)',
  optTo: () => 'tot en met deze dag (jjjj-mm-dd)',
  optRegionFilter: () => 'alleen deze regio',
  optBottleneckFilter: () => 'alleen dit knelpunt',

  askBottleneck: () => 'Welk knelpunt deed zich voor?',
  askRegion: () => 'In welke regio?',
  askNote: () => 'Toelichting (mag leeg):',
  periodOrder: () => '--van moet vóór of op --tot liggen.',

  headers: () => ['Id', 'Datum', 'Regio', 'Knelpunt', 'Casus', 'Toelichting'],
  created: (id: string, bottleneck: string, region: string) => `Signaal ${id} vastgelegd: ${bottleneck} in ${region}.`,
} as const;
