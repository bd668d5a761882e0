import type { AvailabilityException, DayHours, WeeklyHours } from '../../sync/index.js';

/** The most spans one date may hold (the relay's limit). */
export const MOST_SPANS_A_DAY = 10;

/** The ISO weekday (1 Monday … 7 Sunday) of a calendar date `YYYY-MM-DD`. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** Spans in order of their start, those that overlap or touch joined into one. */
function joined(spans: readonly DayHours[]): DayHours[] {
  const ordered = [...spans].sort((a, b) => a.start.localeCompare(b.start));
  const out: DayHours[] = [];
  for (const span of ordered) {
    const last = out.at(-1);
    if (last !== undefined && span.start <= last.end) {
      out[out.length - 1] = { start: last.start, end: span.end.localeCompare(last.end) > 0 ? span.end : last.end };
    } else out.push(span);
  }
  return out;
}

/**
 * The exceptions once `span` is added to `date` as extra hours. A dated exception replaces that
 * day's weekly hours (relay SPEC D2), so the first extra hours on a working day carry its weekly
 * hours with them and the day keeps them; a day off given extra hours has just those. `undefined`
 * when the date would hold more spans than the relay takes.
 */
export function withExtraHours(
  exceptions: readonly AvailabilityException[],
  weekly: readonly WeeklyHours[],
  date: string,
  span: DayHours,
): AvailabilityException[] | undefined {
  const known = exceptions.find((exception) => exception.date === date);
  const before = known?.hours ?? weekly.filter((hours) => hours.weekday === weekdayOf(date));
  const hours = joined([...before.map(({ start, end }) => ({ start, end })), span]);
  if (hours.length > MOST_SPANS_A_DAY) return undefined;
  return [...exceptions.filter((exception) => exception.date !== date), { date, hours }].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}
