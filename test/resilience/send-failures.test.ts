/**
 * Send failures: the fake Slack Web API and the fake Teams connector answer
 * 429 (with Retry-After) and 500 for a while. The bot's real parts — Slack
 * and Teams platforms on the shared server, the conversation layer, the
 * FileStore and the real dispatcher (with short backoff settings) — keep
 * every notification pending, record each failed attempt and its error,
 * wait out Retry-After and back off after a 500, then deliver each
 * notification exactly once. Meanwhile the bot keeps serving chat and
 * /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../../bot/conversation/index.js';
import { createDispatcher, type Dispatcher } from '../../bot/dispatcher.js';
import type { Platform, PlatformDeps } from '../../bot/platform.js';
import { startServer, type BotServer } from '../../bot/server.js';
import { createSlackPlatform } from '../../bot/slack/index.js';
import { createTeamsPlatform } from '../../bot/teams/index.js';
import { moveCase, rememberTeamsAddress, reportCase, systemClock, updatePerson, type Context } from '../../core/index.js';
import type { Notification } from '../../core/schema.js';
import { FileStore } from '../../data/file-store.js';
import { seededDataDir } from '../helpers/cli.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { startFakeSlackApi, type FakeReply, type FakeSlackApi } from '../helpers/slack-fake-api.js';
import { sendCommand, SIGNING_SECRET } from '../helpers/slack-sign.js';
import { activities, BOT_ID, cardText, teamsUser } from '../helpers/teams-activity.js';
import { startFakeConnector, type FakeConnector } from '../helpers/teams-connector.js';

const PIET = 'U0PIET0001';
const KIM = teamsUser(1, 'Kim Kwartier');
const CASES = 4;
const BASE_DELAY_MS = 100;
const RETRY_AFTER_S = 1;

let data: { dir: string; cleanup: () => Promise<void> };
let store: FileStore;
let api: FakeSlackApi;
let connector: FakeConnector;
let platforms: Platform[];
let server: BotServer;
let dispatcher: Dispatcher;
const logger = memoryLogger();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every chat.postMessage the fake Slack answered, with what it answered. */
const slackPosts: Array<{ at: number; status: number; channel: string; text: string }> = [];
/** Answers to give chat.postMessage before it answers normally. */
const slackScript: FakeReply[] = [];

beforeAll(async () => {
  data = await seededDataDir();
  store = new FileStore({ dir: data.dir });
  api = await startFakeSlackApi();
  connector = await startFakeConnector();
  const kim: Context = { actor: { personId: 'P-0001' }, channel: 'cli', clock: systemClock, store };
  await updatePerson(kim, { personId: 'P-0001', teamsAadObjectId: KIM.aadObjectId });
  await rememberTeamsAddress({ ...kim, channel: 'teams' }, { serviceUrl: connector.url, conversationId: activities(connector.url).conversationId(KIM), channelId: 'msteams', botId: BOT_ID, userId: KIM.id });

  api.on('chat.postMessage', (args) => {
    const scripted = slackScript.shift();
    const reply: FakeReply = scripted ?? { body: { ok: true, channel: args.channel, ts: `1700000000.${String(slackPosts.length).padStart(6, '0')}` } };
    slackPosts.push({ at: Date.now(), status: reply.status ?? 200, channel: String(args.channel), text: JSON.stringify(args.blocks ?? args.text) });
    return reply;
  });

  const conversation = createConversation({ store, clock: systemClock, logger });
  const deps: PlatformDeps = { conversation, store, clock: systemClock, logger, onChange: () => dispatcher?.kick() };
  platforms = [await createSlackPlatform({ botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: api.url }, deps), await createTeamsPlatform({ appType: 'MultiTenant' }, deps)];
  server = await startServer(platforms.flatMap((p) => p.routes), { port: 0, host: '127.0.0.1', logger });
  for (const p of platforms) await p.start();
  dispatcher = createDispatcher({ store, clock: systemClock, logger, conversation, channels: platforms.map((p) => p.outbound), baseDelayMs: BASE_DELAY_MS, maxDelayMs: 2_000 });
});

afterAll(async () => {
  await dispatcher?.stop();
  for (const p of platforms ?? []) await p.stop();
  await server?.close();
  await api?.close();
  await connector?.close();
  await data?.cleanup();
});

