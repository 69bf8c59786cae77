import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates.js';
import { amsterdamInstant, cronShape, cronSpec, lastRun, nextRun, nextRuns, parseCron } from './jobs-cron.js';
import { DEFAULT_SETTINGS } from '../data/reference.js';
import { scheduleMsg } from './messages-cli/planning.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const local = (d: Date | null) => (d ? formatDateTime(d) : null);

describe('parseCron', () => {
  it('accepts the five fields with lists, ranges, steps and names', () => {
    const spec = cronSpec('*/15 9-17 * jan-mar mon-fri');
    expect(spec.minutes).toEqual([0, 15, 30, 45]);
    expect(spec.hours).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...spec.months]).toEqual([1, 2, 3]);
    expect([...spec.daysOfWeek].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...cronSpec('0 8 * * 7').daysOfWeek]).toEqual([0]);
    expect(cronSpec('  0   8 * *   1 ').source).toBe('0 8 * * 1');
    expect([...cronSpec('0 8 1,15 * *').daysOfMonth]).toEqual([1, 15]);
    expect([...cronSpec('0 8 * * 1/2').daysOfWeek]).toEqual([1, 3, 5]);
  });

  it('refuses what is not a schedule, saying why in Dutch', () => {
    const cases: Array<[string, string]> = [
      ['0 8 * *', 'een cron-uitdrukking heeft vijf delen (minuut uur dag maand weekdag), niet 4; bijvoorbeeld "0 8 * * 1" voor elke maandag 08:00'],
      ['61 8 * * *', '„61” valt buiten minuut 0–59'],
      ['0 24 * * *', '„24” valt buiten uur 0–23'],
      ['0 8 * * 9', '„9” valt buiten dag van de week 0–7'],
      ['0 8 * * maandag', '„maandag” is geen geldige dag van de week'],
      ['0 8 5-1 * *', '„5-1” valt buiten dag van de maand 1–31'],
      ['0 8 */0 * *', '„*/0” is geen geldige dag van de maand'],
      ['0 8 31 2 *', 'deze dag komt in de gekozen maanden nooit voor'],
      ['@weekly', 'een cron-uitdrukking heeft vijf delen (minuut uur dag maand weekdag), niet 1; bijvoorbeeld "0 8 * * 1" voor elke maandag 08:00'],
    ];
    for (const [expr, text] of cases) {
      const parsed = parseCron(expr);
      expect(parsed.ok, expr).toBe(false);
      if (!parsed.ok) expect(scheduleMsg.cronProblem(parsed.problem)).toBe(text);
    }
  });

  it('every default schedule is valid and described in Dutch', () => {
    const words = Object.fromEntries(
      Object.entries(DEFAULT_SETTINGS.schedules).map(([job, expr]) => [job, scheduleMsg.describe(cronShape(cronSpec(expr)), expr)]),
    );
    expect(words).toEqual({
      weeklyDigest: 'elke maandag 08:00',
      monthlyReport: 'elke maand op de 1e 08:00',
      taskGroupCheckIn: 'elke dinsdag 09:00',
      monitorReminders: 'elke dag 09:00',
      homelessnessAlerts: 'elke dag 07:00',
      eventReminders: 'elke dag 09:30',
      retentionPurge: 'elke dag 03:00',
    });
    expect(scheduleMsg.describe(cronShape(cronSpec('0 8 * * 1-5')), '0 8 * * 1-5')).toBe('elke werkdag (ma–vr) 08:00');
    expect(scheduleMsg.describe(cronShape(cronSpec('0 8 * * 4,1')), '0 8 * * 4,1')).toBe('elke maandag en donderdag 08:00');
    expect(scheduleMsg.describe(cronShape(cronSpec('*/5 8 * * *')), '*/5 8 * * *')).toBe('volgens „*/5 8 * * *”');
  });
});

describe('runs in Europe/Amsterdam, off public holidays', () => {
  it('wall-clock time across daylight saving time', () => {
    expect(iso(amsterdamInstant('2026-01-05', 8, 0))).toBe('2026-01-05T07:00:00.000Z');
    expect(iso(amsterdamInstant('2026-07-06', 8, 0))).toBe('2026-07-06T06:00:00.000Z');
    // 02:30 does not exist on 29 March 2026: it runs at 03:30 summer time.
    expect(iso(amsterdamInstant('2026-03-29', 2, 30))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 exists twice on 25 October 2026: once.
    expect(iso(amsterdamInstant('2026-10-25', 2, 30))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('a Monday schedule on Easter Monday 2027 runs on Tuesday, same time', () => {
    const monday = cronSpec('0 8 * * 1');
    const runs = nextRuns(monday, new Date('2027-03-20T12:00:00Z'), 3).map(local);
    expect(runs).toEqual(['22 maart 2027 08:00', '30 maart 2027 08:00', '5 april 2027 08:00']);
  });

  it('a Tuesday schedule on King’s Day 2027 (Tuesday 27 April) runs on Wednesday', () => {
    expect(local(nextRun(cronSpec('0 9 * * 2'), new Date('2027-04-21T12:00:00Z')))).toBe('28 april 2027 09:00');
  });

  it('Good Friday to Easter Monday move to the Tuesday; a daily run still runs on Saturday', () => {
    const daily = cronSpec('0 7 * * *');
    const runs = nextRuns(daily, new Date('2027-03-25T00:00:00Z'), 4).map(local);
    // Thu 25, Good Friday 26 → Tue 30, Sat 27 runs, Easter 28 and Easter Monday 29 → Tue 30 (one run), Wed 31.
    expect(runs).toEqual(['25 maart 2027 07:00', '27 maart 2027 07:00', '30 maart 2027 07:00', '31 maart 2027 07:00']);
  });

  it('New Year’s Day on a Friday: the monthly report moves to Monday 4 January', () => {
    expect(local(nextRun(cronSpec('0 8 1 * *'), new Date('2026-12-15T00:00:00Z')))).toBe('4 januari 2027 08:00');
  });

  it('lastRun finds the latest due time at or before a moment, holidays applied', () => {
    const monday = cronSpec('0 8 * * 1');
    // On Easter Monday after 08:00, the Monday run has not happened yet: the last due one is a week earlier.
    expect(local(lastRun(monday, new Date('2027-03-29T10:00:00Z')))).toBe('22 maart 2027 08:00');
    expect(local(lastRun(monday, new Date('2027-03-30T06:00:00Z')))).toBe('30 maart 2027 08:00');
    expect(local(lastRun(monday, new Date('2027-03-30T05:59:59Z')))).toBe('22 maart 2027 08:00');
    // A yearly schedule looks back far enough.
    // New Year's Day 2027 is a Friday: the yearly run moves to Monday 4 January.
    expect(local(lastRun(cronSpec('0 8 1 1 *'), new Date('2027-06-01T00:00:00Z')))).toBe('4 januari 2027 08:00');
  });

  it('nextRun is strictly after, lastRun at or before', () => {
    const spec = cronSpec('0 7 * * *');
    const at = new Date('2026-11-23T06:00:00Z'); // 07:00 in Amsterdam
    expect(iso(lastRun(spec, at))).toBe(at.toISOString());
    expect(iso(nextRun(spec, at))).toBe('2026-11-24T06:00:00.000Z');
  });
});
