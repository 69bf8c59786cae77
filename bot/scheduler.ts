/**
 * The scheduler: runs the jobs of `settings.schedules` (cron, Europe/Amsterdam,
 * moved off Dutch public holidays) through core's `runJob`, which queues the
 * messages in the outbox; the dispatcher delivers them.
 *
 * Each tick asks core which jobs have a due time after their last run (or,
 * for a job that never ran, after the store was made) and runs each of those
 * once, however many due times were missed while the bot was down. Then it
 * sleeps until the next due time, at most an hour, and looks again (so a
 * changed schedule takes effect within the hour and a clock jump is caught).
 * A restart sends nothing twice: the run times and the messages' idempotency
 * keys are in the store. A failing job is logged (name and error name only)
 * and retried after a few minutes; it never stops the bot.
 */
import { SYSTEM, type Clock, type Context, type JobName, type StorePort } from '../core/index.js';
import { jobOverview, runJob, type JobStatus } from '../core/usecases/schedule.js';
import type { BotLogger } from './conversation/types.js';
import { errorName } from './dispatcher.js';

export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerDeps {
  store: StorePort;
  clock: Clock;
  logger: BotLogger;
  /** Called after a run queued messages (the dispatcher's `kick`). */
  onQueued?: () => void;
  /** Timers (tests pass fakes). */
  timers?: SchedulerTimers;
  /** Longest sleep before looking again. */
  maxSleepMs?: number;
  /** Wait before retrying after a failed job or an unreadable store. */
  retryMs?: number;
}

export interface JobOutcome {
  job: JobName;
  queued: number;
  alreadySent: number;
  purged: number | null;
}

export interface TickResult {
  ran: JobOutcome[];
  failed: JobName[];
  /** The next due time of any job (ISO), or null. */
  nextRunAt: string | null;
  nextJob: JobName | null;
  /** How long the scheduler sleeps now (ms); null when stopped. */
  sleepMs: number | null;
}

export interface Scheduler {
  /** Catch up what was missed, then keep running. Resolves after the first tick. */
  start(): Promise<TickResult>;
  /** Run what is due now (tests, and every wake-up). Ticks never overlap. */
  tick(): Promise<TickResult>;
  stop(): Promise<void>;
}

const HOUR = 60 * 60_000;
/** Never sleep shorter: a timer that fires a little early must not spin. */
const MIN_SLEEP_MS = 1_000;

const realTimers: SchedulerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const timers = deps.timers ?? realTimers;
  const maxSleep = deps.maxSleepMs ?? HOUR;
  const retry = deps.retryMs ?? 5 * 60_000;
  const ctx: Context = { actor: SYSTEM, channel: 'system', clock: deps.clock, store: deps.store };
  const warnedInvalid = new Set<string>();
  let timer: unknown;
  let inFlight: Promise<TickResult> | undefined;
  let running = false;

  async function runDue(statuses: JobStatus[], result: TickResult): Promise<void> {
    for (const s of statuses) {
      if (!s.valid) {
        if (!warnedInvalid.has(`${s.job}:${s.cron}`)) deps.logger.warn({ job: s.job }, 'schedule invalid; job does not run');
        warnedInvalid.add(`${s.job}:${s.cron}`);
        continue;
      }
      if (!s.catchUp) continue;
      const started = Date.now();
      try {
        const r = await runJob(ctx, { job: s.job });
        const outcome: JobOutcome = { job: s.job, queued: r.queued.length, alreadySent: r.alreadySent, purged: r.purged?.length ?? null };
        result.ran.push(outcome);
        deps.logger.info({ ...outcome, dueAt: s.lastDueAt, ms: Date.now() - started }, 'job ran');
        if (r.queued.length > 0) deps.onQueued?.();
      } catch (err) {
        result.failed.push(s.job);
        deps.logger.error({ job: s.job, err: errorName(err), ms: Date.now() - started }, 'job failed');
      }
    }
  }

  async function once(): Promise<TickResult> {
    const result: TickResult = { ran: [], failed: [], nextRunAt: null, nextJob: null, sleepMs: null };
    let statuses: JobStatus[] = [];
    let unreadable = false;
    try {
      statuses = await jobOverview(ctx);
      await runDue(statuses, result);
    } catch (err) {
      unreadable = true;
      deps.logger.error({ err: errorName(err) }, 'schedule not readable');
    }
    const next = statuses
      .filter((s) => s.valid && s.nextRunAt)
      .sort((a, b) => a.nextRunAt!.localeCompare(b.nextRunAt!))[0];
    result.nextRunAt = next?.nextRunAt ?? null;
    result.nextJob = next?.job ?? null;
    let sleep = next ? Date.parse(next.nextRunAt!) - deps.clock.now().getTime() : maxSleep;
    if (unreadable || result.failed.length > 0) sleep = Math.min(sleep, retry);
    result.sleepMs = Math.min(maxSleep, Math.max(MIN_SLEEP_MS, sleep));
    return result;
  }

  function arm(ms: number): void {
    if (!running) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      void tick();
    }, ms);
  }

  function tick(): Promise<TickResult> {
    inFlight ??= once()
      .then((r) => {
        if (running && r.sleepMs !== null) arm(r.sleepMs);
        else r.sleepMs = null;
        return r;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    start() {
      running = true;
      return tick();
    },
    tick,
    async stop() {
      running = false;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      await inFlight?.catch(() => undefined);
    },
  };
}
