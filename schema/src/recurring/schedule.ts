import {
  addDays,
  addMonths,
  dayNumber,
  daysInMonth,
  formatCalendarDate,
  isoWeekday,
  monthIndex,
  parseCalendarDate,
} from '../calendar/index.js';

export const FREQUENCIES = ['monthly', 'weekly', 'yearly', 'last-business-day'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** When a recurring transaction falls due. */
export interface Schedule {
  readonly frequency: Frequency;
  /** Every `interval` months, weeks or years (1 = every one). */
  readonly interval: number;
  /** Monthly only: the day of the month, 1–31; a month without that day uses its last day. Null: the start date's day. */
  readonly dayOfMonth: number | null;
  readonly startDate: string;
  /** The last day an occurrence may fall on, or null for no end. */
  readonly endDate: string | null;
}

/** Guards against a schedule asked for centuries of dates. */
const MAX_OCCURRENCES = 10_000;

function lastBusinessDay(year: number, month: number): string {
  let day = daysInMonth(year, month);
  let date = formatCalendarDate({ year, month, day });
  while (isoWeekday(date) > 5) {
    day -= 1;
    date = formatCalendarDate({ year, month, day });
  }
  return date;
}

/** The n-th due date of a schedule counted from its start month (n = 0 is the start month). */
function monthlyDate(schedule: Schedule, n: number): string {
  const months = schedule.frequency === 'yearly' ? 12 * schedule.interval * n : schedule.interval * n;
  const month = addMonths(`${schedule.startDate.slice(0, 8)}01`, months);
  const parts = parseCalendarDate(month);
  if (!parts) throw new RangeError(`no month ${month}`);
  if (schedule.frequency === 'last-business-day') return lastBusinessDay(parts.year, parts.month);
  const startDay = Number(schedule.startDate.slice(8, 10));
  const wanted = (schedule.frequency === 'monthly' ? schedule.dayOfMonth : null) ?? startDay;
  return formatCalendarDate({ ...parts, day: Math.min(wanted, daysInMonth(parts.year, parts.month)) });
}

/** Every due date of the schedule from `from` to `to`, both included, in order. */
export function dueDates(schedule: Schedule, from: string, to: string): string[] {
  const first = from > schedule.startDate ? from : schedule.startDate;
  const last = schedule.endDate !== null && schedule.endDate < to ? schedule.endDate : to;
  if (first > last) return [];
  const dates: string[] = [];
  if (schedule.frequency === 'weekly') {
    const step = 7 * schedule.interval;
    const skipped = Math.max(0, Math.ceil((dayNumber(first) - dayNumber(schedule.startDate)) / step));
    for (
      let date = addDays(schedule.startDate, skipped * step);
      date <= last && dates.length < MAX_OCCURRENCES;
      date = addDays(date, step)
    ) {
      dates.push(date);
    }
    return dates;
  }
  const monthsPerStep = schedule.frequency === 'yearly' ? 12 * schedule.interval : schedule.interval;
  // Start one step before the month of `first`, so a long-running schedule is not walked from its start.
  const monthsToFirst = monthIndex(first) - monthIndex(schedule.startDate);
  for (let n = Math.max(0, Math.floor(monthsToFirst / monthsPerStep) - 1); dates.length < MAX_OCCURRENCES; n += 1) {
    const date = monthlyDate(schedule, n);
    if (date > last) break;
    if (date >= first) dates.push(date);
  }
  return dates;
}
