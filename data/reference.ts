/**
 * Reference data seeded into a new store. After seeding it is data the
 * Coördinatiepunt maintains (regions, bottlenecks, problem owners), not code:
 * change it with the CLI, not here.
 *
 * Sources: ../shared/seeds (000 annex 1 and 3, 001, 003) and the public list
 * of Zorg- en Veiligheidshuis regions. Coordinating providers are filled in
 * only where the seeds name them (Fivoor in ten regions, seed 003).
 */
import type { Bottleneck, Reference, Region, Settings } from '../core/schema.js';

const FIVOOR = 'Fivoor';

/** The 31 ZVH regions. 29 of 31 had started by December 2024 (seed 000, annex 3). */
export const REGIONS: ReadonlyArray<Omit<Region, 'active'>> = [
  { code: 'GRO', name: 'Groningen', started: true },
  { code: 'FRL', name: 'Fryslân', started: true },
  { code: 'DRE', name: 'Drenthe', started: true },
  { code: 'IJS', name: 'IJsselland', started: true },
  { code: 'TWE', name: 'Twente', started: true },
  { code: 'NOG', name: 'Noord-Oost Gelderland', started: false },
  { code: 'ARN', name: 'Regio Arnhem', started: false },
  { code: 'GZU', name: 'Gelderland-Zuid', started: true },
  { code: 'ACH', name: 'Achterhoek', started: true },
  { code: 'FVA', name: 'Foodvalley', started: true },
  { code: 'RIV', name: 'Rivierenland', started: true },
  { code: 'FLE', name: 'Flevoland', started: true, coordinatingProvider: FIVOOR },
  { code: 'UTR', name: 'Regio Utrecht', started: true, coordinatingProvider: FIVOOR },
  { code: 'EEM', name: 'Eemland', started: true },
  { code: 'GVS', name: 'Gooi en Vechtstreek', started: true, coordinatingProvider: FIVOOR },
  { code: 'AMS', name: 'Amsterdam-Amstelland', started: true },
  { code: 'ZWL', name: 'Zaanstreek Waterland', started: true, coordinatingProvider: FIVOOR },
  { code: 'KEN', name: 'Kennemerland', started: true, coordinatingProvider: FIVOOR },
  { code: 'NHN', name: 'Noord-Holland Noord', started: true },
  { code: 'HMI', name: 'Hollands Midden', started: true, coordinatingProvider: FIVOOR },
  { code: 'HGL', name: 'Haaglanden', started: true, coordinatingProvider: FIVOOR },
  { code: 'RRM', name: 'Rotterdam-Rijnmond', started: true },
  { code: 'ZHZ', name: 'Zuid-Holland Zuid', started: true, coordinatingProvider: FIVOOR },
  { code: 'ZEE', name: 'Zeeland', started: true },
  { code: 'WBR', name: 'West-Brabant', started: true },
  { code: 'BRB', name: 'Breda Baronie', started: true, coordinatingProvider: FIVOOR },
  { code: 'MBR', name: 'Midden-Brabant', started: true, coordinatingProvider: FIVOOR },
  { code: 'BNO', name: 'Brabant Noordoost', started: true },
  { code: 'ZOB', name: 'Zuidoost-Brabant', started: true },
  { code: 'LNO', name: 'Limburg-Noord', started: true },
  { code: 'ZLI', name: 'Zuid-Limburg', started: true },
];

type BottleneckSeed = Pick<Bottleneck, 'title' | 'description' | 'approach' | 'owner'>;

