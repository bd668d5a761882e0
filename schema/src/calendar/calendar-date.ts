/**
 * Calendar days as `YYYY-MM-DD` strings (SPEC REC3). All arithmetic is on day numbers, never on
 * instants, so time zones and daylight-saving changes cannot move a date.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLIS_PER_DAY = 86_400_000;

export interface CalendarParts {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a valid calendar date, or undefined for anything else (`2023-02-29` included). */
export function parseCalendarDate(text: string): CalendarParts | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month))
    return undefined;
  return parts;
}

export function formatCalendarDate({ year, month, day }: CalendarParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function partsOf(date: string): CalendarParts {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`"${date}" is not a calendar date`);
  return parts;
}

/** Days since 1970-01-01. */
export function dayNumber(date: string): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MILLIS_PER_DAY;
}

export function fromDayNumber(days: number): string {
  const instant = new Date(days * MILLIS_PER_DAY);
  return formatCalendarDate({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same day `months` later; a day the target month lacks becomes its last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatCalendarDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The calendar date of an instant in a time zone (default: the device's). */
export function dateInZone(instant: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const value = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  return formatCalendarDate({ year: value('year'), month: value('month'), day: value('day') });
}

/** Months since year 0 of a date or a month (`YYYY-MM-DD` or `YYYY-MM`), for counting months apart. */
export function monthIndex(dateOrMonth: string): number {
  return Number(dateOrMonth.slice(0, 4)) * 12 + Number(dateOrMonth.slice(5, 7)) - 1;
}
