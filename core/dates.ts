/**
 * Dates as people in the Netherlands read them: calendar days in
 * Europe/Amsterdam, written `d MMMM yyyy` in Dutch. Instants are stored as
 * ISO strings in UTC; calendar dates as `yyyy-mm-dd`.
 */

export const TIME_ZONE = 'Europe/Amsterdam';

/** Formatters are made on first use: building one costs milliseconds, and `lla --help` needs none. */
function lazy(make: () => Intl.DateTimeFormat): { format(d: Date): string } {
  let f: Intl.DateTimeFormat | undefined;
  return { format: (d) => (f ??= make()).format(d) };
}
const longDate = lazy(() => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }));
const isoDay = lazy(() => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE }));
const time = lazy(() => new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }));

/** A clock; use-cases never call `new Date()` themselves. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** `22 november 2026`. Accepts an instant (Date or ISO timestamp) or a calendar date `yyyy-mm-dd`. */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date: format at noon UTC so no zone shift can change the day.
    return longDate.format(new Date(`${value}T12:00:00Z`));
  }
  return longDate.format(typeof value === 'string' ? new Date(value) : value);
}

/** `22 november 2026 14:05` for an instant. */
export function formatDateTime(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${longDate.format(d)} ${time.format(d)}`;
}

/** The calendar day (`yyyy-mm-dd`) of an instant in Amsterdam. */
export function amsterdamDay(instant: Date | string): string {
  return isoDay.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Whole days from calendar day `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  return Math.round((b - a) / 86_400_000);
}

/** Calendar day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const d = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) + days));
  return d.toISOString().slice(0, 10);
}

/** Day of week of a calendar day: 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** True when `day` is a real calendar date in `yyyy-mm-dd`. */
export function isCalendarDate(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Easter Sunday (Gregorian, anonymous algorithm) as `yyyy-mm-dd`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Dutch public holidays (nationale feestdagen) of a year, with their Dutch
 * names. Bevrijdingsdag counts every year: offices of partners often close.
 * Koningsdag moves to 26 April when 27 April is a Sunday.
 */
export function dutchHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const kingsDay = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  return new Map([
    [`${year}-01-01`, 'Nieuwjaarsdag'],
    [addDays(easter, -2), 'Goede Vrijdag'],
    [easter, 'Eerste paasdag'],
    [addDays(easter, 1), 'Tweede paasdag'],
    [kingsDay, 'Koningsdag'],
    [`${year}-05-05`, 'Bevrijdingsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 49), 'Eerste pinksterdag'],
    [addDays(easter, 50), 'Tweede pinksterdag'],
    [`${year}-12-25`, 'Eerste kerstdag'],
    [`${year}-12-26`, 'Tweede kerstdag'],
  ]);
}

export function isDutchHoliday(day: string): boolean {
  return dutchHolidays(+day.slice(0, 4)).has(day);
}

/** A weekday that is not a public holiday. */
export function isWorkingDay(day: string): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !isDutchHoliday(day);
}

/** `day` itself when it is a working day, else the next working day. */
export function nextWorkingDay(day: string): string {
  let d = day;
  for (let i = 0; i < 14 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** The `n`-th (1-based) given weekday of a month, e.g. the 2nd Thursday of April. */
export function nthWeekdayOfMonth(year: number, month: number, dayOfWeek: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const offset = (dayOfWeek - weekday(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/** Half-year period of a calendar day: `2026-H2`. */
export function periodOf(day: string): string {
  return `${day.slice(0, 4)}-H${+day.slice(5, 7) <= 6 ? 1 : 2}`;
}
