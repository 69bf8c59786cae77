/**
 * The Slack app manifest is valid JSON within Slack's manifest limits, and
 * declares exactly what the code handles: the command, the shortcuts'
 * callback ids, the events, the scopes those calls need, one request URL.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND, SHORTCUT_MESSAGE, SHORTCUT_REPORT } from '../bot/slack/listeners.js';
import { SLACK_EVENTS_PATH } from '../bot/slack/index.js';
import { slackMsg } from '../core/messages-chat/slack.js';
import { ROOT } from './helpers/cli.js';

const raw = readFileSync(path.join(ROOT, 'bot', 'slack', 'manifest.json'), 'utf8');
const len = (s: string) => Array.from(s).length;

describe('bot/slack/manifest.json', () => {
  const m = JSON.parse(raw);

  it('describes the app within Slack\'s limits, in Dutch from the catalog', () => {
    expect(m.display_information.name).toBe(slackMsg.appName());
    expect(len(m.display_information.name)).toBeLessThanOrEqual(35);
    expect(m.display_information.description).toBe(slackMsg.appDescription());
    expect(len(m.display_information.description)).toBeLessThanOrEqual(140);
    expect(len(m.display_information.long_description)).toBeGreaterThanOrEqual(174);
    expect(len(m.display_information.long_description)).toBeLessThanOrEqual(4000);
    expect(m.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });

  it('declares the slash command the code listens to', () => {
    expect(m.features.slash_commands).toHaveLength(1);
    const cmd = m.features.slash_commands[0];
    expect(cmd.command).toBe(COMMAND);
    expect(cmd.description).toBe(slackMsg.commandDescription());
    expect(cmd.usage_hint).toBe(slackMsg.commandUsageHint());
    expect(len(cmd.usage_hint)).toBeLessThanOrEqual(1000);
    expect(cmd.url).toMatch(new RegExp(`^https://[^/]+${SLACK_EVENTS_PATH}$`));
  });

  it('declares both shortcuts with the callback ids the code handles', () => {
    const byId = Object.fromEntries(m.features.shortcuts.map((s: any) => [s.callback_id, s]));
    expect(Object.keys(byId).sort()).toEqual([SHORTCUT_REPORT, SHORTCUT_MESSAGE].sort());
    expect(byId[SHORTCUT_REPORT].type).toBe('global');
    expect(byId[SHORTCUT_REPORT].name).toBe(slackMsg.shortcutReportName());
    expect(byId[SHORTCUT_REPORT].description).toBe(slackMsg.shortcutReportDescription());
    expect(byId[SHORTCUT_MESSAGE].type).toBe('message');
    expect(byId[SHORTCUT_MESSAGE].name).toBe(slackMsg.shortcutMessageName());
    expect(byId[SHORTCUT_MESSAGE].description).toBe(slackMsg.shortcutMessageDescription());
    for (const s of m.features.shortcuts) expect(len(s.description)).toBeLessThanOrEqual(150);
  });

  it('subscribes to the events the code handles, with the scopes its calls need', () => {
    expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'message.im']);
    expect([...m.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'commands', 'im:history', 'im:write', 'users:read', 'users:read.email']);
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(false);
    const urls = new Set([m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url, ...m.features.slash_commands.map((c: any) => c.url)]);
    expect([...urls]).toEqual([`https://<host>${SLACK_EVENTS_PATH}`]);
  });
});
