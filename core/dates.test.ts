import { describe, expect, it } from 'vitest';
import {
  addDays,
  amsterdamDay,
  daysBetween,
  dutchHolidays,
  easterSunday,
  formatDate,
  formatDateTime,
  isCalendarDate,
  isDutchHoliday,
  isWorkingDay,
  nextWorkingDay,
  nthWeekdayOfMonth,
  periodOf,
  weekday,
} from './dates.js';

describe('formatDate (d MMMM yyyy, Dutch, Europe/Amsterdam)', () => {
  it('formats an instant in Amsterdam, not in UTC', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam (CET, UTC+1).
    expect(formatDate('2026-03-01T23:30:00Z')).toBe('2 maart 2026');
    expect(formatDate(new Date('2026-03-01T23:30:00Z'))).toBe('2 maart 2026');
    expect(formatDate('2026-03-01T22:30:00Z')).toBe('1 maart 2026');
  });

  it('follows summer time (CEST, UTC+2)', () => {
    expect(formatDate('2026-07-14T22:30:00Z')).toBe('15 juli 2026');
    expect(formatDate('2026-07-14T21:30:00Z')).toBe('14 juli 2026');
  });

  it('formats a calendar date as that very day, without any zone shift', () => {
    expect(formatDate('2026-11-22')).toBe('22 november 2026');
    expect(formatDate('2027-01-01')).toBe('1 januari 2027');
    expect(formatDate('2026-12-31')).toBe('31 december 2026');
  });

  it('uses Dutch month names for every month', () => {
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    months.forEach((name, i) => {
      expect(formatDate(`2026-${String(i + 1).padStart(2, '0')}-15`)).toBe(`15 ${name} 2026`);
    });
  });

  it('formatDateTime adds the Amsterdam wall-clock time', () => {
    expect(formatDateTime('2026-11-22T13:05:00Z')).toBe('22 november 2026 14:05');
  });
});

describe('amsterdamDay', () => {
  it('gives the calendar day in Amsterdam', () => {
    expect(amsterdamDay('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(amsterdamDay('2026-12-31T22:59:59Z')).toBe('2026-12-31');
    expect(amsterdamDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});

describe('day arithmetic', () => {
  it('daysBetween counts whole calendar days, negative backwards', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the DST change
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
  });

  it('addDays crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('weekday: 0 is Sunday', () => {
    expect(weekday('2025-04-27')).toBe(0);
    expect(weekday('2026-03-02')).toBe(1);
    expect(weekday('2026-03-07')).toBe(6);
  });

  it('isCalendarDate accepts real dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('1-3-2026')).toBe(false);
  });

  it('nthWeekdayOfMonth', () => {
    expect(nthWeekdayOfMonth(2026, 4, 4, 2)).toBe('2026-04-09'); // 2nd Thursday of April 2026
    expect(nthWeekdayOfMonth(2026, 3, 2, 2)).toBe('2026-03-10'); // 2nd Tuesday of March 2026
    expect(nthWeekdayOfMonth(2026, 5, 4, 3)).toBe('2026-05-21'); // 3rd Thursday of May 2026
    expect(nthWeekdayOfMonth(2026, 10, 4, 1)).toBe('2026-10-01'); // month starting on that weekday
  });

  it('periodOf gives the half year', () => {
    expect(periodOf('2026-06-30')).toBe('2026-H1');
    expect(periodOf('2026-07-01')).toBe('2026-H2');
    expect(periodOf('2026-01-01')).toBe('2026-H1');
  });
});

describe('Easter and Dutch public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2034, '2034-04-09'],
  ])('Easter Sunday %i is %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });

  it('holidays of 2026 with their Dutch names', () => {
    const h = dutchHolidays(2026);
    expect(h.get('2026-01-01')).toBe('Nieuwjaarsdag');
    expect(h.get('2026-04-03')).toBe('Goede Vrijdag');
    expect(h.get('2026-04-05')).toBe('Eerste paasdag');
    expect(h.get('2026-04-06')).toBe('Tweede paasdag');
    expect(h.get('2026-04-27')).toBe('Koningsdag');
    expect(h.get('2026-05-05')).toBe('Bevrijdingsdag');
    expect(h.get('2026-05-14')).toBe('Hemelvaartsdag');
    expect(h.get('2026-05-24')).toBe('Eerste pinksterdag');
    expect(h.get('2026-05-25')).toBe('Tweede pinksterdag');
    expect(h.get('2026-12-25')).toBe('Eerste kerstdag');
    expect(h.get('2026-12-26')).toBe('Tweede kerstdag');
    expect(h.size).toBe(11);
  });

  it('Koningsdag moves to 26 April when 27 April is a Sunday (2025)', () => {
    expect(weekday('2025-04-27')).toBe(0);
    expect(dutchHolidays(2025).get('2025-04-26')).toBe('Koningsdag');
    expect(dutchHolidays(2025).has('2025-04-27')).toBe(false);
    expect(isDutchHoliday('2025-04-26')).toBe(true);
    expect(isDutchHoliday('2025-04-27')).toBe(false);
  });

  it('Koningsdag stays on 27 April otherwise (2027, a Tuesday)', () => {
    expect(dutchHolidays(2027).get('2027-04-27')).toBe('Koningsdag');
  });

  it('Ascension and Pentecost of 2027 follow an early Easter', () => {
    expect(isDutchHoliday('2027-05-06')).toBe(true); // Hemelvaartsdag
    expect(isDutchHoliday('2027-05-17')).toBe(true); // Tweede pinksterdag
    expect(isDutchHoliday('2027-05-13')).toBe(false);
  });
});

describe('working days', () => {
  it('weekends and holidays are not working days', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Tweede paasdag
    expect(isWorkingDay('2026-05-14')).toBe(false); // Hemelvaartsdag
  });

  it('nextWorkingDay returns the day itself when it is a working day', () => {
    expect(nextWorkingDay('2026-03-04')).toBe('2026-03-04');
  });

  it('nextWorkingDay skips weekends and holidays', () => {
    expect(nextWorkingDay('2026-03-07')).toBe('2026-03-09'); // Saturday → Monday
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07'); // Goede Vrijdag, weekend, Tweede paasdag → Tuesday
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-28'); // Christmas, Boxing Day (Saturday), Sunday
    expect(nextWorkingDay('2034-05-18')).toBe('2034-05-19'); // Hemelvaartsdag → Friday
    expect(nextWorkingDay('2025-04-26')).toBe('2025-04-28'); // Koningsdag on Saturday, then Sunday
    expect(nextWorkingDay('2026-12-31')).toBe('2026-12-31');
    expect(nextWorkingDay('2027-01-01')).toBe('2027-01-04'); // Nieuwjaarsdag (Friday) → Monday
  });
});
