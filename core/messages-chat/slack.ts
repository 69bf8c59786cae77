/**
 * Texts only the Slack front shows (modal chrome, the "saving" state, the
 * notice when a list is cut short). The conversation's own texts live in
 * `core/messages-bot.ts`; the Slack app manifest (`bot/slack/manifest.json`)
 * repeats the command and shortcut texts below, and a test keeps them equal.
 */

export type SlackTone = 'info' | 'success' | 'warning' | 'error';

export const slackMsg = {
  /** Title of a modal that shows a message (≤ 24 characters). */
  modalTitle: () => 'Coördinatiepunt LLA',
  close: () => 'Sluiten',
  /** Shown at once when saving takes longer than Slack waits for an answer. */
  savingTitle: () => 'Bezig met opslaan…',
  savingText: () => 'Uw gegevens worden opgeslagen. Dit venster toont zo het resultaat; sluit u het, dan krijgt u het resultaat als bericht.',
  /** Above the field errors of a form shown again. */
  formErrorsIntro: () => 'Controleer de volgende velden:',
  fieldError: (label: string, problem: string) => `${label}: ${problem}`,
  /** A form asked for in a direct message: Slack opens forms only from a button. */
  openFormPrompt: (title: string) => `Klik op de knop om het formulier „${title}” te openen.`,
  openFormButton: () => 'Formulier openen',
  /** A list cut short to stay within Slack's limits. */
  more: (count: number) => (count === 1 ? '… en nog 1 onderdeel; vraag een kortere lijst op.' : `… en nog ${count} onderdelen; vraag een kortere lijst op.`),
  unexpected: () => 'Er ging iets mis. Probeer het later opnieuw of neem contact op met de kwartiermaker.',
  toneIcon: { info: ':information_source:', success: ':white_check_mark:', warning: ':warning:', error: ':x:' } satisfies Record<SlackTone, string>,

  // Repeated in bot/slack/manifest.json
  appName: () => 'Coördinatiepunt LLA',
  appDescription: () => 'Meld vastgelopen casussen en signalen bij het landelijk Coördinatiepunt Levensloopaanpak en volg ze.',
  commandDescription: () => 'Melden bij het Coördinatiepunt Levensloopaanpak en uw casussen volgen',
  commandUsageHint: () => 'meld | signaal | mijn casussen | casus VC-2026-0001 | voortgang | help',
  shortcutReportName: () => 'Vastgelopen casus melden',
  shortcutReportDescription: () => 'Meld een vastgelopen casus bij het Coördinatiepunt',
  shortcutMessageName: () => 'Meld als vastgelopen casus',
  shortcutMessageDescription: () => 'Maak van dit bericht een melding; de tekst wordt de situatieschets',
} as const;
