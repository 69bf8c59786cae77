/**
 * Running the scheduled jobs. `runJob` plans a job's messages (core/jobs.ts)
 * and, in one transaction, queues those not sent before in the outbox,
 * remembers their idempotency keys and the run. The bot's scheduler calls it
 * at the times in `settings.schedules`; `lla planning uitvoeren` calls it on
 * demand. Delivery (retries, 429s) is the dispatcher's.
 */
import { z } from 'zod';
import { mutate, parseInput, query, readsEverything, requireQuartermaster, type Context } from '../context.js';
import { addDays, amsterdamDay } from '../dates.js';
import { forbidden } from '../errors.js';
import { cronSpec, lastRun, nextRun, parseCron } from '../jobs-cron.js';
import { planJob, type PlannedMessage } from '../jobs.js';
import { expiredFreeText } from './cases.js';
import { JOB_NAMES, JobName, PersonId, type JobRun, type StoreData } from '../schema.js';
import { purgeExpiredFreeText } from './cases.js';

/** Sent keys are kept this long (a year and a bit), so the list stays bounded. */
export const SENT_KEY_DAYS = 400;

export const RunJobInput = z.object({
  job: JobName,
  /** Only say what would be queued; write nothing. */
  dryRun: z.boolean().optional(),
  /** The person who asked for the run (`lla planning uitvoeren`), for the audit trail. */
  requestedById: PersonId.optional(),
});
export type RunJobInput = z.input<typeof RunJobInput>;

export interface JobRunResult {
  job: JobName;
  dryRun: boolean;
  at: string;
  /** Messages queued now (or, in a dry run, that would be). */
  queued: PlannedMessage[];
  /** Messages due but sent by an earlier run, so skipped. */
  alreadySent: number;
  /** Retention: the cases whose free text was (or would be) erased; null for other jobs. */
  purged: string[] | null;
}

/** A stored key is `key|yyyy-mm-dd` (the day it was sent), so old ones can be pruned. */
function splitStored(stored: string): { key: string; day: string } {
  const bar = stored.lastIndexOf('|');
  return bar < 0 ? { key: stored, day: '' } : { key: stored.slice(0, bar), day: stored.slice(bar + 1) };
}

function sentKeys(data: StoreData, job: JobName): Set<string> {
  return new Set((data.jobRuns.find((r) => r.job === job)?.sentKeys ?? []).map((k) => splitStored(k).key));
}

function fresh(data: StoreData, job: JobName, now: Date): { queued: PlannedMessage[]; alreadySent: number } {
  const planned = planJob(job, data, now);
  const sent = sentKeys(data, job);
  const queued = planned.filter((m) => !sent.has(m.key));
  return { queued, alreadySent: planned.length - queued.length };
}

/**
 * Run one job now. System actor only (the scheduler, or the CLI after
 * `authorizeJobRun`). Safe to repeat: a message whose key was sent before is
 * never queued again.
 */
export async function runJob(ctx: Context, input: RunJobInput): Promise<JobRunResult> {
  const parsed = parseInput(RunJobInput, input);
  const { job } = parsed;
  if (parsed.dryRun) {
    return query(ctx, (data, actor, now) => {
      if (actor.kind !== 'system') throw forbidden('geplande taken uitvoeren');
      const { queued, alreadySent } = fresh(data, job, now);
      return { job, dryRun: true, at: now.toISOString(), queued, alreadySent, purged: job === 'retentionPurge' ? expiredFreeText(data, now) : null };
    });
  }
  const purged = job === 'retentionPurge' ? await purgeExpiredFreeText(ctx) : null;
  return mutate(ctx, (tx) => {
    if (tx.actor.kind !== 'system') throw forbidden('geplande taken uitvoeren');
    const { queued, alreadySent } = fresh(tx.data, job, tx.now);
    for (const m of queued) tx.notify(m.kind, m.recipientId, m.params);
    const today = amsterdamDay(tx.now);
    const oldest = addDays(today, -SENT_KEY_DAYS);
    let run = tx.data.jobRuns.find((r) => r.job === job);
    if (!run) {
      run = { job, lastRunAt: tx.nowIso, sentKeys: [] } satisfies JobRun;
      tx.data.jobRuns.push(run);
    }
    run.lastRunAt = tx.nowIso;
    run.sentKeys = run.sentKeys.filter((k) => splitStored(k).day >= oldest).concat(queued.map((m) => `${m.key}|${today}`));
    const details: Record<string, string | number> = { queued: queued.length, alreadySent };
    if (purged) details['purged'] = purged.length;
    if (parsed.requestedById) details['requestedById'] = parsed.requestedById;
    tx.audit('job.run', 'settings', job, details);
    return { job, dryRun: false, at: tx.nowIso, queued, alreadySent, purged };
  });
}

/** Running a job from the CLI: the kwartiermaker only (the job itself then runs as the system). */
export function authorizeJobRun(ctx: Context): Promise<string> {
  return query(ctx, (_data, actor) => {
    requireQuartermaster(actor, 'geplande taken uitvoeren (alleen de kwartiermaker)');
    return actor.kind === 'person' ? actor.person.id : 'system';
  });
}

export interface JobStatus {
  job: JobName;
  cron: string;
  /** False when the stored expression does not parse (the job then never runs). */
  valid: boolean;
  lastRunAt: string | null;
  /** The latest due time at or before now (holidays applied). */
  lastDueAt: string | null;
  /** The next due time after now (holidays applied). */
  nextRunAt: string | null;
  /**
   * A due time passed without a run since the job last ran (or since the
   * store was made, for a job that never ran): the scheduler runs it once.
   */
  catchUp: boolean;
}

/** Pure: the status of every job at `now`. */
export function jobStatuses(data: StoreData, now: Date): JobStatus[] {
  return JOB_NAMES.map((job) => {
    const cron = data.settings.schedules[job] ?? '';
    const lastRunAt = data.jobRuns.find((r) => r.job === job)?.lastRunAt ?? null;
    if (!parseCron(cron).ok) return { job, cron, valid: false, lastRunAt, lastDueAt: null, nextRunAt: null, catchUp: false };
    const spec = cronSpec(cron);
    const lastDue = lastRun(spec, now);
    const next = nextRun(spec, now);
    const since = Date.parse(lastRunAt ?? data.createdAt);
    return {
      job,
      cron,
      valid: true,
      lastRunAt,
      lastDueAt: lastDue?.toISOString() ?? null,
      nextRunAt: next?.toISOString() ?? null,
      catchUp: !!lastDue && lastDue.getTime() > since,
    };
  });
}

/** The planning: each job's schedule, last and next run. The kwartiermaker, the ambassadors and the system. */
export function jobOverview(ctx: Context): Promise<JobStatus[]> {
  return query(ctx, (data, actor, now) => {
    if (!readsEverything(actor)) throw forbidden('de planning inzien');
    return jobStatuses(data, now);
  });
}
