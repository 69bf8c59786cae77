/** Settings of the Coördinatiepunt (retention, check-in interval, schedules) and the audit trail. */
import { z } from 'zod';
import { mutate, parseInput, query, readsEverything, requireQuartermaster, type Context } from '../context.js';
import { forbidden, LlaError } from '../errors.js';
import { parseCron } from '../jobs-cron.js';
import { jobSlug, scheduleMsg } from '../messages-cli/planning.js';
import { JobName, Timestamp, type AuditEntry, type Settings } from '../schema.js';

export function getSettings(ctx: Context): Promise<Settings> {
  return query(ctx, (data) => data.settings);
}

export const UpdateSettingsInput = z.object({
  retentionDays: z.coerce.number().int().min(30).max(3650).optional(),
  checkInIntervalDays: z.coerce.number().int().min(7).max(180).optional(),
  // Checked as cron expressions below (a too-short one gets the cron explanation, not "too short").
  schedules: z.partialRecord(JobName, z.string().trim().min(1).max(100)).optional(),
});

/** Each schedule must be a valid five-field cron expression; returns them normalised (single spaces). */
function checkedSchedules(schedules: Partial<Record<JobName, string>>): Partial<Record<JobName, string>> {
  const out: Partial<Record<JobName, string>> = {};
  for (const [job, expression] of Object.entries(schedules) as Array<[JobName, string]>) {
    const parsed = parseCron(expression);
    if (!parsed.ok) {
      const problem = scheduleMsg.cronProblem(parsed.problem);
      throw new LlaError('validation', scheduleMsg.cronInvalidFor(jobSlug[job], problem), [{ field: 'schedules', message: problem }]);
    }
    out[job] = parsed.spec.source;
  }
  return out;
}

export async function updateSettings(ctx: Context, input: z.input<typeof UpdateSettingsInput>): Promise<Settings> {
  const parsed = parseInput(UpdateSettingsInput, input);
  if (parsed.schedules) parsed.schedules = checkedSchedules(parsed.schedules);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'instellingen wijzigen');
    const changed: string[] = [];
    if (parsed.retentionDays !== undefined) {
      tx.data.settings.retentionDays = parsed.retentionDays;
      changed.push('retentionDays');
    }
    if (parsed.checkInIntervalDays !== undefined) {
      tx.data.settings.checkInIntervalDays = parsed.checkInIntervalDays;
      changed.push('checkInIntervalDays');
    }
    if (parsed.schedules) {
      Object.assign(tx.data.settings.schedules, parsed.schedules);
      changed.push('schedules');
    }
    // Job names go in their own detail: all seven as `schedules.<job>` would pass the 200-character limit of a detail.
    const details: Record<string, string> = { fields: changed.join(',') };
    if (parsed.schedules) details['schedules'] = Object.keys(parsed.schedules).join(',');
    tx.audit('settings.update', 'settings', 'settings', details);
    return tx.data.settings;
  });
}

/** Making a backup copy: any known, active person. */
export function authorizeBackup(ctx: Context): Promise<void> {
  return query(ctx, () => undefined);
}

/**
 * Putting a backup back replaces everything: the kwartiermaker only. A store
 * that fails validation cannot tell who is who; restoring is then the repair,
 * so it is allowed (the file itself is readable by its owner only).
 */
export async function authorizeRestore(ctx: Context): Promise<void> {
  try {
    await query(ctx, (_data, actor) => requireQuartermaster(actor, 'een back-up terugzetten (alleen de kwartiermaker)'));
  } catch (error) {
    if (!(error instanceof LlaError && error.code === 'storeInvalid')) throw error;
  }
}

export const AuditFilter = z.object({ since: Timestamp.optional(), entityId: z.string().optional(), limit: z.number().int().min(1).optional() });

/** The audit trail (quartermaster and ambassadors), oldest first. */
export async function listAudit(ctx: Context, filter: z.input<typeof AuditFilter> = {}): Promise<AuditEntry[]> {
  const f = parseInput(AuditFilter, filter);
  return query(ctx, (data, actor) => {
    if (!readsEverything(actor)) throw forbidden('het auditlog inzien');
    const since = f.since ? Date.parse(f.since) : -Infinity;
    const rows = data.audit.filter((a) => Date.parse(a.at) >= since && (!f.entityId || a.entityId === f.entityId));
    return (f.limit ? rows.slice(-f.limit) : rows);
  });
}
