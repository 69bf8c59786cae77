/**
 * Texts of `lla casus`, and the Dutch slugs people type for the case enums.
 * Imports only types at module load, so `lla --help` stays light; labels and
 * dates are passed in already rendered by the command.
 */
import type { CaseTheme, HelpKind, RegionalStep } from '../schema.js';

/** What people type for a theme (`--thema wonen`). */
export const themeSlug: Record<CaseTheme, string> = {
  housing: 'wonen',
  outflow: 'uitstroom',
  indication: 'indicatie',
  financing: 'financiering',
  responsibility: 'verantwoordelijkheid',
  care: 'zorg',
  other: 'overig',
};

/** What people type for a regional step (`--stappen casustafel,zorgkantoor`). */
export const stepSlug: Record<RegionalStep, string> = {
  caseTable: 'casustafel',
  regionalEscalation: 'opschalingsroute',
  municipality: 'gemeente',
  careOffice: 'zorgkantoor',
  housingProviders: 'woonaanbieders',
  providerBoard: 'bestuurlijk-overleg',
};

/** What people type for the help asked (`--hulp advies,bemiddeling-regio`). */
export const helpSlug: Record<HelpKind, string> = {
  advice: 'advies',
  regionalMediation: 'bemiddeling-regio',
  nationalEscalation: 'landelijke-escalatie',
};

const quote = (s: string) => `„${s}”`;

