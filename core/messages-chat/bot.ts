/** Texts of the bot process itself (start-up, configuration), in Dutch. */
export const botMsg = {
  configProblems: (problems: string[]) => `De botconfiguratie klopt niet:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  envInvalidPort: (value: string) => `PORT moet een poortnummer zijn (1-65535), niet "${value}".`,
  envSlackNeedsBoth: () => 'Voor Slack zijn SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET allebei nodig (of SLACK_BOT_TOKEN met SLACK_APP_TOKEN voor Socket Mode).',
  envSlackTokenShape: (name: string, prefix: string) => `${name} begint met "${prefix}".`,
  envSlackApiUrl: () => 'SLACK_API_URL moet een http(s)-adres zijn dat eindigt op /api/ (bijvoorbeeld http://127.0.0.1:4000/api/).',
  envTeamsPasswordWithoutId: () => 'MICROSOFT_APP_PASSWORD is gezet zonder MICROSOFT_APP_ID.',
  envTeamsAppType: (value: string) => `MICROSOFT_APP_TYPE moet MultiTenant, SingleTenant of UserAssignedMSI zijn, niet "${value}".`,
  envTeamsTenantRequired: () => 'Bij MICROSOFT_APP_TYPE=SingleTenant is MICROSOFT_APP_TENANT_ID nodig.',
  noStore: (file: string) => `Er is nog geen gegevensbestand (${file}). Maak er een met "lla init" of "npm run demo" en start de bot opnieuw.`,
  started: (url: string) => `lla-bot luistert op ${url}`,
  slackHttp: (url: string) => `Slack: HTTP-modus, events op ${url}/slack/events`,
  slackSocket: () => 'Slack: Socket Mode (SLACK_APP_TOKEN gezet)',
  slackOff: () => 'Slack: niet geconfigureerd (zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET)',
  teamsCloud: (url: string) => `Teams: endpoint ${url}/api/messages (Microsoft-app-id gezet, verzoeken worden gecontroleerd)`,
  teamsLocal: (url: string) =>
    `Teams: LOKALE MODUS, geen MICROSOFT_APP_ID: verzoeken worden niet gecontroleerd. Alleen voor de Bot Framework Emulator op ${url}/api/messages; niet voor productie.`,
  platformStartFailed: (platform: string, reason: string) =>
    `${platform} kon niet starten (${reason}). Controleer de tokens en de verbinding; de bot is gestopt.`,
  scheduler: (ranNow: number, next?: { job: string; at: string }) =>
    `Planning: ${ranNow > 0 ? `${ranNow} gemiste ${ranNow === 1 ? 'taak' : 'taken'} ingehaald; ` : ''}${next ? `volgende: ${next.job} op ${next.at}` : 'geen geplande taken'} (overzicht: lla planning)`,
  stopping: () => 'lla-bot stopt…',
  stopped: () => 'lla-bot is gestopt.',
} as const;
