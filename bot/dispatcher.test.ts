import { describe, expect, it } from 'vitest';
import { moveCase, reportCase, MAX_ATTEMPTS, type Person, type StoreData } from '../core/index.js';
import { caseInput, makeFixture, type Fixture } from '../test/helpers/core-fixture.js';
import type { Conversation } from './conversation/types.js';
import type { MessageView } from './conversation/view.js';
import { createDispatcher } from './dispatcher.js';
import { silentLogger } from './log.js';
import { SendFailure, type OutboundChannel, type PlatformName } from './outbound.js';

/** Only `notification` is used by the dispatcher. */
const conversation = {
  notification: (d) => ({ kind: 'message', tone: 'info', text: [`${d.notification.kind} ${String(d.notification.params.caseCode)}`] }),
} as Conversation;

class FakeChannel implements OutboundChannel {
  sent: Array<{ to: string; view: MessageView }> = [];
  failures: SendFailure[] = [];
  constructor(
    readonly platform: PlatformName,
    private reach: (p: Person) => boolean,
  ) {}
  canReach(p: Person) {
    return this.reach(p);
  }
  async send(p: Person, view: MessageView) {
    const f = this.failures.shift();
    if (f) throw f;
    this.sent.push({ to: p.id, view });
  }
}

/** A case by piet (HGL) moved by the quartermaster: one notification to the reporter, one to the quartermaster about the new case. */
async function withNotifications(f: Fixture) {
  const c = await reportCase(f.projectLeadHgl, caseInput());
  await moveCase(f.quartermaster, { caseCode: c.code, to: 'inTreatment' });
  return c;
}

function setup(f: Fixture, channels: OutboundChannel[]) {
  let now = 1_000_000;
  const d = createDispatcher({ store: f.store, clock: f.clock, logger: silentLogger, conversation, channels, nowMs: () => now, baseDelayMs: 1_000 });
  return { d, advance: (ms: number) => (now += ms) };
}

const outbox = async (f: Fixture): Promise<StoreData['outbox']> => (await f.data()).outbox;

describe('dispatcher', () => {
  it('delivers each pending notification once through the channel that reaches the recipient, and records it', async () => {
    const f = await makeFixture();
    await withNotifications(f);
    const slack = new FakeChannel('slack', (p) => !!p.slackUserId);
    const teams = new FakeChannel('teams', () => true);
    const { d } = setup(f, [slack, teams]);
    expect(await d.runOnce()).toEqual({ sent: 2, failed: 0, unreachable: 0, deferred: 0 });
    expect(slack.sent.map((s) => s.to)).toEqual([f.people.projectLeadHgl.id]);
    expect(teams.sent.map((s) => s.to)).toEqual([f.people.quartermaster.id]);
    expect((await outbox(f)).every((n) => n.sentAt && n.attempts === 1)).toBe(true);
    expect(await d.runOnce()).toEqual({ sent: 0, failed: 0, unreachable: 0, deferred: 0 });
    expect(slack.sent).toHaveLength(1);
  });

  it('leaves notifications pending for people no platform can reach', async () => {
    const f = await makeFixture();
    await withNotifications(f);
    const { d } = setup(f, [new FakeChannel('slack', () => false)]);
    expect(await d.runOnce()).toMatchObject({ sent: 0, unreachable: 2 });
    expect((await outbox(f)).every((n) => !n.sentAt && n.attempts === 0)).toBe(true);
  });

  it('backs off after a 429 (Retry-After pauses the platform) and then delivers exactly once', async () => {
    const f = await makeFixture();
    await withNotifications(f);
    const slack = new FakeChannel('slack', () => true);
    slack.failures.push(new SendFailure('slack: ratelimited', 30_000));
    const { d, advance } = setup(f, [slack]);
    expect(await d.runOnce()).toMatchObject({ sent: 0, failed: 1, deferred: 1 });
    const failed = (await outbox(f)).find((n) => n.attempts === 1)!;
    expect(failed.lastError).toBe('slack: ratelimited');
    expect(failed.sentAt).toBeUndefined();
    advance(29_000);
    expect(await d.runOnce()).toMatchObject({ sent: 0, deferred: 2 });
    advance(2_000);
    expect(await d.runOnce()).toMatchObject({ sent: 2, failed: 0 });
    expect(slack.sent).toHaveLength(2);
    expect((await outbox(f)).every((n) => n.sentAt)).toBe(true);
  });

  it('doubles the delay per failed attempt and survives errors that are not SendFailures', async () => {
    const f = await makeFixture();
    await reportCase(f.projectLeadHgl, caseInput()); // one notification: to the quartermaster
    const ch = new FakeChannel('teams', () => true);
    ch.failures.push(new SendFailure('teams: 500'), new SendFailure('teams: 500'));
    const send = ch.send.bind(ch);
    let crashed = false;
    ch.send = async (p, v) => {
      if (!crashed) {
        crashed = true;
        throw new TypeError('boom');
      }
      return send(p, v);
    };
    const { d, advance } = setup(f, [ch]);
    expect(await d.runOnce()).toMatchObject({ failed: 1 }); // TypeError, attempt 1: retry after 1 s
    advance(1_000);
    expect(await d.runOnce()).toMatchObject({ failed: 1 }); // attempt 2: retry after 2 s
    advance(1_500);
    expect(await d.runOnce()).toMatchObject({ deferred: 1 });
    advance(500);
    expect(await d.runOnce()).toMatchObject({ failed: 1 }); // attempt 3: 4 s
    advance(4_000);
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    const [n] = await outbox(f);
    expect(n).toMatchObject({ attempts: 4 });
    expect(n!.sentAt).toBeDefined();
  });

  it('stops retrying after a permanent failure', async () => {
    const f = await makeFixture();
    await reportCase(f.projectLeadHgl, caseInput());
    const ch = new FakeChannel('slack', () => true);
    ch.failures.push(new SendFailure('slack: user_not_found', undefined, true));
    const { d, advance } = setup(f, [ch]);
    await d.runOnce();
    advance(24 * 3_600_000);
    expect(await d.runOnce()).toEqual({ sent: 0, failed: 0, unreachable: 0, deferred: 0 });
    expect((await outbox(f))[0]).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: 'slack: user_not_found' });
  });

  it('never sends twice when recording the delivery fails; records it on the next run', async () => {
    const f = await makeFixture();
    await reportCase(f.projectLeadHgl, caseInput());
    const ch = new FakeChannel('slack', () => true);
    const { d } = setup(f, [ch]);
    const transact = f.store.transact.bind(f.store);
    let failNext = true;
    f.store.transact = ((fn: never) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('store busy'));
      }
      return transact(fn);
    }) as typeof f.store.transact;
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    expect((await outbox(f))[0]!.sentAt).toBeUndefined();
    await d.runOnce();
    expect(ch.sent).toHaveLength(1);
    expect((await outbox(f))[0]!.sentAt).toBeDefined();
  });

  it('coalesces kicks and overlapping runs', async () => {
    const f = await makeFixture();
    await withNotifications(f);
    const ch = new FakeChannel('slack', () => true);
    const { d } = setup(f, [ch]);
    const [a, b] = await Promise.all([d.runOnce(), d.runOnce()]);
    expect(a).toBe(b);
    d.kick();
    d.kick();
    await new Promise((r) => setTimeout(r, 120));
    await d.stop();
    expect(ch.sent).toHaveLength(2);
  });
});
