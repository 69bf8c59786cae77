/**
 * Cron expressions for the scheduled jobs, read in Europe/Amsterdam, with
 * the Coördinatiepunt's rule for public holidays: a run that falls on a Dutch
 * public holiday moves to the next working day, same time of day.
 *
 * Pure: the five classic fields (`minute hour day-of-month month
 * day-of-week`), with `*`, lists, ranges, steps and English month/day names;
 * day-of-week 0 and 7 are Sunday. When both day fields are restricted, a day
 * matching either runs (as in Vixie cron). A local time that does not exist
 * (the spring DST gap) runs an hour later; one that exists twice (autumn)
 * runs once, the second time.
 */
import { addDays, amsterdamDay, isDutchHoliday, nextWorkingDay, TIME_ZONE, weekday } from './dates.js';

export interface CronSpec {
  source: string;
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Whether the day-of-month / day-of-week field was `*` (unrestricted). */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

export type CronField = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

/** Why an expression is not a valid schedule; the catalog turns it into Dutch. */
export type CronProblem =
  | { kind: 'fieldCount'; count: number }
  | { kind: 'syntax'; field: CronField; part: string }
  | { kind: 'range'; field: CronField; part: string; min: number; max: number }
  | { kind: 'never' };

export type CronParse = { ok: true; spec: CronSpec } | { ok: false; problem: CronProblem };

const FIELDS: ReadonlyArray<{ field: CronField; min: number; max: number; names?: readonly string[] }> = [
  { field: 'minute', min: 0, max: 59 },
  { field: 'hour', min: 0, max: 23 },
  { field: 'dayOfMonth', min: 1, max: 31 },
  { field: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { field: 'dayOfWeek', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

function parseField(text: string, def: (typeof FIELDS)[number]): { values: Set<number> } | { problem: CronProblem } {
  const values = new Set<number>();
  const value = (s: string): number | null => {
    const named = def.names?.indexOf(s.toLowerCase()) ?? -1;
    if (named >= 0) return named + (def.field === 'month' ? 1 : 0);
    return /^\d{1,2}$/.test(s) ? Number(s) : null;
  };
  for (const part of text.split(',')) {
    const m = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d{1,2}))?$/i.exec(part);
    if (!m) return { problem: { kind: 'syntax', field: def.field, part } };
    const [, base = '', stepText] = m;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return { problem: { kind: 'syntax', field: def.field, part } };
    let lo: number;
    let hi: number;
    if (base === '*') {
      lo = def.min;
      hi = def.field === 'dayOfWeek' ? 6 : def.max;
    } else {
      const [a = '', b] = base.split('-');
      const from = value(a);
      const to = b === undefined ? (stepText === undefined ? from : def.field === 'dayOfWeek' ? 6 : def.max) : value(b);
      if (from === null || to === null) return { problem: { kind: 'syntax', field: def.field, part } };
      lo = from;
      hi = to;
    }
    if (lo < def.min || hi > def.max || lo > hi) return { problem: { kind: 'range', field: def.field, part, min: def.min, max: def.max } };
    for (let v = lo; v <= hi; v += step) values.add(def.field === 'dayOfWeek' && v === 7 ? 0 : v);
  }
  return { values };
}

/** Parse a five-field cron expression. */
export function parseCron(expression: string): CronParse {
  const source = expression.trim().replace(/\s+/g, ' ');
  const parts = source === '' ? [] : source.split(' ');
  if (parts.length !== 5) return { ok: false, problem: { kind: 'fieldCount', count: parts.length } };
  const sets: Array<Set<number>> = [];
  for (const [i, def] of FIELDS.entries()) {
    const parsed = parseField(parts[i]!, def);
    if ('problem' in parsed) return { ok: false, problem: parsed.problem };
    sets.push(parsed.values);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const spec: CronSpec = {
    source,
    minutes: [...minutes].sort((a, b) => a - b),
    hours: [...hours].sort((a, b) => a - b),
    daysOfMonth,
    months,
    daysOfWeek,
    anyDayOfMonth: parts[2] === '*',
    anyDayOfWeek: parts[4] === '*',
  };
  // "31 February" and the like: a day-of-month that no chosen month has.
  if (spec.anyDayOfWeek && !spec.anyDayOfMonth) {
    const longest = Math.max(...[...months].map((m) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!));
    if (Math.min(...daysOfMonth) > longest) return { ok: false, problem: { kind: 'never' } };
  }
  return { ok: true, spec };
}

/** The parsed expression, or throws (for expressions already validated). */
export function cronSpec(expression: string): CronSpec {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(`invalid cron expression: ${parsed.problem.kind}`);
  return parsed.spec;
}

function dayMatches(spec: CronSpec, day: string): boolean {
  if (!spec.months.has(+day.slice(5, 7))) return false;
  const dom = spec.daysOfMonth.has(+day.slice(8, 10));
  const dow = spec.daysOfWeek.has(weekday(day));
  if (spec.anyDayOfMonth && spec.anyDayOfWeek) return true;
  if (spec.anyDayOfMonth) return dow;
  if (spec.anyDayOfWeek) return dom;
  return dom || dow;
}

let partsFormat: Intl.DateTimeFormat | undefined;

/** Minutes Amsterdam is ahead of UTC at an instant. */
function offsetMinutes(ms: number): number {
  partsFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time on a calendar day in Amsterdam. */
export function amsterdamInstant(day: string, hour: number, minute: number): Date {
  const wall = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), hour, minute);
  const first = wall - offsetMinutes(wall) * 60_000;
  return new Date(wall - offsetMinutes(first) * 60_000);
}

/** The cron's own occurrences on one Amsterdam calendar day, earliest first (holidays not applied). */
export function occurrencesOn(spec: CronSpec, day: string): Date[] {
  if (!dayMatches(spec, day)) return [];
  const out: Date[] = [];
  for (const h of spec.hours) for (const m of spec.minutes) out.push(amsterdamInstant(day, h, m));
  return out;
}

/** An occurrence moved off a public holiday: the next working day, same wall-clock time. */
export function shiftOffHoliday(occurrence: Date): Date {
  const day = amsterdamDay(occurrence);
  if (!isDutchHoliday(day)) return occurrence;
  const local = new Date(occurrence.getTime() + offsetMinutes(occurrence.getTime()) * 60_000);
  return amsterdamInstant(nextWorkingDay(day), local.getUTCHours(), local.getUTCMinutes());
}

/** How far a holiday can push a run (nextWorkingDay looks two weeks ahead at most). */
const MAX_SHIFT_DAYS = 14;
/** How far to look for an occurrence: a 29 February on a given weekday comes back within 28 years; the 29th of February alone within 8. */
const SEARCH_DAYS = 366 * 9;

/** The first run strictly after `after`, holidays applied; null when the expression never runs again (in nine years). */
export function nextRun(spec: CronSpec, after: Date): Date | null {
  const t = after.getTime();
  let best: Date | null = null;
  let day = addDays(amsterdamDay(after), -MAX_SHIFT_DAYS);
  for (let i = 0; i < SEARCH_DAYS + MAX_SHIFT_DAYS; i++, day = addDays(day, 1)) {
    if (best && day > amsterdamDay(best)) break;
    for (const raw of occurrencesOn(spec, day)) {
      const due = shiftOffHoliday(raw);
      if (due.getTime() > t && (!best || due < best)) best = due;
    }
  }
  return best;
}

/** The latest run at or before `at`, holidays applied; null when there is none (in nine years back). */
export function lastRun(spec: CronSpec, at: Date): Date | null {
  const t = at.getTime();
  let best: Date | null = null;
  let day = amsterdamDay(at);
  for (let i = 0; i < SEARCH_DAYS; i++, day = addDays(day, -1)) {
    if (best && day < addDays(amsterdamDay(best), -MAX_SHIFT_DAYS)) break;
    for (const raw of occurrencesOn(spec, day)) {
      if (raw.getTime() > t) continue;
      const due = shiftOffHoliday(raw);
      if (due.getTime() <= t && (!best || due > best)) best = due;
    }
  }
  return best;
}

/** The coming `n` runs after `after`, holidays applied. */
export function nextRuns(spec: CronSpec, after: Date, n: number): Date[] {
  const out: Date[] = [];
  let from = after;
  for (let i = 0; i < n; i++) {
    const next = nextRun(spec, from);
    if (!next) break;
    out.push(next);
    from = next;
  }
  return out;
}

/** A schedule in words, for the catalog: the common shapes, else `custom`. */
export type CronShape =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; days: number[]; time: string }
  | { kind: 'monthly'; dayOfMonth: number; time: string }
  | { kind: 'custom' };

export function cronShape(spec: CronSpec): CronShape {
  if (spec.minutes.length !== 1 || spec.hours.length !== 1 || spec.months.size !== 12) return { kind: 'custom' };
  const time = `${String(spec.hours[0]).padStart(2, '0')}:${String(spec.minutes[0]).padStart(2, '0')}`;
  if (spec.anyDayOfMonth && spec.anyDayOfWeek) return { kind: 'daily', time };
  if (spec.anyDayOfMonth) {
    const days = [...spec.daysOfWeek].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
    return days.length === 7 ? { kind: 'daily', time } : { kind: 'weekly', days, time };
  }
  if (spec.anyDayOfWeek && spec.daysOfMonth.size === 1) return { kind: 'monthly', dayOfMonth: [...spec.daysOfMonth][0]!, time };
  return { kind: 'custom' };
}
