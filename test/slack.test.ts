/**
 * The Slack platform end to end: real HTTP requests, signed with the v0
 * scheme, to the Bolt receiver mounted on a loopback server; the real
 * conversation layer on a FileStore made by the real CLI; a local fake of
 * the Slack Web API capturing what the app sends back.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../bot/conversation/index.js';
import { SendFailure } from '../bot/outbound.js';
import { systemClock, getCase, listCases, listPeople, reportCase, msg, type Context, type Person } from '../core/index.js';
import { FileStore } from '../data/file-store.js';
import { seededDataDir } from './helpers/cli.js';
import { assertBlockKit } from './helpers/slack-blockkit-limits.js';
import { startSlackHarness, type SlackHarness } from './helpers/slack-harness.js';
import {
  blockAction,
  globalShortcut,
  messageShortcut,
  sendCommand,
  sendEvent,
  sendInteraction,
  sendSigned,
  slashCommandBody,
  viewSubmission,
  type Entered,
} from './helpers/slack-sign.js';

const PIET = 'U0PIET0001';
const PETRA_SLACK = 'U0PETRA001';
const STRANGER = 'U0ONBEKEND';
const ACK_MS = 3000;
const CASE_CODE = /VC-\d{4}-\d{4}/;

let data: { dir: string; cleanup: () => Promise<void> };
let store: FileStore;
let h: SlackHarness;
const as = (personId: string): Context => ({ actor: { personId }, channel: 'cli', clock: systemClock, store });
const storeBytes = () => readFile(path.join(data.dir, 'lla.json'));
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** What Piet enters in a good report. */
const goodReport = (): Entered => ({
  theme: 'housing',
  bottleneckIds: ['KP-02'],
  sketch: 'Cliënt komt over drie weken vrij uit detentie zonder Wlz-indicatie en zonder woonplek; de gemeente verwijst naar het zorgkantoor en omgekeerd.',
  stepsTried: ['caseTable', 'municipality'],
  homelessOn: inDays(21),
  helpAsked: ['regionalMediation'],
});

/** `/lla meld` as Piet; returns the ack and the modal the app opened. */
async function openReportModal(user = PIET): Promise<{ ack: Awaited<ReturnType<typeof sendCommand>>; modal: any }> {
  const since = h.api.calls.length;
  const ack = await sendCommand(h.url, user, 'meld', h.api.responseUrl('cmd'));
  const open = await h.api.waitFor('views.open', undefined, { since });
  return { ack, modal: open.args.view };
}

/** A slash command: the empty ack at once, then the answer through response_url. */
let answers = 0;
async function commandAnswer(user: string, text: string): Promise<{ res: Awaited<ReturnType<typeof sendCommand>>; answer: any }> {
  const name = `answer-${++answers}`; // its own response_url: late answers of other commands do not count
  const res = await sendCommand(h.url, user, text, h.api.responseUrl(name));
  expect(res.text).toBe('');
  const answer = (await h.api.waitFor(`response_url:${name}`)).args;
  return { res, answer };
}

beforeAll(async () => {
  data = await seededDataDir();
  store = new FileStore({ dir: data.dir });
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const conversation = createConversation({ store, clock: systemClock, logger: quiet });
  h = await startSlackHarness({ conversation, store, clock: systemClock, users: { [PETRA_SLACK]: 'petra@voorbeeld.nl' } });
});

afterAll(async () => {
  await h?.close();
  await data?.cleanup();
});

