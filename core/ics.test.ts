import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, utcStamp, type IcsEvent } from './ics.js';

const now = new Date('2026-11-22T13:26:04.123Z');

const timed: IcsEvent = {
  id: 'EV-2027-02',
  summary: 'Vakdag procesregisseurs 2027',
  date: '2027-04-08',
  startTime: '09:30',
  endTime: '16:30',
  location: 'Jaarbeurs, Utrecht',
  description: 'Programma: opening; workshops\nAanmelden tot en met 25 maart 2027.',
};

/** Undo folding (RFC 5545 §3.1) and split into content lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    expect(escapeText('gewoon')).toBe('gewoon');
  });
});

describe('foldLine', () => {
  it('leaves lines of at most 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets with a leading space on continuation lines', () => {
    const line = `DESCRIPTION:${'a'.repeat(200)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(3);
    expect(Buffer.byteLength(parts[0]!)).toBe(75);
    expect(parts.slice(1).every((p) => p.startsWith(' ') && Buffer.byteLength(p) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'ë'.repeat(100)}`;
    const parts = foldLine(line).split('\r\n');
    for (const p of parts) {
      expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
    }
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
  });
});

describe('buildIcs', () => {
  it('builds a timed event in Europe/Amsterdam with a VTIMEZONE', () => {
    const ics = buildIcs(timed, { now });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Amsterdam');
    expect(lines).toContain('UID:EV-2027-02@lla');
    expect(lines).toContain('DTSTAMP:20261122T132604Z');
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20270408T093000');
    expect(lines).toContain('DTEND;TZID=Europe/Amsterdam:20270408T163000');
    expect(lines).toContain('SUMMARY:Vakdag procesregisseurs 2027');
    expect(lines).toContain('LOCATION:Jaarbeurs\\, Utrecht');
    expect(lines).toContain('DESCRIPTION:Programma: opening\\; workshops\\nAanmelden tot en met 25 maart 2027.');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.at(-1)).toBe('');
    // VTIMEZONE comes before the VEVENT
    expect(lines.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('every physical line is at most 75 octets', () => {
    const ics = buildIcs({ ...timed, description: `Lang programma met ü en é: ${'workshop, lezing; '.repeat(30)}` }, { now });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('uses all-day DATE values without a time, and no VTIMEZONE', () => {
    const ics = buildIcs({ id: 'EV-2027-09', summary: 'Werkbezoek', date: '2027-12-31' }, { now });
    const lines = unfold(ics);
    expect(lines).toContain('DTSTART;VALUE=DATE:20271231');
    expect(lines).toContain('DTEND;VALUE=DATE:20280101');
    expect(lines).not.toContain('BEGIN:VTIMEZONE');
    expect(lines.some((l) => l.startsWith('LOCATION'))).toBe(false);
    expect(lines.some((l) => l.startsWith('DESCRIPTION'))).toBe(false);
  });

  it('marks cancelled events and omits DTEND without an end time', () => {
    const lines = unfold(buildIcs({ id: 'EV-2027-03', summary: 'Overleg', date: '2027-03-09', startTime: '13:30', cancelled: true }, { now }));
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines.some((l) => l.startsWith('DTEND'))).toBe(false);
  });

  it('holds several events in one calendar', () => {
    const ics = buildIcs([timed, { id: 'EV-2027-04', summary: 'Duo', date: '2027-10-14' }], { now, calendarName: 'LLA, vakdagen' });
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(2);
    expect(ics).toContain('X-WR-CALNAME:LLA\\, vakdagen');
  });

  it('utcStamp writes UTC basic format', () => {
    expect(utcStamp(new Date('2027-01-02T03:04:05Z'))).toBe('20270102T030405Z');
  });
});
