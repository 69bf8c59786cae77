/**
 * The CLI part of the message catalog: help texts, headings, prompts and
 * confirmations of `lla`. Kept apart from `messages.ts` so that `lla --help`
 * loads no schema code; still one catalog, in core, in Dutch.
 *
 * Per command group the texts live in `core/messages-cli/<group>.ts`.
 */

export const cliMsg = {
  programDescription: () =>
    'Werkinstrument van het landelijk Coördinatiepunt Levensloopaanpak: taakgroepen, vastgelopen casussen, knelpunten en signalen, vakdagen, de halfjaarlijkse monitor en de signalenrapportage.',
  programExamples: () => `Voorbeelden:
  $ lla init --naam "Kim de Kwartiermaker" --email kim@coordinatiepunt.nl
  $ lla casus lijst --regio HGL --status in-behandeling
  $ lla casus status VC-2026-0042 geescaleerd-landelijk --toelichting "Regionale route uitgeput"
  $ lla vakdag plan 2027
  $ lla rapport --formaat md --uit signalen.md
`,
  // Global options
  optData: () => 'map van het gegevensbestand (of LLA_DATA; standaard ./lla-data)',
  optAs: () => 'wie u bent: persoons-id of e-mailadres (of LLA_USER)',
  optJson: () => 'uitvoer als JSON (stabiele Engelse sleutels)',
  optNoInput: () => 'nooit vragen stellen; ontbrekende opties zijn een fout',
  optYes: () => 'bevestig gevaarlijke acties zonder te vragen',
  optNoColor: () => 'geen kleur (ook met NO_COLOR)',
  optHelp: () => 'toon hulp',
  optVersion: () => 'toon de versie',
  helpCommand: () => 'toon hulp bij een opdracht',
  examples: (lines: string[]) => `Voorbeelden:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`,

  // Help headings (commander's English titles)
  titles: {
    'Usage:': 'Gebruik:',
    'Options:': 'Opties:',
    'Commands:': 'Opdrachten:',
    'Arguments:': 'Argumenten:',
    'Global Options:': 'Algemene opties:',
  } as Record<string, string>,

  // Errors of the command line itself (exit 2)
  missingFlag: (flag: string) => `Ontbrekende optie ${flag} (er wordt niet gevraagd: geen terminal of --no-input).`,
  missingArgument: (name: string) => `Ontbrekend argument <${name}>.`,
  unknownOption: (option: string) => `Onbekende optie ${option}. Zie „lla --help”.`,
  unknownCommand: (command: string) => `Onbekende opdracht „${command}”. Zie „lla --help”.`,
  optionNeedsValue: (option: string) => `Optie ${option} vraagt om een waarde.`,
  tooManyArguments: () => 'Te veel argumenten. Zie de hulp bij deze opdracht (--help).',
  invalidValue: (what: string, detail: string) => `Ongeldige waarde voor ${what}: ${detail}`,
  notANumber: (flag: string) => `${flag} moet een geheel getal zijn.`,
  notADate: (flag: string) => `${flag} moet een datum zijn als jjjj-mm-dd.`,
  needsConfirmation: () => 'Deze actie vraagt om bevestiging: voeg --yes toe.',
  cancelled: () => 'Afgebroken; er is niets gewijzigd.',
  whoAreYou: () =>
    'Wie bent u? Geef --as <persoons-id of e-mailadres> (of LLA_USER). Zonder die optie werkt lla alleen als er precies één kwartiermaker is.',
  noStore: (dir: string) => `Er is nog geen gegevensbestand in ${dir}. Begin met „lla init --naam … --email …”.`,
  storeExists: (file: string) => `Er staat al een gegevensbestand in ${file}; init verandert daar niets aan.`,
  unexpected: (detail: string) => `Onverwachte fout: ${detail}`,
  errorPrefix: (message: string) => `Fout: ${message}`,

  // Generic output
  none: () => '(geen)',
  yes: () => 'ja',
  no: () => 'nee',
  count: (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`,
  working: (what: string) => `${what}…`,
  done: (what: string) => `${what}: klaar`,
  confirmPrompt: (what: string) => `${what} Weet u het zeker?`,
  fieldRequired: () => 'Dit veld is verplicht.',
  chooseAtLeastOne: () => 'Kies er minstens één (met de spatiebalk).',
  optionDisabled: () => 'Deze keuze is niet beschikbaar.',
  answerYesNo: () => 'Antwoord met „ja” of „nee”.',
  keyNames: { space: 'spatie' } as Record<string, string>,
  keyActions: { navigate: 'bladeren', select: 'aanvinken', all: 'alles', invert: 'omdraaien', submit: 'bevestigen' } as Record<string, string>,
  dateFormatHint: () => 'Geef een datum als jjjj-mm-dd.',
  datePrompt: (question: string) => `${question} (jjjj-mm-dd)`,
} as const;

export type CliMsg = typeof cliMsg;
