import { describe, expect, it } from 'vitest';
import { MemoryStore, reportCase, type StorePort } from '../core/index.js';
import { createSeedStore } from '../data/seed.js';
import { caseInput, makeFixture, type Fixture } from '../test/helpers/core-fixture.js';
import { memoryLogger } from '../test/helpers/memory-logger.js';
import { createScheduler, type SchedulerTimers } from './scheduler.js';

/** Timers that only record: a test fires them by hand after moving the fake clock. */
function fakeTimers() {
  let seq = 0;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: SchedulerTimers & { pending: typeof pending; fire(): Promise<void>; only(): { ms: number } } = {
    pending,
    setTimeout(fn, ms) {
      pending.set(++seq, { fn, ms });
      return seq;
    },
    clearTimeout(h) {
      pending.delete(h as number);
    },
    only() {
      expect(pending.size).toBe(1);
      return [...pending.values()][0]!;
    },
    async fire() {
      const [id, t] = [...pending.entries()][0]!;
      pending.delete(id);
      t.fn();
      // Let the tick it started finish.
      for (let i = 0; i < 50 && pending.size === 0; i++) await new Promise((r) => setImmediate(r));
    },
  };
  return timers;
}

const HOUR = 3_600_000;
const countKind = async (f: Fixture, kind: string) => (await f.data()).outbox.filter((n) => n.kind === kind).length;
const jobRuns = async (f: Fixture, job: string) => (await f.data()).audit.filter((a) => a.action === 'job.run' && a.entityId === job).length;

function scheduler(f: Fixture, timers = fakeTimers(), store: StorePort = f.store) {
  const logger = memoryLogger();
  let kicks = 0;
  const s = createScheduler({ store, clock: f.clock, logger, timers, onQueued: () => (kicks += 1) });
  return { s, timers, logger, kicks: () => kicks };
}

describe('scheduler', () => {
  it('on a fresh store nothing is caught up; it sleeps until the next due time (at most an hour)', async () => {
    const f = await makeFixture(); // Monday 2 March 2026, 10:00 in Amsterdam
    const { s, timers } = scheduler(f);
    const first = await s.start();
    expect(first.ran).toEqual([]);
    expect(first.nextJob).toBe('retentionPurge'); // today's 07:00, 09:00 and 09:30 have passed: tomorrow 03:00
    expect(first.nextRunAt).toBe('2026-03-03T02:00:00.000Z');
    expect(timers.only().ms).toBe(HOUR);
    await s.stop();
    expect(timers.pending.size).toBe(0);
  });

  it('after an outage each missed job runs ONCE, however many due times were missed; a restart resends nothing', async () => {
    const f = await makeFixture();
    await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-30' }));
    // The bot was down for three weeks: three weekly digests, ~21 daily runs missed.
    f.clock.set('2026-03-23T12:00:00.000Z');
    const a = scheduler(f);
    const tick = await a.s.start();
    expect(tick.ran.map((r) => r.job).sort()).toEqual(
      ['eventReminders', 'homelessnessAlerts', 'monitorReminders', 'retentionPurge', 'taskGroupCheckIn', 'weeklyDigest'].sort(),
    );
    expect(tick.failed).toEqual([]);
    expect(await countKind(f, 'weeklyDigest')).toBe(2); // one per recipient (quartermaster, ambassador), not three weeks' worth
    expect(await countKind(f, 'homelessnessAlert')).toBe(2); // 7 days before: the 14-day alert, once
    expect(await jobRuns(f, 'weeklyDigest')).toBe(1);
    // The monthly report's last due time (1 March 08:00) was before the store was made: nothing to catch up.
    expect(await countKind(f, 'monthlyReport')).toBe(0);
    expect(a.kicks()).toBe(2); // the digest and the homelessness alert queued something
    const outbox = (await f.data()).outbox.length;

    // A second tick in the same minute, and a restart, run nothing.
    expect((await a.s.tick()).ran).toEqual([]);
    await a.s.stop();
    const b = scheduler(f);
    expect((await b.s.start()).ran).toEqual([]);
    expect((await f.data()).outbox.length).toBe(outbox);
    await b.s.stop();
  });

  it('wakes at the due time and runs the job; holidays move it (Easter Monday 2027 → Tuesday)', async () => {
    const f = await makeFixture({ start: '2027-03-24T12:00:00.000Z' });
    const { s, timers } = scheduler(f);
    await s.start();
    f.clock.set('2027-03-29T06:00:00.000Z'); // Easter Monday 08:00
    await timers.fire();
    expect(await countKind(f, 'weeklyDigest')).toBe(0);
    expect(await jobRuns(f, 'weeklyDigest')).toBe(0);
    // The next wake-up is capped at an hour; walk the clock as the timers would, to Tuesday 08:00.
    let guard = 0;
    while (f.clock.now().toISOString() < '2027-03-30T06:00:00.000Z' && guard++ < 100) {
      const { ms } = timers.only();
      expect(ms).toBeGreaterThanOrEqual(1_000);
      expect(ms).toBeLessThanOrEqual(HOUR);
      f.clock.advanceMs(ms);
      await timers.fire();
    }
    expect(f.clock.now().toISOString()).toBe('2027-03-30T06:00:00.000Z'); // landed exactly on the due time
    expect(await countKind(f, 'weeklyDigest')).toBe(2);
    const audit = (await f.data()).audit.filter((x) => x.action === 'job.run' && x.entityId === 'weeklyDigest');
    expect(audit.map((x) => x.at)).toEqual(['2027-03-30T06:00:00.000Z']);
    await s.stop();
  });

  it('a failing job is logged without free text, does not crash, and is retried after the retry delay', async () => {
    const f = await makeFixture();
    let fail = true;
    const flaky: StorePort = {
      read: () => f.store.read(),
      transact: (fn) => (fail ? Promise.reject(Object.assign(new Error('Cliënt woont op Dorpsstraat 1'), { name: 'DiskError' })) : f.store.transact(fn)),
    };
    f.clock.set('2026-03-09T12:00:00.000Z');
    const timers = fakeTimers();
    const { s, logger } = scheduler(f, timers, flaky);
    const first = await s.start();
    expect(first.ran).toEqual([]);
    expect(first.failed.length).toBeGreaterThan(0);
    expect(timers.only().ms).toBe(5 * 60_000);
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors[0]).toMatchObject({ obj: { job: expect.any(String), err: 'DiskError' }, msg: 'job failed' });
    expect(JSON.stringify(logger.lines)).not.toContain('Dorpsstraat');
    fail = false;
    f.clock.advanceMs(5 * 60_000);
    await timers.fire();
    expect(await countKind(f, 'weeklyDigest')).toBe(2);
    await s.stop();
  });

  it('an invalid schedule in the store is reported once; the other jobs run', async () => {
    const f = await makeFixture();
    const data = createSeedStore(f.clock.now());
    data.settings.schedules.weeklyDigest = 'elke maandag';
    const store = new MemoryStore(data);
    f.clock.set('2026-03-09T12:00:00.000Z');
    const { s, logger } = scheduler(f, fakeTimers(), store);
    const r = await s.start();
    expect(r.ran.map((x) => x.job)).not.toContain('weeklyDigest');
    expect(r.ran.map((x) => x.job)).toContain('homelessnessAlerts');
    await s.tick();
    expect(logger.lines.filter((l) => l.msg === 'schedule invalid; job does not run')).toEqual([{ level: 'warn', obj: { job: 'weeklyDigest' }, msg: 'schedule invalid; job does not run' }]);
    await s.stop();
  });
});
