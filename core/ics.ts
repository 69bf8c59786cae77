/**
 * iCalendar (RFC 5545) files for events: a pure builder, no I/O. The caller
 * supplies already-rendered texts (summary, location, description) and the
 * moment of generation; this module only knows the format.
 *
 * - CRLF line endings, content lines folded at 75 octets (UTF-8 safe).
 * - TEXT values escaped: backslash, semicolon, comma and newlines.
 * - Timed events in Europe/Amsterdam (DTSTART;TZID=…, with a VTIMEZONE);
 *   events without a start time are all-day (VALUE=DATE, DTEND the next day).
 */

export interface IcsEvent {
  /** Stable id; the UID becomes `<id>@lla`. */
  id: string;
  summary: string;
  /** Calendar day, yyyy-mm-dd. */
  date: string;
  /** hh:mm local time in Europe/Amsterdam; absent → an all-day event. */
  startTime?: string;
  /** hh:mm local time; absent with a start time → DTEND is left out. */
  endTime?: string;
  location?: string;
  description?: string;
  cancelled?: boolean;
  /** Last change, for LAST-MODIFIED (an instant). */
  lastModified?: Date | string;
}

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  prodId?: string;
  /** X-WR-CALNAME (optional). */
  calendarName?: string;
}

export const ICS_TIME_ZONE = 'Europe/Amsterdam';
const CRLF = '\r\n';
const DEFAULT_PROD_ID = '-//Coordinatiepunt Levensloopaanpak//lla//NL';

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Fold a content line at 75 octets (RFC 5545 §3.1): continuation lines
 * start with one space. Never splits a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  let limit = 75; // first line: 75 octets; continuation: 1 space + 74
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
      limit = 74;
    }
    current += ch;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** UTC date-time form: 20261122T132604Z. */
export function utcStamp(instant: Date): string {
  return (
    `${instant.getUTCFullYear()}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

const basicDate = (day: string) => day.replace(/-/g, '');

function nextDay(day: string): string {
  const d = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) + 1));
  return d.toISOString().slice(0, 10);
}

const localDateTime = (day: string, time: string) => `${basicDate(day)}T${time.replace(':', '')}00`;

/** The Europe/Amsterdam zone (EU rules since 1996: last Sunday of March/October). */
export const VTIMEZONE_AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
] as const;

/** The VEVENT lines of one event (unfolded). */
function eventLines(e: IcsEvent, now: Date): string[] {
  const lines = [`BEGIN:VEVENT`, `UID:${e.id}@lla`, `DTSTAMP:${utcStamp(now)}`];
  if (e.startTime) {
    lines.push(`DTSTART;TZID=${ICS_TIME_ZONE}:${localDateTime(e.date, e.startTime)}`);
    if (e.endTime) lines.push(`DTEND;TZID=${ICS_TIME_ZONE}:${localDateTime(e.date, e.endTime)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${basicDate(e.date)}`, `DTEND;VALUE=DATE:${basicDate(nextDay(e.date))}`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(new Date(e.lastModified))}`);
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** A complete VCALENDAR with one VEVENT per event: CRLF endings, folded lines, ending in CRLF. */
export function buildIcs(events: IcsEvent | IcsEvent[], options: IcsOptions): string {
  const list = Array.isArray(events) ? events : [events];
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? DEFAULT_PROD_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  if (list.some((e) => e.startTime)) lines.push(...VTIMEZONE_AMSTERDAM);
  for (const e of list) lines.push(...eventLines(e, options.now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
