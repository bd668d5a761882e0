import type { Schedule } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import { textOf } from '../../i18n/index.js';
import { recurringMessages } from './messages.js';
import { describeSchedule, formatDueDate } from './schedule-words.js';

const english = textOf(recurringMessages, 'en', 'en-US');
const spanish = textOf(recurringMessages, 'es', 'es-ES');
const german = textOf(recurringMessages, 'de', 'de-DE');

function schedule(patch: Partial<Schedule>): Schedule {
  return { frequency: 'monthly', interval: 1, dayOfMonth: null, startDate: '2026-03-05', endDate: null, ...patch };
}

describe('a schedule in words', () => {
  test('monthly names the day of the month, from the start date when no day is set', () => {
    expect(describeSchedule(schedule({}), english)).toBe('Monthly on day 5');
    expect(describeSchedule(schedule({ dayOfMonth: 15, interval: 3 }), english)).toBe('Every 3 months on day 15');
  });

  test('[RCR1] a day some months lack says that shorter months use their last day', () => {
    expect(describeSchedule(schedule({ dayOfMonth: 31 }), english)).toBe(
      'Monthly on day 31, or the last day of shorter months',
    );
    expect(describeSchedule(schedule({ startDate: '2026-01-29' }), english)).toBe(
      'Monthly on day 29, or the last day of shorter months',
    );
    expect(describeSchedule(schedule({ dayOfMonth: 28 }), english)).toBe('Monthly on day 28');
  });

  test('weekly names the weekday of the start date', () => {
    // 5 March 2026 is a Thursday.
    expect(describeSchedule(schedule({ frequency: 'weekly' }), english)).toBe('Weekly on Thursday');
    expect(describeSchedule(schedule({ frequency: 'weekly', interval: 2 }), english)).toBe('Every 2 weeks on Thursday');
  });

  test('[RCR1] yearly names the day, and a 29 February start says where common years put it', () => {
    expect(describeSchedule(schedule({ frequency: 'yearly' }), english)).toBe('Yearly on March 5');
    expect(describeSchedule(schedule({ frequency: 'yearly', interval: 2 }), english)).toBe('Every 2 years on March 5');
    expect(describeSchedule(schedule({ frequency: 'yearly', startDate: '2028-02-29' }), english)).toBe(
      'Yearly on February 29; February 28 in other years',
    );
  });

  test('last business day of the month, every month or every few', () => {
    expect(describeSchedule(schedule({ frequency: 'last-business-day' }), english)).toBe(
      'Last business day of every month',
    );
    expect(describeSchedule(schedule({ frequency: 'last-business-day', interval: 3 }), english)).toBe(
      'Last business day of every 3 months',
    );
  });

  test('an end date is named', () => {
    expect(describeSchedule(schedule({ endDate: '2027-12-31' }), english)).toBe('Monthly on day 5, until Dec 31, 2027');
  });

  test('Spanish and German read naturally, with weekdays and months in their language', () => {
    expect(describeSchedule(schedule({ frequency: 'weekly', interval: 2 }), spanish)).toBe('Cada 2 semanas, el jueves');
    expect(describeSchedule(schedule({ frequency: 'yearly' }), spanish)).toBe('Cada año, el 5 de marzo');
    expect(describeSchedule(schedule({ dayOfMonth: 31 }), german)).toBe(
      'Monatlich am 31., in kürzeren Monaten am letzten Tag',
    );
    expect(describeSchedule(schedule({ frequency: 'weekly' }), german)).toBe('Wöchentlich am Donnerstag');
    expect(describeSchedule(schedule({ frequency: 'yearly', startDate: '2028-02-29' }), german)).toBe(
      'Jährlich am 29. Februar; in den übrigen Jahren am 28. Februar',
    );
  });

  test('a due date keeps its calendar day in any time zone', () => {
    expect(formatDueDate('2026-03-01', 'en-US')).toBe('Sun, Mar 1, 2026');
  });
});
