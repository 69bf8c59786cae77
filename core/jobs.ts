/**
 * The scheduled jobs as pure planners: for a job and the moment it runs,
 * which chat messages are due. Each message carries an idempotency key per
 * job, period and recipient (`weeklyDigest:2026-W47:P-0002`); `runJob`
 * (core/usecases/schedule.ts) drops the keys sent before and queues the rest
 * in the outbox. Windows instead of exact days ("14 days or less before"),
 * so a run that was moved (holiday) or missed (downtime) still sends, once.
 *
 * Params carry ids, codes and numbers only; the bot renders the text.
 */
import { addDays, amsterdamDay, daysBetween, weekday } from './dates.js';
import { lastFullMonth } from './report.js';
import type { JobName, Notification, NotificationKind, Person, Region, Role, StoreData, StuckCase } from './schema.js';
import { inAudience } from './usecases/events.js';

export interface PlannedMessage {
  /** Idempotency key: job, period and recipient. */
  key: string;
  recipientId: string;
  kind: NotificationKind;
  params: Notification['params'];
}

/** Days before `homelessOn` at which the kwartiermaker and ambassadors are alerted. */
export const HOMELESSNESS_STEPS = [14, 3] as const;
/** Days after a monitor round opened at which non-responders are reminded. */
export const MONITOR_REMINDER_STEPS = [3, 7] as const;
/** Days before a registration deadline from which the audience not yet registered is reminded. */
export const DEADLINE_REMINDER_DAYS = 3;
/** Days before an event from which registered people are reminded. */
export const EVENT_REMINDER_DAYS = 7;

const FINAL = new Set<StuckCase['status']>(['resolved', 'closedUnresolved']);

/** Active people with any of the roles, by id. */
export function activeWithRole(data: StoreData, ...roles: Role[]): Person[] {
  return data.people.filter((p) => p.active && p.roles.some((r) => roles.includes(r)));
}

/** The regions expected to send monitor figures: active, and the approach has started there. */
export function monitorRegions(data: StoreData): Region[] {
  return data.regions.filter((r) => r.active && r.started);
}

/** Who answers the monitor for a region: its active project leads. */
export function regionProjectLeads(data: StoreData, regionCode: string): Person[] {
  return data.people.filter((p) => p.active && p.regionCode === regionCode && p.roles.includes('projectLead'));
}

/** ISO week of a calendar day: `2026-W47`. */
export function isoWeek(day: string): string {
  const thursday = addDays(day, 3 - ((weekday(day) + 6) % 7));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The largest step that has been reached (steps ascending): `days` 8 of [3, 7] → 7. */
function reachedStep(steps: readonly number[], days: number): number | undefined {
  return [...steps].sort((a, b) => b - a).find((s) => days >= s);
}

function digest(job: 'weeklyDigest' | 'monthlyReport', data: StoreData, now: Date): PlannedMessage[] {
  const today = amsterdamDay(now);
  const { period, from, to } =
    job === 'weeklyDigest'
      ? { period: isoWeek(today), from: addDays(today, -7), to: addDays(today, -1) }
      : (() => {
          const m = lastFullMonth(now);
          return { period: m.from.slice(0, 7), ...m };
        })();
  return activeWithRole(data, 'ambassador', 'quartermaster').map((p) => ({
    key: `${job}:${period}:${p.id}`,
    recipientId: p.id,
    kind: job,
    params: { from, to },
  }));
}

/**
 * The check-in of a task group is due `checkInIntervalDays` after its last
 * progress update (or its creation), and again every interval while it stays
 * silent; "herinner me later" moves it to the end of the snooze.
 */
export function checkInDue(
  tg: StoreData['taskGroups'][number],
  intervalDays: number,
  now: Date,
): Date | undefined {
  const interval = intervalDays * 86_400_000;
  const last = tg.progress[tg.progress.length - 1]?.at ?? tg.createdAt;
  const snoozed = tg.checkInSnoozedUntil ? Date.parse(tg.checkInSnoozedUntil) : undefined;
  if (snoozed !== undefined && snoozed > now.getTime()) return undefined;
  let anchor = Date.parse(last) + interval;
  if (snoozed !== undefined && snoozed >= anchor) anchor = snoozed;
  if (now.getTime() < anchor) return undefined;
  return new Date(anchor + Math.floor((now.getTime() - anchor) / interval) * interval);
}

function taskGroupCheckIns(data: StoreData, now: Date): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  for (const tg of data.taskGroups) {
    if (tg.status !== 'active' || !tg.firstContactId) continue;
    const contact = data.people.find((p) => p.id === tg.firstContactId);
    if (!contact?.active) continue;
    const due = checkInDue(tg, data.settings.checkInIntervalDays, now);
    if (!due) continue;
    out.push({
      key: `taskGroupCheckIn:${tg.id}:${amsterdamDay(due)}:${contact.id}`,
      recipientId: contact.id,
      kind: 'taskGroupCheckIn',
      params: { taskGroupId: tg.id },
    });
  }
  return out;
}

