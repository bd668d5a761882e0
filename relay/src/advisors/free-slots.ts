import type { Availability, LocalHours } from '../storage/advisors/advisors.js';
import { addDays, isoWeekday, localDate, zonedInstant } from './zoned-time.js';

/** The longest range of free slots one request may ask for (D2). */
export const maxSlotRangeDays = 62;

export interface Slot {
  readonly start: number;
  readonly end: number;
}

export interface SlotQuery {
  readonly availability: Availability;
  readonly timeZone: string;
  readonly sessionMinutes: number;
  /** Slots that start in [from, to). */
  readonly from: number;
  readonly to: number;
  /** No slot starts before this: the present. */
  readonly notBefore: number;
  /** Sessions already holding their time: a slot overlapping one is not free. */
  readonly held: readonly Slot[];
}

/** Minutes after midnight of `HH:MM` (`24:00` is the day's end). */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The advisor's free slots (D2): on each date of their zone, that date's exception hours or else
 * its weekday's hours, cut into sessions from the start of each span, turned into UTC instants by
 * the zone's rules on that date, less any that overlap a held session or start in the past.
 */
export function freeSlots(query: SlotQuery): Slot[] {
  const { availability, timeZone, sessionMinutes } = query;
  const slots: Slot[] = [];
  // A wall time skipped by a change to summer time reads as the hour after it: one instant, one slot.
  const starts = new Set<number>();
  const last = localDate(query.to, timeZone);
  for (let date = localDate(query.from, timeZone); date <= last; date = addDays(date, 1)) {
    for (const hours of hoursOn(availability, date)) {
      const end = minutesOf(hours.end);
      for (let minute = minutesOf(hours.start); minute + sessionMinutes <= end; minute += sessionMinutes) {
        const start = zonedInstant(date, minute, timeZone);
        const slot = { start, end: start + sessionMinutes * 60_000 };
        if (start < query.from || start >= query.to || start < query.notBefore || starts.has(start)) continue;
        if (query.held.some((held) => held.start < slot.end && slot.start < held.end)) continue;
        starts.add(start);
        slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

function hoursOn(availability: Availability, date: string): readonly LocalHours[] {
  const exception = availability.exceptions.find((candidate) => candidate.date === date);
  if (exception !== undefined) return exception.hours;
  const weekday = isoWeekday(date);
  return availability.weekly.filter((hours) => hours.weekday === weekday);
}
