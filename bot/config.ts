/**
 * The bot's configuration, read once from the environment and checked, so a
 * typo fails at start with a Dutch message instead of at the first request.
 */
import { botMsg } from '../core/messages-chat/bot.js';

export interface SlackConfig {
  botToken: string;
  /** Required in HTTP mode; optional with Socket Mode. */
  signingSecret?: string;
  /** Present → Socket Mode. */
  appToken?: string;
  /** Web API base URL (tests: a local fake). */
  apiUrl?: string;
}

export interface TeamsConfig {
  /** Absent → local mode (Bot Framework Emulator, no authentication). */
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface BotConfig {
  port: number;
  host: string;
  slack?: SlackConfig;
  teams: TeamsConfig;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(botMsg.configProblems(problems));
    this.name = 'ConfigError';
  }
}

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** Read the bot configuration from environment variables (names in README and .env.example). */
export function readBotConfig(env: Record<string, string | undefined>): BotConfig {
  const problems: string[] = [];
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const portText = get('PORT') ?? '3978';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) problems.push(botMsg.envInvalidPort(portText));

  let slack: SlackConfig | undefined;
  const botToken = get('SLACK_BOT_TOKEN');
  const signingSecret = get('SLACK_SIGNING_SECRET');
  const appToken = get('SLACK_APP_TOKEN');
  const apiUrl = get('SLACK_API_URL');
  if (botToken || signingSecret || appToken) {
    if (!botToken || (!signingSecret && !appToken)) problems.push(botMsg.envSlackNeedsBoth());
    if (botToken && !botToken.startsWith('xoxb-')) problems.push(botMsg.envSlackTokenShape('SLACK_BOT_TOKEN', 'xoxb-'));
    if (appToken && !appToken.startsWith('xapp-')) problems.push(botMsg.envSlackTokenShape('SLACK_APP_TOKEN', 'xapp-'));
    if (apiUrl && !/^https?:\/\/.+\/$/.test(apiUrl)) problems.push(botMsg.envSlackApiUrl());
    if (botToken) {
      slack = { botToken };
      if (signingSecret) slack.signingSecret = signingSecret;
      if (appToken) slack.appToken = appToken;
      if (apiUrl) slack.apiUrl = apiUrl;
    }
  }

  const appId = get('MICROSOFT_APP_ID');
  const appPassword = get('MICROSOFT_APP_PASSWORD');
  const appTypeText = get('MICROSOFT_APP_TYPE') ?? 'MultiTenant';
  const tenantId = get('MICROSOFT_APP_TENANT_ID');
  if (appPassword && !appId) problems.push(botMsg.envTeamsPasswordWithoutId());
  const appType = APP_TYPES.find((t) => t.toLowerCase() === appTypeText.toLowerCase());
  if (!appType) problems.push(botMsg.envTeamsAppType(appTypeText));
  if (appId && appType === 'SingleTenant' && !tenantId) problems.push(botMsg.envTeamsTenantRequired());
  const teams: TeamsConfig = { appType: appType ?? 'MultiTenant' };
  if (appId) teams.appId = appId;
  if (appPassword) teams.appPassword = appPassword;
  if (tenantId) teams.tenantId = tenantId;

  if (problems.length > 0) throw new ConfigError(problems);
  const config: BotConfig = { port, host: get('HOST') ?? '0.0.0.0', teams, logLevel: get('LOG_LEVEL') ?? 'info' };
  if (slack) config.slack = slack;
  return config;
}
