import { describe, expect, it } from 'vitest';
import { weekdayOf, withExtraHours } from './dated-hours.js';

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));

describe('extra hours on a date', () => {
  it('knows a date’s weekday', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-13')).toBe(7);
  });

  it('adds hours to a working day, keeping its weekly hours, and joins hours that overlap', () => {
    const first = withExtraHours([], weekdays, '2026-12-07', { start: '18:00', end: '20:00' });
    expect(first).toEqual([
      {
        date: '2026-12-07',
        hours: [
          { start: '09:00', end: '12:00' },
          { start: '18:00', end: '20:00' },
        ],
      },
    ]);
    const again = withExtraHours(first ?? [], weekdays, '2026-12-07', { start: '11:00', end: '13:00' });
    expect(again?.[0]?.hours).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '18:00', end: '20:00' },
    ]);
  });

  it('gives a weekend or a day off only the hours added, and keeps the dates in order', () => {
    const dayOff = [{ date: '2026-12-08', hours: [] }];
    const added = withExtraHours(dayOff, weekdays, '2026-12-08', { start: '14:00', end: '15:00' });
    const weekend = withExtraHours(added ?? [], weekdays, '2026-12-05', { start: '10:00', end: '11:00' });
    expect(weekend).toEqual([
      { date: '2026-12-05', hours: [{ start: '10:00', end: '11:00' }] },
      { date: '2026-12-08', hours: [{ start: '14:00', end: '15:00' }] },
    ]);
  });

  it('refuses an eleventh span on one date, as the relay would', () => {
    let exceptions = withExtraHours([], [], '2026-12-05', { start: '00:00', end: '00:30' }) ?? [];
    for (let hour = 1; hour < 10; hour++) {
      const at = String(hour).padStart(2, '0');
      exceptions = withExtraHours(exceptions, [], '2026-12-05', { start: `${at}:00`, end: `${at}:30` }) ?? [];
    }
    expect(exceptions[0]?.hours).toHaveLength(10);
    expect(withExtraHours(exceptions, [], '2026-12-05', { start: '20:00', end: '21:00' })).toBeUndefined();
  });
});