function monitorReminders(data: StoreData, now: Date): PlannedMessage[] {
  const today = amsterdamDay(now);
  const out: PlannedMessage[] = [];
  for (const round of data.monitorRounds) {
    if (round.status !== 'open' || (round.closesOn && round.closesOn < today)) continue;
    const step = reachedStep(MONITOR_REMINDER_STEPS, daysBetween(amsterdamDay(round.openedAt), today));
    if (step === undefined) continue;
    const submitted = new Set(round.submissions.map((s) => s.regionCode));
    const missing = monitorRegions(data).filter((r) => !submitted.has(r.code));
    if (missing.length === 0) continue;
    for (const region of missing) {
      for (const lead of regionProjectLeads(data, region.code)) {
        out.push({
          key: `monitorReminders:${round.period}:${step}d:${lead.id}`,
          recipientId: lead.id,
          kind: 'monitorReminder',
          params: { period: round.period, regionCode: region.code, step },
        });
      }
    }
    for (const qm of activeWithRole(data, 'quartermaster')) {
      out.push({
        key: `monitorReminders:${round.period}:${step}d:missing:${qm.id}`,
        recipientId: qm.id,
        kind: 'monitorMissing',
        params: { period: round.period, step, missing: missing.length, expected: monitorRegions(data).length },
      });
    }
  }
  return out;
}

function homelessnessAlerts(data: StoreData, now: Date): PlannedMessage[] {
  const today = amsterdamDay(now);
  const recipients = activeWithRole(data, 'quartermaster', 'ambassador');
  const out: PlannedMessage[] = [];
  for (const c of data.cases) {
    if (!c.homelessOn || FINAL.has(c.status)) continue;
    const daysLeft = daysBetween(today, c.homelessOn);
    if (daysLeft < 0) continue;
    // The most urgent step reached: a case reported 2 days before the date gets the 3-day alert only.
    const step = [...HOMELESSNESS_STEPS].sort((a, b) => a - b).find((s) => daysLeft <= s);
    if (step === undefined) continue;
    for (const p of recipients) {
      out.push({
        key: `homelessnessAlerts:${c.code}:${step}d:${p.id}`,
        recipientId: p.id,
        kind: 'homelessnessAlert',
        params: { caseCode: c.code, step, daysLeft },
      });
    }
  }
  return out;
}

function eventReminders(data: StoreData, now: Date): PlannedMessage[] {
  const today = amsterdamDay(now);
  const out: PlannedMessage[] = [];
  for (const e of data.events) {
    if (e.status !== 'planned' || e.date < today) continue;
    if (e.registrationDeadline) {
      const left = daysBetween(today, e.registrationDeadline);
      if (left >= 0 && left <= DEADLINE_REMINDER_DAYS) {
        // Who made any choice (registered, waiting list, cancelled) is not reminded.
        const answered = new Set(e.registrations.map((r) => r.personId));
        for (const p of data.people) {
          if (!p.active || answered.has(p.id) || !inAudience(p, e.audience)) continue;
          out.push({ key: `eventReminders:${e.id}:deadline:${p.id}`, recipientId: p.id, kind: 'eventDeadlineReminder', params: { eventId: e.id } });
        }
      }
    }
    const until = daysBetween(today, e.date);
    if (until >= 1 && until <= EVENT_REMINDER_DAYS) {
      for (const r of e.registrations) {
        if (r.status !== 'registered' || !data.people.find((p) => p.id === r.personId)?.active) continue;
        out.push({ key: `eventReminders:${e.id}:week:${r.personId}`, recipientId: r.personId, kind: 'eventReminder', params: { eventId: e.id } });
      }
    }
  }
  return out;
}

/** The messages a job would send at `now`, before dropping what was sent already. Unique by key. */
export function planJob(job: JobName, data: StoreData, now: Date): PlannedMessage[] {
  let planned: PlannedMessage[];
  switch (job) {
    case 'weeklyDigest':
    case 'monthlyReport':
      planned = digest(job, data, now);
      break;
    case 'taskGroupCheckIn':
      planned = taskGroupCheckIns(data, now);
      break;
    case 'monitorReminders':
      planned = monitorReminders(data, now);
      break;
    case 'homelessnessAlerts':
      planned = homelessnessAlerts(data, now);
      break;
    case 'eventReminders':
      planned = eventReminders(data, now);
      break;
    case 'retentionPurge':
      planned = [];
      break;
  }
  const seen = new Set<string>();
  return planned.filter((m) => !seen.has(m.key) && seen.add(m.key));
}