describe('Slack platform over signed HTTP', () => {
  it('checks the token at start (auth.test against SLACK_API_URL)', () => {
    const auth = h.api.callsTo('auth.test');
    expect(auth).toHaveLength(1);
    expect(auth[0]!.token).toBe('xoxb-test-token');
  });

  it('1: /lla meld answers 200 within 3 s and opens the reportCase modal', async () => {
    const { ack, modal } = await openReportModal();
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(ACK_MS);
    expect(modal.type).toBe('modal');
    expect(modal.callback_id).toBe('reportCase');
    const blockIds = modal.blocks.filter((b: any) => b.type === 'input').map((b: any) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(['theme', 'sketch', 'stepsTried', 'helpAsked']));
    expect(modal.blocks.every((b: any) => b.type !== 'input' || b.element.action_id === 'value')).toBe(true);
    expect(JSON.parse(modal.private_metadata)).toEqual(expect.any(Object));
    assertBlockKit(modal, 'modal');
    expect(h.api.callsTo('views.open').at(-1)!.args.trigger_id).toBe('trigger-cmd');
  });

  it('20 slash commands at once: each acked empty with 200, then each answered exactly once', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `burst-${i}`);
    const acks = await Promise.all(names.map((name, i) => sendCommand(h.url, PIET, i % 2 ? 'help' : 'mijn casussen', h.api.responseUrl(name))));
    expect(acks.map((r) => [r.status, r.text])).toEqual(names.map(() => [200, '']));
    const answers = await Promise.all(names.map((name) => h.api.waitFor(`response_url:${name}`)));
    // Every answer is the one asked for: help lists the commands, "mijn casussen" lists cases.
    for (const [i, a] of answers.entries()) expect(a.args.text).toMatch(i % 2 ? /^Wat kan ik voor u doen\?/ : /^Open casussen in Haaglanden/);
    for (const name of names) expect(h.api.calls.filter((c) => c.method === `response_url:${name}`)).toHaveLength(1);
  });

  it('2: a good view_submission creates the case and the ack shows its code', async () => {
    const before = await listCases(as('P-0001'));
    const { modal } = await openReportModal();
    const changes = h.changes.count;
    const res = await sendInteraction(h.url, viewSubmission(PIET, modal, goodReport()));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(ACK_MS);
    expect(res.json.response_action).toBe('update');
    assertBlockKit(res.json.view, 'modal');
    const shown = JSON.stringify(res.json.view);
    const code = CASE_CODE.exec(shown)?.[0];
    expect(code).toBeDefined();

    const after = await listCases(as('P-0001'));
    expect(after).toHaveLength(before.length + 1);
    const created = await getCase(as('P-0001'), code!);
    expect(created.regionCode).toBe('HGL');
    expect(created.reporterId).toBe('P-0003');
    expect(created.channel).toBe('slack');
    expect(created.stepsTried).toEqual(['caseTable', 'municipality']);
    expect(created.helpAsked).toEqual(['regionalMediation']);
    expect(h.changes.count).toBe(changes + 1);
  });

  it('3: a BSN in the sketch, then a missing regional step, give field errors on those blocks; no case is made', async () => {
    const { modal } = await openReportModal();
    const before = await storeBytes();
    const res = await sendInteraction(
      h.url,
      viewSubmission(PIET, modal, { ...goodReport(), sketch: 'Meneer met BSN 111222333 kan nergens terecht na zijn ontslag.', stepsTried: undefined }),
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(ACK_MS);
    expect(res.json.response_action).toBe('errors');
    expect(Object.keys(res.json.errors)).toContain('sketch');
    expect(res.json.errors.sketch).toMatch(/BSN/i);
    expect(res.json.errors.sketch).not.toContain('111222333');
    // The sketch fixed, the route rule (at least one regional step) shows on its own field.
    const again = await sendInteraction(h.url, viewSubmission(PIET, modal, { ...goodReport(), stepsTried: undefined }));
    expect(again.ms).toBeLessThan(ACK_MS);
    expect(again.json.response_action).toBe('errors');
    expect(Object.keys(again.json.errors)).toEqual(['stepsTried']);
    expect((await storeBytes()).equals(before)).toBe(true);
  });

  it('3b: a phone number in the sketch is refused on the sketch field', async () => {
    const { modal } = await openReportModal();
    const count = (await listCases(as('P-0001'))).length;
    const res = await sendInteraction(h.url, viewSubmission(PIET, modal, { ...goodReport(), sketch: 'Bel de moeder even op 06-12345678, zij weet meer.' }));
    expect(res.json.response_action).toBe('errors');
    expect(Object.keys(res.json.errors)).toEqual(['sketch']);
    expect(await listCases(as('P-0001'))).toHaveLength(count);
  });

  it('4: a bad signature and a stale timestamp get 401 and change nothing', async () => {
    const before = await storeBytes();
    const calls = h.api.calls.length;
    const body = slashCommandBody(PIET, 'meld', h.api.responseUrl('cmd'));
    const bad = await sendSigned(h.url, body, 'application/x-www-form-urlencoded', { signature: `v0=${'0'.repeat(64)}` });
    expect(bad.status).toBe(401);
    const wrongSecret = await sendSigned(h.url, body, 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    const staleTs = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await sendSigned(h.url, body, 'application/x-www-form-urlencoded', { timestamp: staleTs });
    expect(stale.status).toBe(401);
    // A signed submission that would create a case, replayed stale: refused too.
    const { modal } = await openReportModal();
    const replay = await sendInteraction(h.url, viewSubmission(PIET, modal, goodReport()), { timestamp: staleTs });
    expect(replay.status).toBe(401);
    await new Promise((r) => setTimeout(r, 150));
    expect((await storeBytes()).equals(before)).toBe(true);
    expect(h.api.calls.slice(calls).map((c) => c.method)).toEqual(['views.open']); // only the modal opened on purpose
  });

  it('4b: a body over the limit gets 413', async () => {
    const big = `text=${'x'.repeat(1024 * 1024 + 10)}`;
    const res = await sendSigned(h.url, big, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
  });

  describe('5: a project lead of HGL cannot see or act on a UTR case', () => {
    let utrCode: string;
    beforeAll(async () => {
      const c = await reportCase(as('P-0005'), {
        theme: 'financing',
        sketch: 'Financiering van de woonbegeleiding stopt bij de overgang naar de Wlz; niemand neemt het over.',
        stepsTried: ['caseTable'],
        helpAsked: ['advice'],
      });
      utrCode = c.code;
    });

    it('case.show with a UTR code is refused without disclosing the case', async () => {
      const since = h.api.calls.length;
      const res = await sendInteraction(
        h.url,
        blockAction(PIET, { action_id: 'case.show', value: utrCode }, { kind: 'message', channel: 'D0PIETDM01', ts: '1700000001.000100', responseUrl: h.api.responseUrl('show') }),
      );
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(ACK_MS);
      const posted = await h.api.waitFor('chat.postMessage', (c) => c.args.channel === 'D0PIETDM01', { since });
      const shown = JSON.stringify(posted.args);
      expect(shown).not.toContain('woonbegeleiding');
      expect(shown).not.toContain('financiering');
      expect(shown).toMatch(/eigen regio|niet|geen toegang/i);
      assertBlockKit({ blocks: posted.args.blocks }, 'message');
    });

    it('case.move with a UTR code is refused and the case does not move', async () => {
      const before = await storeBytes();
      const since = h.api.calls.length;
      const res = await sendInteraction(
        h.url,
        blockAction(PIET, { action_id: 'case.move', value: `${utrCode}|inTreatment` }, { kind: 'message', channel: 'D0PIETDM01', ts: '1700000001.000200', responseUrl: h.api.responseUrl('move') }),
      );
      expect(res.status).toBe(200);
      const answer = await h.api.waitFor('chat.update', undefined, { since });
      expect(answer.args.ts).toBe('1700000001.000200');
      expect(JSON.stringify(answer.args)).not.toContain('woonbegeleiding');
      expect((await getCase(as('P-0001'), utrCode)).status).toBe('reported');
      expect((await storeBytes()).equals(before)).toBe(true);
      expect(h.api.calls.slice(since).some((c) => c.method === 'views.open')).toBe(false);
    });

    it('the slash command "casus <UTR code>" is refused as well', async () => {
      const { res, answer } = await commandAnswer(PIET, `casus ${utrCode}`);
      expect(res.status).toBe(200);
      expect(answer.response_type).toBe('ephemeral');
      expect(JSON.stringify(answer)).not.toContain('woonbegeleiding');
      expect(JSON.stringify(answer)).toContain(msg.forbiddenOtherRegion().slice(0, 20));
    });
  });

  it('6: opening the App Home publishes the home view with my region\'s cases', async () => {
    const since = h.api.calls.length;
    const res = await sendEvent(h.url, { type: 'app_home_opened', user: PIET, channel: 'D0PIETDM01', tab: 'home', event_ts: '1700000002.000100' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(ACK_MS);
    const publish = await h.api.waitFor('views.publish', undefined, { since });
    expect(publish.args.user_id).toBe(PIET);
    expect(publish.args.view.type).toBe('home');
    assertBlockKit(publish.args.view, 'home');
    const hgl = (await listCases(as('P-0001'), { regionCode: 'HGL', openOnly: true })).map((c) => c.code);
    expect(hgl.length).toBeGreaterThan(0);
    const shown = JSON.stringify(publish.args.view);
    for (const code of hgl) expect(shown).toContain(code);
    const utr = (await listCases(as('P-0001'), { regionCode: 'UTR' })).map((c) => c.code);
    for (const code of utr) expect(shown).not.toContain(code);
  });

  describe('7: outbound', () => {
    let piet: Person;
    beforeAll(async () => {
      piet = (await listPeople(as('P-0001'))).find((p) => p.id === 'P-0003')!;
    });

    it('posts to the person\'s Slack user id with text and blocks', async () => {
      expect(h.platform.outbound.platform).toBe('slack');
      expect(h.platform.outbound.canReach(piet)).toBe(true);
      expect(h.platform.outbound.canReach({ ...piet, slackUserId: undefined })).toBe(false);
      const since = h.api.calls.length;
      await h.platform.outbound.send(piet, { kind: 'message', tone: 'info', title: 'Casus VC-2026-0001', text: ['Uw casus staat nu op „in behandeling”.'] });
      const posted = await h.api.waitFor('chat.postMessage', undefined, { since });
      expect(posted.args.channel).toBe(PIET);
      expect(posted.args.text).toContain('Casus VC-2026-0001');
      assertBlockKit({ blocks: posted.args.blocks }, 'message');
    });

    it('a 429 becomes a SendFailure carrying Retry-After in ms, quickly', async () => {
      h.api.on('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }));
      try {
        const started = Date.now();
        const err = await h.platform.outbound.send(piet, { kind: 'message', tone: 'info', text: ['x'] }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(SendFailure);
        expect((err as SendFailure).retryAfterMs).toBe(7000);
        expect((err as SendFailure).permanent).toBe(false);
        expect(Date.now() - started).toBeLessThan(2000);
      } finally {
        h.api.reset();
      }
    });

    it('user_not_found is a permanent SendFailure; a 500 a transient one', async () => {
      h.api.on('chat.postMessage', () => ({ body: { ok: false, error: 'user_not_found' } }));
      try {
        const gone = await h.platform.outbound.send(piet, { kind: 'message', tone: 'info', text: ['x'] }).catch((e: unknown) => e);
        expect(gone).toBeInstanceOf(SendFailure);
        expect((gone as SendFailure).permanent).toBe(true);
        h.api.on('chat.postMessage', () => ({ status: 500, body: { ok: false } }));
        const down = await h.platform.outbound.send(piet, { kind: 'message', tone: 'info', text: ['x'] }).catch((e: unknown) => e);
        expect(down).toBeInstanceOf(SendFailure);
        expect((down as SendFailure).permanent).toBe(false);
        expect((down as SendFailure).retryAfterMs).toBeUndefined();
      } finally {
        h.api.reset();
      }
    });
  });

  it('8: the message shortcut opens the report modal with the message as sketch; the privacy guard still applies', async () => {
    const text = 'Na ontslag uit de kliniek &amp; zonder indicatie is er geen plek; bel 06-12345678 voor details.';
    const since = h.api.calls.length;
    const res = await sendInteraction(h.url, messageShortcut(PIET, text));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(ACK_MS);
    const open = await h.api.waitFor('views.open', undefined, { since });
    expect(open.args.trigger_id).toBe('trigger-msgshortcut');
    const modal = open.args.view;
    expect(modal.callback_id).toBe('reportCase');
    const sketch = modal.blocks.find((b: any) => b.block_id === 'sketch');
    expect(sketch.element.initial_value).toBe('Na ontslag uit de kliniek & zonder indicatie is er geen plek; bel 06-12345678 voor details.');
    assertBlockKit(modal, 'modal');
    const count = (await listCases(as('P-0001'))).length;
    const submit = await sendInteraction(h.url, viewSubmission(PIET, modal, { ...goodReport(), sketch: sketch.element.initial_value }));
    expect(submit.json.response_action).toBe('errors');
    expect(Object.keys(submit.json.errors)).toEqual(['sketch']);
    expect(await listCases(as('P-0001'))).toHaveLength(count);
  });

  it('the global shortcut opens the report modal', async () => {
    const since = h.api.calls.length;
    const res = await sendInteraction(h.url, globalShortcut(PIET));
    expect(res.status).toBe(200);
    const open = await h.api.waitFor('views.open', undefined, { since });
    expect(open.args.view.callback_id).toBe('reportCase');
    expect(open.args.trigger_id).toBe('trigger-shortcut');
  });

  it('an unknown Slack account is linked by e-mail on first contact (users.info), then served', async () => {
    const since = h.api.calls.length;
    const res = await sendCommand(h.url, PETRA_SLACK, 'meld', h.api.responseUrl('cmd'));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(ACK_MS);
    const info = await h.api.waitFor('users.info', undefined, { since });
    expect(info.args.user).toBe(PETRA_SLACK);
    const open = await h.api.waitFor('views.open', undefined, { since });
    expect(open.args.view.callback_id).toBe('reportCase');
    const petra = (await listPeople(as('P-0001'))).find((p) => p.id === 'P-0004')!;
    expect(petra.slackUserId).toBe(PETRA_SLACK);
    // Known now: no second lookup.
    const again = h.api.calls.length;
    await sendCommand(h.url, PETRA_SLACK, 'help', h.api.responseUrl('cmd'));
    expect(h.api.calls.slice(again).some((c) => c.method === 'users.info')).toBe(false);
  });

  it('a stranger gets a polite refusal naming the kwartiermaker, and nothing else', async () => {
    const before = await storeBytes();
    const { res, answer } = await commandAnswer(STRANGER, 'mijn casussen');
    expect(res.status).toBe(200);
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer)).toMatch(/kwartiermaker/i);
    expect(JSON.stringify(answer)).not.toMatch(CASE_CODE);
    expect((await storeBytes()).equals(before)).toBe(true);
  });

  it('a direct message is answered in the DM; asking for a form gives a button that opens it', async () => {
    const since = h.api.calls.length;
    await sendEvent(h.url, { type: 'message', channel: 'D0PIETDM01', channel_type: 'im', user: PIET, text: 'help', ts: '1700000003.000100', event_ts: '1700000003.000100' });
    const reply = await h.api.waitFor('chat.postMessage', (c) => c.args.channel === 'D0PIETDM01', { since });
    assertBlockKit({ blocks: reply.args.blocks }, 'message');
    expect(reply.args.text.length).toBeGreaterThan(0);

    const since2 = h.api.calls.length;
    await sendEvent(h.url, { type: 'message', channel: 'D0PIETDM01', channel_type: 'im', user: PIET, text: 'meld', ts: '1700000003.000200', event_ts: '1700000003.000200' });
    const prompt = await h.api.waitFor('chat.postMessage', (c) => c.args.channel === 'D0PIETDM01', { since: since2 });
    const button = prompt.args.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.action_id === 'form.open');
    expect(button.value).toBe('reportCase');
    await sendInteraction(h.url, blockAction(PIET, { action_id: button.action_id, value: button.value }, { kind: 'message', channel: 'D0PIETDM01', ts: prompt.args.ts ?? '1700000003.000300', responseUrl: h.api.responseUrl('dm') }));
    const open = await h.api.waitFor('views.open', undefined, { since: since2 });
    expect(open.args.view.callback_id).toBe('reportCase');
  });

  it('logs carry no free text of cases', () => {
    const logged = JSON.stringify(h.logger.lines);
    expect(logged).not.toContain('detentie');
    expect(logged).not.toContain('111222333');
    expect(logged).not.toContain('06-12345678');
  });
});
