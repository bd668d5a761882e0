import type { Slot } from '../../sync/index.js';

/** One day of free slots, as the day falls in the person's time zone. */
export interface SlotDay {
  /** `2026-12-07`, in the zone the slots are shown in. */
  readonly day: string;
  readonly slots: readonly Slot[];
}

/** The calendar day an instant falls on in `timeZone`, as `YYYY-MM-DD`. */
export function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/**
 * Groups free slots (UTC instants) by the day they fall on in the person's own time zone, so a
 * slot at 23:30Z is on the next day for someone in Berlin; days and slots in time order.
 */
export function slotDays(slots: readonly Slot[], timeZone: string): SlotDay[] {
  const byDay = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = dayIn(slot.start, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  return [...byDay].map(([day, inDay]) => ({ day, slots: inDay }));
}
