import { describe, expect, it } from 'vitest';
import { expectDutch } from '../test/helpers/core-fixture.js';
import { ConfigError, readBotConfig } from './config.js';

const problems = (env: Record<string, string>) => {
  try {
    readBotConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expectDutch((e as Error).message);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('bot configuration from the environment', () => {
  it('runs with nothing set: Teams in local mode on port 3978, no Slack', () => {
    expect(readBotConfig({})).toEqual({ port: 3978, host: '0.0.0.0', teams: { appType: 'MultiTenant' }, logLevel: 'info' });
  });

  it('reads Slack in HTTP mode and in Socket Mode, and Teams with an app id', () => {
    const http = readBotConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '8080' });
    expect(http.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's', apiUrl: 'http://127.0.0.1:9/api/' });
    expect(http.port).toBe(8080);
    expect(readBotConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({ botToken: 'xoxb-1', appToken: 'xapp-1' });
    const teams = readBotConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'singletenant', MICROSOFT_APP_TENANT_ID: 't' });
    expect(teams.teams).toEqual({ appId: 'id', appPassword: 'pw', appType: 'SingleTenant', tenantId: 't' });
  });

  it('names every problem at once, in Dutch', () => {
    expect(problems({ PORT: 'abc', SLACK_SIGNING_SECRET: 's', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'x' })).toHaveLength(4);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' })[0]).toContain('xoxb-');
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toContain('SLACK_SIGNING_SECRET');
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://x/api' })[0]).toContain('/api/');
    expect(problems({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_TYPE: 'SingleTenant' })[0]).toContain('MICROSOFT_APP_TENANT_ID');
  });
});