/** The 14 Wlz bottlenecks (seed 000 annex 1, seed 001), in their order. */
export const WLZ_BOTTLENECKS: ReadonlyArray<BottleneckSeed> = [
  {
    title: 'Inhoud Wlz-indicatie niet op te vragen door levensloopcoördinator',
    description:
      'Voor een levensloopcoördinator is het niet mogelijk om informatie over de inhoud van een Wlz-indicatie van cliënt op te vragen, waardoor de coördinatiefunctie niet goed kan worden uitgevoerd.',
    approach:
      'Juridisch beleidsadviseur zoekt met de juristen van VWS Langdurige Zorg naar mogelijkheden binnen de huidige wet en het netwerkmodel; zo nodig wetsaanpassing.',
    owner: 'VWS (juristen Langdurige Zorg)',
  },
  {
    title: 'Wlz-indicatie tijdens detentie te laat; dakloosheid na detentie',
    description:
      'Het moment waarop het CIZ een Wlz-indicatie afgeeft terwijl iemand in detentie zit, is te laat om tijdig passend verblijf te regelen, waardoor dakloosheid ontstaat na detentie. De wachttijd bij woonvoorzieningen voor zware Wlz-ggz- en vg-indicaties is regelmatig jaren; zonder indicatie plaatsen woonvoorzieningen cliënten niet op de wachtlijst.',
    approach: 'Vooroverleg VWS en CIZ, daarna gezamenlijk overleg met de projectgroep over eerder indiceren voor levensloopcliënten.',
    owner: 'CIZ (via VWS)',
  },
  {
    title: 'Indicatieaanvraag lukt niet bij complexe cliënten',
    description:
      'Het aanvragen van indicaties lukt regelmatig niet, vooral bij cliënten met veel complexiteit: het CIZ wil aanvullende informatie of een gesprek met de cliënt, die daar niet toe in staat of bereid is.',
    approach: 'Bespreken met het CIZ (zie aanvliegroute knelpunt 2).',
    owner: 'CIZ',
  },
  {
    title: 'Zoektocht naar passende plek stagneert door stagnerende indicatie',
    description:
      'De zoektocht naar een passende plek stagneert doordat het aanvragen van indicaties stagneert. Wenselijk is dat de passende plek leidend is en een indicatie niet hoeft te worden afgewacht.',
    approach: 'Bespreken met het CIZ (zie aanvliegroute knelpunt 2).',
    owner: 'CIZ',
  },
  {
    title: 'Geen zorgverantwoordelijke partij (dossierhouder of Coördinator Zorg Thuis)',
    description:
      'Voor veel Wlz-cliënten in de Levensloopaanpak is geen zorgverantwoordelijke partij betrokken (dossierhouder of Coördinator Zorg Thuis) en neemt ook het zorgkantoor deze rol niet op zich, waardoor het niet lukt een passende plek te vinden.',
    approach: 'Bespreken met Zorgverzekeraars Nederland (ZN).',
    owner: 'Zorgverzekeraars Nederland',
  },
  {
    title: 'Rol dossierhouder botst met gezamenlijke verantwoordelijkheid',
    description:
      'De rol van dossierhouder binnen de Wlz staat haaks op de gezamenlijke verantwoordelijkheid binnen de Levensloopaanpak, waardoor de uitvoering vastloopt en de cliënt niet de nodige hulp of plek krijgt.',
    approach:
      "Meegenomen in de werkagenda 'Verbeteren van de aansluiting tussen de forensische zorg en reguliere zorg', maatregel 11; de ambassadeurs sluiten aan bij de werkgroep.",
    owner: 'VWS (werkagenda, maatregel 11)',
  },
  {
    title: 'Integrale Wlz-financiering blokkeert gezamenlijk instappen',
    description:
      'De integraliteit van de Wlz-financiering maakt het niet altijd mogelijk om als zorgpartners gezamenlijk in te stappen zonder onderaannemerschap. Daardoor stapt bij de complexe doelgroep vaak niemand in.',
    approach: "Meegenomen in de werkagenda 'Verbeteren van de aansluiting tussen de forensische zorg en reguliere zorg', maatregel 11.",
    owner: 'VWS (werkagenda, maatregel 11)',
  },
  {
    title: 'Onduidelijke criteria Wlz en Wmo; verkeerde indicaties aangevraagd',
    description:
      'In het werkveld is onduidelijk wat de criteria van de Wlz en de Wmo zijn en hoe beide wetten zich tot elkaar verhouden, waardoor lang niet altijd de juiste indicaties worden aangevraagd.',
    approach: 'Scholing over de wetten voor alle netwerkpartners in de Levensloopteams door de projectgroep.',
    owner: 'Projectgroep Wlz-LLA',
  },
  {
    title: 'Wlz-indicatie sluit Wmo-woonplek of opvang uit; dakloosheid',
    description:
      'Met een Wlz-indicatie is een woonplek op basis van de Wmo uitgesloten, ook in de maatschappelijke opvang, waardoor cliënten met een Wlz-indicatie regelmatig dakloos zijn. Zorgkantoren moeten met gemeenten overbruggingsplekken vormgeven.',
    approach: "Opgenomen in de 'werkagenda langdurige ggz Wmo-Wlz' en het 'actieplan Wlz-cliënten in de maatschappelijke opvang'.",
    owner: 'VWS; zorgkantoren met gemeenten',
  },
  {
    title: 'Escalatieroutes onbekend in het werkveld',
    description:
      'In het werkveld zijn de escalatieroutes onduidelijk en onbekend: wat ze opleveren en hoe je uiteindelijk bij maatwerkplekken uitkomt.',
    approach: 'De projectgroep verzamelt de escalatieroutes en informeert alle partners.',
    owner: 'Projectgroep Wlz-LLA',
  },
  {
    title: 'Escalatieroutes leiden niet tot een oplossing',
    description: 'Escalatieroutes functioneren in de praktijk niet altijd naar behoren of leiden niet tot een oplossing voor de cliënt.',
    approach:
      'Projectcoördinator verzamelt praktijkvoorbeelden en zoekt met VWS naar oplossingen; op termijn is het Coördinatiepunt het landelijk aanspreekpunt.',
    owner: 'Coördinatiepunt Levensloopaanpak met VWS',
  },
  {
    title: 'Wlz-ggz-cliënt op vg-locatie valt niet onder de Wzd',
    description:
      'Cliënten die het best op een vg-locatie kunnen verblijven maar een Wlz-ggz-indicatie hebben, kunnen geen gebruik maken van de Wzd; de noodzakelijke dwang kan er niet worden toegepast.',
    approach: 'Uitwerking door de juridisch beleidsadviseur, daarna met VWS naar oplossingen zoeken.',
    owner: 'VWS (na juridische uitwerking)',
  },
  {
    title: 'Financieringsrisico bij vervallen overgangsregeling 1-1-2025',
    description: 'Risico voor de financiering van zorg als de overgangsregeling per 1 januari 2025 vervalt.',
    approach: 'Termijn verlengd; de projectgroep monitort de ontwikkelingen.',
    owner: 'Projectgroep Wlz-LLA (monitoring)',
  },
  {
    title: 'Dagvergoeding levensloopcoördinatie niet te factureren bij Wlz-behandeling',
    description:
      'Facturatie van de dagvergoeding voor levensloopcoördinatie voor cliënten in behandeling bij de levensloopaanbieder op basis van de Wlz is binnen de tijdelijke financiering in sommige gevallen niet mogelijk.',
    approach: 'Projectcoördinator onderzoekt of het na de facturatieafspraken per 1-1-2025 speelt; zo ja, aankaarten bij de NZa.',
    owner: 'NZa',
  },
];