export const casesMsg = {
  // Help
  groupDescription: () => 'Vastgelopen casussen: melden, volgen, laten bewegen langs de escalatieroute en sluiten.',
  meldDescription: () => 'Meld een vastgelopen casus (zonder gegevens die een cliënt herkenbaar maken).',
  lijstDescription: () => 'Toon de casussen die u mag zien, met filters.',
  toonDescription: () => 'Toon alle gegevens van één casus: feiten, statusgeschiedenis en notities.',
  statusDescription: () => 'Zet een casus op een volgende (of, met toelichting, eerdere) status van de escalatieroute.',
  notitieDescription: () => 'Voeg een notitie toe aan een casus, eventueel gericht aan een persoon.',
  sluitDescription: () => 'Sluit een casus met de uitkomst: opgelost of gesloten zonder oplossing.',

  argCode: () => 'casuscode, bijvoorbeeld VC-2026-0042',
  argStatus: (slugs: string) => `nieuwe status (${slugs}, of het label)`,
  optRegion: () => 'regiocode (standaard de regio uit uw profiel)',
  optTheme: (slugs: string) => `thema: ${slugs}`,
  optBottlenecks: () => 'gekoppelde knelpunten, met komma’s: KP-02,KP-09',
  optSketch: () => 'korte situatieschets, zonder persoonsgegevens',
  optSteps: (slugs: string) => `doorlopen regionale stappen, met komma’s: ${slugs}`,
  optStepsNote: () => 'toelichting op de doorlopen stappen',
  optHomelessOn: () => 'datum van dreigende dakloosheid (jjjj-mm-dd), bijvoorbeeld bij ontslag uit detentie',
  optHelp: (slugs: string) => `gevraagde hulp, met komma’s: ${slugs}`,
  optFilterRegion: () => 'alleen deze regio',
  optFilterStatus: (slugs: string) => `alleen deze statussen, met komma’s: ${slugs}`,
  optOlderThan: () => 'alleen casussen die langer dan dit aantal dagen op hun status staan',
  optOpen: () => 'alleen open casussen',
  optReason: () => 'toelichting (verplicht bij terugzetten of heropenen)',
  optProblemOwner: () => 'probleemeigenaar (verplicht bij „bij probleemeigenaar”)',
  optNoteText: () => 'tekst van de notitie, zonder persoonsgegevens',
  optNoteTo: () => 'persoon (id of e-mailadres) voor wie de notitie is; die krijgt een bericht',
  optOutcome: () => 'uitkomst van de casus',
  optLesson: () => 'geleerde les',
  optUnresolved: () => 'sluit als „gesloten zonder oplossing” (standaard: opgelost)',

  // Prompts
  askRegion: () => 'Voor welke regio meldt u de casus?',
  regionFromProfile: (name: string, code: string) => `Regio: ${name} (${code}), uit uw profiel.`,
  askTheme: () => 'Wat is het thema van de casus?',
  askBottlenecks: () => 'Welke knelpunten spelen er? (spatie kiest, enter gaat verder; geen keuze mag)',
  askSketch: () => 'Korte situatieschets (zonder namen, adressen, geboortedata of andere persoonsgegevens):',
  askSteps: () => 'Welke regionale stappen zijn doorlopen? (spatie kiest, enter gaat verder)',
  askStepsNote: () => 'Toelichting op de doorlopen stappen (enter slaat over):',
  askHomelessOn: () => 'Datum van dreigende dakloosheid, als die er is (enter slaat over)',
  askHelp: () => 'Welke hulp vraagt u? (spatie kiest, enter gaat verder)',
  askStatus: (code: string, current: string) => `Naar welke status gaat casus ${code} (nu „${current}”)?`,
  askReason: () => 'Toelichting:',
  askProblemOwner: () => 'Probleemeigenaar:',
  askNoteText: () => 'Tekst van de notitie (zonder persoonsgegevens):',
  askNoteTo: () => 'Voor wie is de notitie?',
  noteToNobody: () => '(niemand in het bijzonder)',
  askOutcome: () => 'Uitkomst:',
  askLesson: () => 'Geleerde les (enter slaat over):',
  askResolved: () => 'Hoe wordt de casus gesloten?',
  confirmClose: (code: string, status: string) => `Casus ${code} wordt gesloten als ${quote(status)}.`,

  // Errors (exit 2)
  unknownChoice: (flag: string, value: string, allowed: string) => `${flag}: ${quote(value)} is onbekend. Kies uit: ${allowed}.`,
  missingStatus: () => 'Ontbrekend argument <status> (er wordt niet gevraagd: geen terminal of --no-input).',
  noNextStatus: (code: string) => `Casus ${code} kan vanaf zijn huidige status nergens heen.`,
  closeWithSluit: (code: string) => `Sluiten gaat met „lla casus sluit ${code} --uitkomst …”.`,
  regionNeeded: () => 'In uw profiel staat geen regio: geef --regio op.',
  withFlag: (message: string, flag: string) => `${message} (optie ${flag})`,

  // Output
  reported: (code: string, region: string, theme: string) => `Casus ${code} gemeld voor ${region}, thema ${theme}.`,
  reportedNext: (code: string) => `Volgen: „lla casus toon ${code}”.`,
  moved: (code: string, from: string, to: string) => `Casus ${code}: ${quote(from)} → ${quote(to)}.`,
  noted: (code: string, to?: string) => `Notitie toegevoegd aan casus ${code}${to ? `, voor ${to}` : ''}.`,
  closed: (code: string, status: string) => `Casus ${code} is gesloten: ${status}.`,
  listHeaders: () => ['Code', 'Regio', 'Thema', 'Status', 'Dagen op status', 'Melder'],
  listCount: (n: number) => (n === 1 ? '1 casus' : `${n} casussen`),
  noCases: () => 'Geen casussen gevonden.',

  // `toon`
  title: (code: string, status: string) => `Casus ${code} · ${status}`,
  factRegion: () => 'Regio',
  factTheme: () => 'Thema',
  factStatus: () => 'Status',
  statusSinceDays: (status: string, since: string, days: number) =>
    `${status}, sinds ${since} (${days === 1 ? '1 dag' : `${days} dagen`})`,
  factReporter: () => 'Gemeld door',
  reportedBy: (name: string, date: string, channel: string) => `${name}, ${date}, via ${channel}`,
  factBottlenecks: () => 'Knelpunten',
  factSketch: () => 'Situatieschets',
  factSteps: () => 'Doorlopen stappen',
  factStepsNote: () => 'Toelichting stappen',
  factHomelessOn: () => 'Dreigende dakloosheid',
  factHelp: () => 'Gevraagde hulp',
  factProblemOwner: () => 'Probleemeigenaar',
  factOutcome: () => 'Uitkomst',
  factLesson: () => 'Les',
  factClosedAt: () => 'Gesloten op',
  purged: (date: string) => `(vrije tekst verwijderd op ${date}, na de bewaartermijn)`,
  historyTitle: () => 'Geschiedenis',
  historyFirst: (when: string, to: string, by: string) => `${when}  ${quote(to)}, door ${by}`,
  historyLine: (when: string, from: string, to: string, by: string) => `${when}  ${quote(from)} → ${quote(to)}, door ${by}`,
  historyReason: (reason: string) => `    toelichting: ${reason}`,
  notesTitle: () => 'Notities',
  noteLine: (when: string, by: string, to?: string) => `${when}  ${by}${to ? ` → ${to}` : ''}`,
  noteText: (text: string) => `    ${text}`,
} as const;
