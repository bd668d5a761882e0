import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateInZone,
  dayNumber,
  fromDayNumber,
  isoWeekday,
  parseCalendarDate,
} from './calendar-date.js';

describe('calendar dates', () => {
  it('know which days exist, leap years included', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2000-02-29')).toBeDefined();
    expect(parseCalendarDate('2100-02-29')).toBeUndefined();
    expect(parseCalendarDate('2023-02-29')).toBeUndefined();
    expect(parseCalendarDate('2026-04-31')).toBeUndefined();
    expect(parseCalendarDate('2026-4-3')).toBeUndefined();
  });

  it('count days through month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
  });

  it('step whole days across daylight-saving changes without drifting', () => {
    // 2026-03-29 and 2026-10-25 are the European clock changes.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
  });

  it('add months, keeping the last day of short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('name ISO weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
  });

  it('round-trip through day numbers for every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2299-12-31') }), (days) => {
        expect(dayNumber(fromDayNumber(days))).toBe(days);
        expect(parseCalendarDate(fromDayNumber(days))).toBeDefined();
      }),
    );
  });

  it('tell the date of an instant where the user is', () => {
    const instant = new Date('2026-11-25T23:30:00Z');
    expect(dateInZone(instant, 'UTC')).toBe('2026-11-25');
    expect(dateInZone(instant, 'Pacific/Auckland')).toBe('2026-11-26');
    expect(dateInZone(instant, 'America/Los_Angeles')).toBe('2026-11-25');
  });
});