export const REFERENCE: Reference = {
  tasks: [
    {
      number: 1,
      title: 'Gedachtegoed uitdragen en vraagbaak',
      description: 'Het gedachtegoed van de Levensloopaanpak uitdragen en vraagbaak zijn voor alle netwerkpartners.',
    },
    {
      number: 2,
      title: 'Ideaal werkproces',
      description: 'Het ideale werkproces doorontwikkelen en borgen: uniform Levensloopplan en draaiboek.',
    },
    {
      number: 3,
      title: 'Uitwisseling en vakontwikkeling',
      description: 'Uitwisseling, bijscholing en vakontwikkeling: de vakdagen en de duo-bijeenkomst.',
    },
    {
      number: 4,
      title: 'Monitoring basisgegevens',
      description: 'Halfjaarlijkse monitoring van de basisgegevens, geautomatiseerd, zonder Excellijsten en e-mail.',
    },
    {
      number: 5,
      title: 'Knelpunten verzamelen',
      description:
        'Continu knelpunten uit de casuïstiek verzamelen: de signalenrapportage, de escalatieroute voor vastgelopen casussen en bespreking met de ambassadeurs.',
    },
  ],
  problemOwners: [
    'VWS',
    'JenV',
    'CIZ',
    'Zorgverzekeraars Nederland / zorgkantoren',
    'NZa',
    'VNG / gemeenten',
    'DJI',
    'Woningcorporaties',
    'BW/MO-aanbieders',
    'VG-sector',
  ],
  eventKinds: [
    { kind: 'vakdagProcessDirectors', title: 'Vakdag procesregisseurs', season: 'voorjaar', audience: 'processDirectors', timesPerYear: 1 },
    { kind: 'vakdagProviders', title: 'Vakdag levensloopaanbieders', season: 'voorjaar', audience: 'providers', timesPerYear: 1 },
    { kind: 'duoMeeting', title: 'Duo-bijeenkomst ZVH en levensloopaanbieders', season: 'najaar', audience: 'all', timesPerYear: 1 },
    { kind: 'poolMeeting', title: 'Vergadering vaste schil', season: 'voorjaar en najaar', audience: 'pool', timesPerYear: 2 },
  ],
};

export const DEFAULT_SETTINGS: Settings = {
  retentionDays: 365,
  checkInIntervalDays: 30,
  timeZone: 'Europe/Amsterdam',
  schedules: {
    weeklyDigest: '0 8 * * 1',
    monthlyReport: '0 8 1 * *',
    taskGroupCheckIn: '0 9 * * 2',
    monitorReminders: '0 9 * * *',
    homelessnessAlerts: '0 7 * * *',
    eventReminders: '30 9 * * *',
    retentionPurge: '0 3 * * *',
  },
};
