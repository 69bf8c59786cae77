/**
 * The schedule end to end: the scheduler queues, the dispatcher renders
 * through the real conversation layer and delivers to a fake channel that
 * answers a 429 first; nothing is delivered twice, also not after a restart.
 * And `startBot` starts the scheduler and says so in its banner.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { assertViewLimits, createConversation } from '../bot/conversation/index.js';
import type { MessageView } from '../bot/conversation/view.js';
import { createDispatcher } from '../bot/dispatcher.js';
import { startBot } from '../bot/main.js';
import { SendFailure, type OutboundChannel } from '../bot/outbound.js';
import { createScheduler, type SchedulerTimers } from '../bot/scheduler.js';
import { moveCase, openMonitorRound, reportCase, type Person } from '../core/index.js';
import { caseInput, makeFixture } from './helpers/core-fixture.js';
import { seededDataDir } from './helpers/cli.js';
import { memoryLogger } from './helpers/memory-logger.js';

class FakeChannel implements OutboundChannel {
  readonly platform = 'teams' as const;
  sent: Array<{ to: string; view: MessageView }> = [];
  failures: SendFailure[] = [];
  canReach(): boolean {
    return true;
  }
  async send(p: Person, view: MessageView): Promise<void> {
    const f = this.failures.shift();
    if (f) throw f;
    assertViewLimits(view);
    this.sent.push({ to: p.id, view });
  }
}

const noTimers: SchedulerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

describe('schedule → outbox → dispatcher → chat', () => {
  it('a missed Monday digest, a monitor reminder and a homelessness alert arrive once each, through a 429', async () => {
    const f = await makeFixture(); // Monday 2 March 2026
    const c = await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-20' }));
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'nationalEscalation' });
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    const logger = memoryLogger();
    const conversation = createConversation({ store: f.store, clock: f.clock, logger });
    const channel = new FakeChannel();
    let now = 0;
    const dispatcher = createDispatcher({ store: f.store, clock: f.clock, logger, conversation, channels: [channel], nowMs: () => now, baseDelayMs: 1_000 });
    // The requests of the monitor round go out first.
    await dispatcher.runOnce();
    expect(channel.sent.map((s) => s.view.title)).toEqual(['Nieuwe vastgelopen casus', 'Casus ' + c.code + ': nieuwe status', 'Monitor 2026-H1: uw cijfers gevraagd', 'Monitor 2026-H1: uw cijfers gevraagd']);
    channel.sent = [];

    // The bot was off from Friday to the next Monday noon.
    f.clock.set('2026-03-09T11:00:00.000Z');
    let kicked = 0;
    const scheduler = createScheduler({ store: f.store, clock: f.clock, logger, timers: noTimers, onQueued: () => (kicked += 1) });
    const tick = await scheduler.start();
    expect(tick.failed).toEqual([]);
    expect(kicked).toBeGreaterThan(0);

    channel.failures.push(new SendFailure('slack_webapi_rate_limited', 30_000));
    const first = await dispatcher.runOnce();
    expect(first.failed).toBe(1);
    now += 30_000;
    await dispatcher.runOnce();
    await dispatcher.runOnce();

    const got = channel.sent.map((s) => `${s.to} ${s.view.title}`).sort();
    const qm = f.people.quartermaster.id;
    const amb = f.people.ambassador.id;
    expect(got).toEqual(
      [
        `${qm} Weekoverzicht 2 maart 2026 – 8 maart 2026`,
        `${amb} Weekoverzicht 2 maart 2026 – 8 maart 2026`,
        `${qm} Dreigende dakloosheid over 11 dagen: casus ${c.code}`,
        `${amb} Dreigende dakloosheid over 11 dagen: casus ${c.code}`,
        `${qm} Monitor 2026-H1: 29 regio’s zonder cijfers`,
        `${f.people.projectLeadHgl.id} Herinnering: monitor 2026-H1`,
        `${f.people.projectLeadUtr.id} Herinnering: monitor 2026-H1`,
      ].sort(),
    );
    const digest = channel.sent.find((s) => s.to === amb && s.view.title?.startsWith('Weekoverzicht'))!.view;
    expect(digest.items?.[0]?.title).toBe(`${c.code} · Haaglanden`);

    // A restart of the whole bot: new scheduler and dispatcher on the same store send nothing again.
    await scheduler.stop();
    await dispatcher.stop();
    const channel2 = new FakeChannel();
    const scheduler2 = createScheduler({ store: f.store, clock: f.clock, logger, timers: noTimers });
    expect((await scheduler2.start()).ran).toEqual([]);
    const dispatcher2 = createDispatcher({ store: f.store, clock: f.clock, logger, conversation, channels: [channel2] });
    expect((await dispatcher2.runOnce()).sent).toBe(0);
    expect(channel2.sent).toEqual([]);
    await scheduler2.stop();
    await dispatcher2.stop();
    expect(JSON.stringify(logger.lines)).not.toContain('detentie');
  });
});

describe('startBot', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterAll(async () => cleanup?.());

  it('starts the scheduler after the dispatcher and names the next run in the banner', async () => {
    const data = await seededDataDir();
    cleanup = data.cleanup;
    const banner: string[] = [];
    const bot = await startBot({ env: {}, dataDir: data.dir, port: 0, host: '127.0.0.1', logger: memoryLogger(), say: (l) => banner.push(l) });
    try {
      expect(banner.at(-1)).toMatch(/^Planning: volgende: [a-z-]+ op \d{1,2} [a-z]+ \d{4} \d\d:\d\d \(overzicht: lla planning\)$/);
      expect(bot.scheduler).toBeDefined();
    } finally {
      await bot.stop();
    }
  });
});
