/** Texts of `lla bot` (kept apart from bot.ts so the CLI start-up bundle stays small). */
export const botCliMsg = {
  description: () => 'Start de chatbot (Slack en Teams) op dit gegevensbestand; stoppen met Ctrl-C',
  optPort: () => 'poort van de HTTP-server (standaard PORT of 3978)',
  helpAfter: () =>
    '\nSlack start als SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET (of SLACK_APP_TOKEN) gezet zijn.\n' +
    'Teams draait altijd op /api/messages; zonder MICROSOFT_APP_ID in lokale modus (Bot Framework Emulator).\n' +
    'Alle variabelen: zie .env.example en de README.\n',
  badPort: (value: string) => `--poort moet een poortnummer zijn (0-65535), niet "${value}".`,
} as const;
