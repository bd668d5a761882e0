import { parseCalendarDate, type Schedule } from '@tally/schema';
import type { Text } from '../../i18n/index.js';
import type { RecurringKey } from './messages.js';

/** A calendar day as a UTC instant, so formatting it never shifts it by a time zone. */
function instantOf(date: string): Date | undefined {
  const parts = parseCalendarDate(date);
  return parts && new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
}

function formatted(date: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const instant = instantOf(date);
  return instant ? instant.toLocaleDateString(locale, { ...options, timeZone: 'UTC' }) : date;
}

/**
 * A schedule in words, as RCR1 defines it: "Monthly on day 31, or the last day of shorter months",
 * "Every 2 weeks on Friday", "Yearly on February 29; February 28 in other years", "Last business
 * day of every month, until Dec 31, 2027".
 */
export function describeSchedule(schedule: Schedule, text: Text<RecurringKey>): string {
  const { locale } = text;
  const start = parseCalendarDate(schedule.startDate);
  let words: string;
  switch (schedule.frequency) {
    case 'monthly': {
      const day = schedule.dayOfMonth ?? start?.day ?? 1;
      words = text.count('schedule.monthly', schedule.interval, { day });
      // A month without that day uses its last day (RCR1).
      if (day > 28) words = text('schedule.orLastDay', { schedule: words });
      break;
    }
    case 'weekly':
      words = text.count('schedule.weekly', schedule.interval, {
        weekday: formatted(schedule.startDate, locale, { weekday: 'long' }),
      });
      break;
    case 'yearly':
      words = text.count('schedule.yearly', schedule.interval, {
        date: formatted(schedule.startDate, locale, { month: 'long', day: 'numeric' }),
      });
      if (start?.month === 2 && start.day === 29) {
        words = text('schedule.leapDay', {
          schedule: words,
          date: formatted(`${schedule.startDate.slice(0, 4)}-02-28`, locale, { month: 'long', day: 'numeric' }),
        });
      }
      break;
    case 'last-business-day':
      words = text.count('schedule.lastBusinessDay', schedule.interval);
      break;
  }
  return schedule.endDate === null
    ? words
    : text('schedule.until', {
        schedule: words,
        date: formatted(schedule.endDate, locale, { day: 'numeric', month: 'short', year: 'numeric' }),
      });
}

/** A day as the lists show it: "Mon, Mar 2, 2026". */
export function formatDueDate(date: string, locale: string): string {
  return formatted(date, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
