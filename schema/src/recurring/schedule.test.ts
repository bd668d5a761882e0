import { describe, expect, it } from 'vitest';
import { dueDates, type Schedule } from './schedule.js';

function schedule(overrides: Partial<Schedule>): Schedule {
  return { frequency: 'monthly', interval: 1, dayOfMonth: null, startDate: '2026-01-15', endDate: null, ...overrides };
}

describe('recurring schedules', () => {
  it('monthly on the 31st falls on the last day of shorter months, and back on the 31st after', () => {
    expect(dueDates(schedule({ dayOfMonth: 31, startDate: '2026-01-01' }), '2026-01-01', '2026-05-31')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
  });

  it('monthly on the 29th of February only in leap years', () => {
    expect(dueDates(schedule({ dayOfMonth: 29, startDate: '2024-01-29' }), '2024-02-01', '2024-03-01')).toEqual([
      '2024-02-29',
    ]);
    expect(dueDates(schedule({ dayOfMonth: 29, startDate: '2025-01-29' }), '2025-02-01', '2025-03-01')).toEqual([
      '2025-02-28',
    ]);
  });

  it('monthly on a day before the start day begins the next month', () => {
    expect(dueDates(schedule({ dayOfMonth: 1, startDate: '2026-01-15' }), '2026-01-01', '2026-03-01')).toEqual([
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('every three months keeps to the start day', () => {
    expect(dueDates(schedule({ interval: 3, startDate: '2026-01-15' }), '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-15',
      '2026-04-15',
      '2026-07-15',
      '2026-10-15',
    ]);
  });

  it('every two weeks keeps its weekday across daylight-saving changes', () => {
    const dates = dueDates(
      schedule({ frequency: 'weekly', interval: 2, startDate: '2026-03-20' }),
      '2026-03-01',
      '2026-11-30',
    );
    expect(dates.slice(0, 3)).toEqual(['2026-03-20', '2026-04-03', '2026-04-17']);
    expect(dates).toContain('2026-10-30');
    expect(new Set(dates.map((date) => new Date(`${date}T12:00:00Z`).getUTCDay()))).toEqual(new Set([5]));
  });

  it('weekly occurrences asked for from the middle of a long schedule still land on its weeks', () => {
    expect(
      dueDates(schedule({ frequency: 'weekly', interval: 2, startDate: '2020-01-03' }), '2026-11-01', '2026-11-30'),
    ).toEqual(['2026-11-13', '2026-11-27']);
  });

  it('yearly on 29 February falls on 28 February in common years', () => {
    expect(dueDates(schedule({ frequency: 'yearly', startDate: '2024-02-29' }), '2024-01-01', '2028-12-31')).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it('the last business day steps back over weekends', () => {
    // 2026-01-31 is a Saturday, 2026-05-31 a Sunday, 2026-08-31 a Monday.
    const dates = dueDates(
      schedule({ frequency: 'last-business-day', startDate: '2026-01-01' }),
      '2026-01-01',
      '2026-08-31',
    );
    expect(dates).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-31',
      '2026-04-30',
      '2026-05-29',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
    ]);
  });

  it('stops at the end date and never starts before the start date', () => {
    expect(dueDates(schedule({ startDate: '2026-01-15', endDate: '2026-03-14' }), '2025-01-01', '2026-12-31')).toEqual([
      '2026-01-15',
      '2026-02-15',
    ]);
    expect(dueDates(schedule({ startDate: '2026-06-15' }), '2026-01-01', '2026-05-31')).toEqual([]);
  });

  it('from a far-off start gives the dates of the asked window without walking every month', () => {
    expect(dueDates(schedule({ startDate: '1950-03-10' }), '2026-11-01', '2026-12-31')).toEqual([
      '2026-11-10',
      '2026-12-10',
    ]);
  });
});