describe('Slack and Teams refuse for a while: retried with backoff, delivered exactly once, bot stays up', () => {
  it(`${CASES} cases: new-case notices to Kim on Teams and status notices to Piet on Slack`, async () => {
    // Slack: a 429 with Retry-After, then 500s (the Web API client tries a 500 three times per send: two sends fail).
    slackScript.push({ status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) }, body: { ok: false, error: 'ratelimited' } });
    for (let i = 0; i < 6; i++) slackScript.push({ status: 500, body: { ok: false, error: 'internal_error' } });
    // Teams: a 429 with Retry-After, then two 500s.
    connector.failNext(429, { 'retry-after': String(RETRY_AFTER_S) });
    connector.failNext(500);
    connector.failNext(500);

    const piet: Context = { actor: { slackUserId: PIET }, channel: 'slack', clock: systemClock, store };
    const kim: Context = { actor: { personId: 'P-0001' }, channel: 'teams', clock: systemClock, store };
    const codes: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = await reportCase(piet, { theme: 'housing', sketch: `Melding ${i} voor de verzendproef.`, stepsTried: ['caseTable'], helpAsked: ['advice'] });
      await moveCase(kim, { caseCode: c.code, to: 'inTreatment' });
      codes.push(c.code);
    }
    const mine = (n: Notification) => codes.includes(String(n.params.caseCode));
    const outbox = async () => (await store.read()).outbox.filter(mine);
    expect(await outbox()).toHaveLength(2 * CASES);

    const started = Date.now();
    dispatcher.start(50);

    // While the platforms refuse: failed attempts are recorded with their error, nothing is marked sent twice, the bot serves.
    let sawSlackError = false;
    let sawTeamsError = false;
    let served = false;
    for (let w = 0; w < 600 && !(await outbox()).every((n) => n.sentAt); w++) {
      for (const n of await outbox()) {
        if (!n.sentAt && n.lastError?.startsWith('slack')) sawSlackError = true;
        if (!n.sentAt && n.lastError?.startsWith('teams')) sawTeamsError = true;
      }
      if (!served && (sawSlackError || sawTeamsError)) {
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        // (A Teams reply would meet the connector's forced failures too; a slash command is answered in its ack.)
        const r = await sendCommand(`${server.url}/slack/events`, PIET, 'mijn casussen', api.responseUrl('cmd'));
        expect(r.status).toBe(200);
        served = true;
      }
      await sleep(50);
    }
    const tookMs = Date.now() - started;
    const final = await outbox();
    expect(final.filter((n) => !n.sentAt).map((n) => [n.id, n.attempts, n.lastError])).toEqual([]);
    expect(sawSlackError, 'a Slack failure was recorded on the notification').toBe(true);
    expect(sawTeamsError, 'a Teams failure was recorded on the notification').toBe(true);
    expect(served, 'the bot answered chat while sends failed').toBe(true);

    // Exactly once: one successful post per notification on each platform, to the right person.
    const slackOk = slackPosts.filter((p) => p.status === 200);
    for (const code of codes) {
      expect(slackOk.filter((p) => p.channel === PIET && p.text.includes(code)), `Slack posts about ${code}`).toHaveLength(1);
      const cards = connector.calls.filter((c) => c.conversationId === activities(connector.url).conversationId(KIM) && cardText(c.body?.attachments?.[0]?.content ?? {}).includes(code));
      expect(cards, `Teams cards about ${code}`).toHaveLength(1);
    }
    expect(slackOk).toHaveLength(CASES);

    // Attempts recorded: every failed send counted on its notification, the error cleared once sent.
    const attempts = final.reduce((sum, n) => sum + n.attempts, 0);
    const failedSends = 1 + 2 /* Slack: 429, two sends of three 500s */ + 3; /* Teams: 429, 500, 500 */
    expect(attempts).toBe(2 * CASES + failedSends);
    expect(final.every((n) => n.lastError === undefined)).toBe(true);
    expect(final.filter((n) => n.attempts > 1).length).toBeGreaterThanOrEqual(2);

    // Backoff: nothing was sent to Slack within Retry-After of the 429, and the 500s were not retried at once.
    const rateLimited = slackPosts.find((p) => p.status === 429)!;
    const afterLimit = slackPosts.filter((p) => p.at > rateLimited.at);
    expect(afterLimit[0]!.at - rateLimited.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    expect(tookMs).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 + BASE_DELAY_MS);
    expect(tookMs).toBeLessThan(25_000);

    // The failures were logged (ids and errors only), and the bot is healthy.
    expect(logger.lines.filter((l) => l.msg === 'send failed').length).toBe(failedSends);
    expect(JSON.stringify(logger.lines)).not.toContain('verzendproef');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Later runs send nothing again.
    const posts = slackPosts.length;
    const cards = connector.calls.length;
    await dispatcher.runOnce();
    await sleep(200);
    expect(slackPosts.length).toBe(posts);
    expect(connector.calls.length).toBe(cards);
  }, 60_000);
});
