/**
 * The whole bot as `npm start` runs it (`startBot`): Slack (HTTP mode, fake
 * Web API) and Teams (local mode, fake connector) on one loopback server,
 * the real conversation layer, a FileStore made by the real CLI, and the
 * outbox dispatcher. A case reported on Slack reaches the kwartiermaker on
 * Teams; her button press there moves it; the reporter hears it on Slack.
 * Plus `lla bot` as a process.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../bot/main.js';
import { getCase, systemClock, updatePerson, type Context } from '../core/index.js';
import { FileStore } from '../data/file-store.js';
import { LLA, ROOT, seededDataDir, tempDataDir } from './helpers/cli.js';
import { memoryLogger } from './helpers/memory-logger.js';
import { startFakeSlackApi, type FakeSlackApi } from './helpers/slack-fake-api.js';
import { SIGNING_SECRET, sendCommand, sendInteraction, viewSubmission } from './helpers/slack-sign.js';
import { activities, cardText, post, teamsUser } from './helpers/teams-activity.js';
import { startFakeConnector, type FakeConnector } from './helpers/teams-connector.js';

const PIET = 'U0PIET0001';
const KIM = teamsUser(1, 'Kim Kwartier');
const SKETCH = 'Cliënt komt over twee weken vrij uit detentie; geen Wlz-indicatie, geen woonplek, gemeente en zorgkantoor wijzen naar elkaar.';

let data: { dir: string; cleanup: () => Promise<void> };
let store: FileStore;
let api: FakeSlackApi;
let connector: FakeConnector;
let bot: RunningBot;
const logger = memoryLogger();
const banner: string[] = [];
const kim = (): Context => ({ actor: { personId: 'P-0001' }, channel: 'cli', clock: systemClock, store });

/** Poll (bounded) until `fn` returns a value. */
async function eventually<T>(fn: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  data = await seededDataDir();
  store = new FileStore({ dir: data.dir });
  await updatePerson(kim(), { personId: 'P-0001', teamsAadObjectId: KIM.aadObjectId });
  api = await startFakeSlackApi();
  connector = await startFakeConnector();
  bot = await startBot({
    env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url },
    dataDir: data.dir,
    port: 0,
    host: '127.0.0.1',
    logger,
    say: (line) => banner.push(line),
    dispatchIntervalMs: 200,
  });
});

afterAll(async () => {
  await bot?.stop();
  await api?.close();
  await connector?.close();
  await data?.cleanup();
});

describe('the bot as npm start runs it', () => {
  it('runs Slack and Teams (local mode) on one server and says so', async () => {
    expect(bot.platforms.map((p) => p.name)).toEqual(['slack', 'teams']);
    expect(banner.join('\n')).toMatch(/Slack: HTTP-modus, events op http:\/\/127\.0\.0\.1:\d+\/slack\/events/);
    expect(banner.join('\n')).toMatch(/Teams: LOKALE MODUS/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('a case reported on Slack reaches the kwartiermaker on Teams, her button moves it, and the reporter hears it on Slack', async () => {
    const teams = activities(connector.url);
    // Kim talks to the bot once in Teams: her conversation reference is stored.
    expect((await post(`${bot.url}/api/messages`, teams.message(KIM, 'hallo'))).status).toBeLessThan(300);
    await eventually(async () => (await store.read()).people.find((p) => p.id === 'P-0001')?.teamsConversation, 'Teams address');

    // Piet reports on Slack.
    const since = api.calls.length;
    await sendCommand(`${bot.url}/slack/events`, PIET, 'meld', api.responseUrl('cmd'));
    const modal = (await api.waitFor('views.open', undefined, { since })).args.view;
    const ack = await sendInteraction(
      `${bot.url}/slack/events`,
      viewSubmission(PIET, modal, { theme: 'housing', bottleneckIds: ['KP-02'], sketch: SKETCH, stepsTried: ['caseTable', 'municipality'], helpAsked: ['regionalMediation'] }),
    );
    expect(ack.status).toBe(200);
    const code = /VC-\d{4}-\d{4}/.exec(JSON.stringify(ack.json))?.[0];
    expect(code).toBeDefined();

    // The dispatcher delivers the new-case notification to Kim in Teams, with buttons to move it.
    const card = await eventually(() => connector.cards().find((c) => cardText(c).includes(code!) && JSON.stringify(c).includes('case.move')), 'new-case card');
    const moveAction = JSON.stringify(card).match(/"verb":"case\.move","data":\{[^}]*"value":"([^"]+)"/);
    const value = moveAction?.[1] ?? '';
    expect(value).toBe(`${code}|inTreatment`);
    const pressed = await post(`${bot.url}/api/messages`, teams.cardAction(KIM, 'case.move', { verb: 'case.move', value }));
    expect(pressed.status).toBe(200);
    expect(cardText(pressed.json().value)).toContain(code!);
    expect((await getCase(kim(), code!)).status).toBe('inTreatment');

    // Piet hears it on Slack, through the outbound port.
    const dm = await api.waitFor('chat.postMessage', (c) => c.args.channel === PIET && JSON.stringify(c.args).includes(code!), { timeoutMs: 10_000 });
    expect(JSON.stringify(dm.args.blocks)).toContain('in behandeling');
    // Recorded as delivered right after the send.
    const outbox = await eventually(async () => {
      const mine = (await store.read()).outbox.filter((n) => n.params.caseCode === code);
      return mine.every((n) => n.sentAt) ? mine : undefined;
    }, 'deliveries recorded');
    expect(outbox.map((n) => [n.kind, !!n.sentAt])).toEqual([
      ['caseReported', true],
      ['caseStatusChanged', true],
    ]);
  });

  it('keeps free text of cases out of the log', () => {
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.lines)).not.toContain('detentie');
  });
});

/** `lla bot` as a process: start, health, clean stop on SIGTERM. */
function runBot(dir: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; url?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LLA, 'bot', '--poort', '0'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LLA_DATA: dir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let url: string | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lla bot did not stop\n${stderr}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', async (d: string) => {
      stderr += d;
      const m = /luistert op (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m && !url) {
        url = m[1];
        const health = await fetch(`${url}/healthz`).then((r) => r.status, () => 0);
        if (health === 200) child.kill('SIGTERM');
        else child.kill('SIGKILL');
      }
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ...(url ? { url } : {}) });
    });
  });
}

describe('lla bot', () => {
  it('starts with nothing configured (Teams in local mode, Slack off), answers health checks and stops cleanly', async () => {
    const r = await runBot(data.dir, {});
    expect(r.url).toBeDefined();
    expect(r.stderr).toContain('Slack: niet geconfigureerd');
    expect(r.stderr).toContain('Teams: LOKALE MODUS');
    expect(r.stderr).toContain('lla-bot is gestopt.');
    expect(r.code).toBe(0);
  });

  it('refuses bad configuration (exit 2), an unreachable Slack (exit 1) and a missing store (exit 4) with a Dutch message', async () => {
    const bad = await runBot(data.dir, { SLACK_BOT_TOKEN: 'xoxp-user', PORT: 'x' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('SLACK_BOT_TOKEN begint met "xoxb-"');
    const unreachable = await runBot(data.dir, { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Slack kon niet starten');
    expect(unreachable.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    const empty = await tempDataDir();
    try {
      const none = await runBot(empty.dir, {});
      expect(none.code).toBe(4);
      expect(none.stderr).toContain('lla init');
      expect(none.stderr).toContain(path.join(empty.dir, 'lla.json'));
    } finally {
      await empty.cleanup();
    }
  });
});
