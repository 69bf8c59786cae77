/**
 * Texts of the terminal chat (`lla chat`): the command's help, the prompt,
 * how forms are asked field by field, and the few words that only the
 * terminal knows (meldingen, knop, stop). What the bot itself says comes from
 * `core/messages-bot.ts`, the same as on Slack and Teams.
 */
export const terminalMsg = {
  // The command
  description: () => 'Chat met de bot in de terminal: dezelfde gesprekken als in Slack en Teams, lokaal en zonder chataccount.',
  examples: () => [
    'lla chat --as piet@voorbeeld.nl',
    'lla chat --as P-0001',
    'printf "mijn casussen\\nstop\\n" | lla chat --as piet@voorbeeld.nl',
    'LLA_USER=uma@voorbeeld.nl lla --data ./lla-data chat',
  ],
  helpAfter: () => `
In het gesprek:
  help, meld, signaal, mijn casussen, casus <code>, voortgang, vakdagen, monitor
                   wat de bot ook in Slack en Teams begrijpt
  meldingen        uw laatste meldingen, met hun knoppen
  1, 2, … of „knop 1”
                   druk op een genummerde knop
  annuleer         stop een formulier zonder iets op te slaan
  stop             beëindig het gesprek (ook exit, quit of Ctrl-D)
Met een pijp leest lla chat één regel per antwoord en toont het geen prompts.
`,

  // The session
  prompt: () => 'jij> ',
  fieldPrompt: () => '> ',
  usage: () => 'Typ een opdracht (bijvoorbeeld „meld”, „mijn casussen”, „meldingen” of „help”), het nummer van een knop, of „stop” om te stoppen.',
  terminalHelp: () => [
    'In de terminal kunt u ook typen:',
    '  meldingen – uw laatste meldingen, met hun knoppen',
    '  1, 2, … of „knop 1” – druk op een genummerde knop',
    '  annuleer – stop een formulier zonder iets op te slaan',
    '  stop – beëindig het gesprek (ook exit, quit of Ctrl-D)',
  ],
  bye: () => 'Tot ziens.',
  noButtons: () => 'Er staan nu geen knoppen om te kiezen. Typ een opdracht, of „help”.',
  unknownButton: (n: number, max: number) => `Knop ${n} bestaat niet; kies ${max === 1 ? '1' : `1 tot en met ${max}`}.`,
  noNotifications: () => 'U hebt nog geen meldingen.',
  notificationsTitle: (n: number) => (n === 1 ? 'Uw laatste melding' : `Uw laatste ${n} meldingen`),
  somethingWrong: () => 'Er ging iets mis; er is mogelijk niets opgeslagen. Probeer het opnieuw.',
  refusedExit: () => 'Het gesprek is gestopt: u hebt geen toegang tot de bot.',

  // Forms
  formCancelHint: () => 'Typ „annuleer” om te stoppen zonder iets op te slaan.',
  formCancelled: () => 'Formulier geannuleerd; er is niets opgeslagen.',
  fixFields: () => 'Verbeter dit:',
  optional: () => 'optioneel: Enter om over te slaan',
  optionalClear: () => 'optioneel: Enter houdt de waarde tussen [haken], „-” maakt leeg',
  keepInitial: () => 'Enter houdt de waarde tussen [haken]',
  chooseOne: () => 'Typ het nummer van uw keuze.',
  chooseMany: () => 'Typ een of meer nummers, gescheiden door komma’s (bijvoorbeeld 1,3).',
  dateFormat: () => 'Datum als jjjj-mm-dd (of d-m-jjjj).',
  numberRange: (min: number, max: number) => `Een geheel getal van ${min} tot en met ${max}.`,

  // Local input errors (the field is asked again)
  required: () => 'Dit veld is verplicht.',
  tooLong: (max: number, length: number) => `Te lang: ten hoogste ${max} tekens (nu ${length}).`,
  notAChoice: (value: string) => `„${value}” is geen nummer van een keuze.`,
  choiceOutOfRange: (n: number, max: number) => `Keuze ${n} bestaat niet; kies ${max === 1 ? '1' : `1 tot en met ${max}`}.`,
  onlyOne: () => 'Kies hier één nummer.',
  notADate: () => 'Dat is geen geldige datum; gebruik jjjj-mm-dd of d-m-jjjj.',
  notANumber: () => 'Dat is geen geheel getal.',
  outOfRange: (min: number, max: number) => `Kies een getal van ${min} tot en met ${max}.`,
} as const;

/** Words the terminal chat handles itself, lower case. */
export const terminalWords = {
  stop: ['stop', 'exit', 'quit'],
  notifications: ['meldingen'],
  help: ['help', 'hulp'],
  cancel: ['annuleer', 'annuleren'],
  /** `knop 3`: press button 3 (a bare `3` works too). */
  button: 'knop',
} as const;
