import { describe, expect, it } from 'vitest';
import { freeSlots, type SlotQuery } from './free-slots.js';

const day = 86_400_000;
const mornings: SlotQuery['availability'] = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })),
  exceptions: [],
};

function slotsOn(date: string, overrides: Partial<SlotQuery> = {}): string[] {
  const from = Date.parse(`${date}T00:00:00Z`);
  return freeSlots({
    availability: mornings,
    timeZone: 'Europe/Berlin',
    sessionMinutes: 60,
    from,
    to: from + day,
    notBefore: 0,
    held: [],
    ...overrides,
  }).map((slot) => new Date(slot.start).toISOString());
}

describe('[D2] free slots from weekly hours in the advisor’s zone', () => {
  it('a weekly 09:00–12:00 in Berlin starts at 08:00Z in winter', () => {
    expect(slotsOn('2026-01-06')).toEqual([
      '2026-01-06T08:00:00.000Z',
      '2026-01-06T09:00:00.000Z',
      '2026-01-06T10:00:00.000Z',
    ]);
  });

  it('and at 07:00Z in summer: 09:00 stays 09:00 local', () => {
    expect(slotsOn('2026-07-07')).toEqual([
      '2026-07-07T07:00:00.000Z',
      '2026-07-07T08:00:00.000Z',
      '2026-07-07T09:00:00.000Z',
    ]);
  });

  it('across the change to summer time, the Monday after keeps 09:00 local', () => {
    const from = Date.parse('2026-03-27T00:00:00Z');
    const starts = freeSlots({
      availability: mornings,
      timeZone: 'Europe/Berlin',
      sessionMinutes: 180,
      from,
      to: from + 4 * day,
      notBefore: 0,
      held: [],
    }).map((slot) => new Date(slot.start).toISOString());
    expect(starts).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('on the night clocks skip an hour, a session is offered once: the skipped hour gives no slot of its own', () => {
    // Sunday 29 March 2026 in Berlin: 02:00 CET jumps to 03:00 CEST (01:00Z).
    const night = { weekly: [{ weekday: 7, start: '01:00', end: '04:00' }], exceptions: [] };
    const starts = slotsOn('2026-03-29', { availability: night, sessionMinutes: 30 });
    expect(starts).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });

  it('an exception with no hours is a day off; one with hours replaces the day’s', () => {
    const availability = {
      ...mornings,
      exceptions: [
        { date: '2026-01-06', hours: [] },
        { date: '2026-01-10', hours: [{ start: '14:00', end: '15:00' }] },
      ],
    };
    expect(slotsOn('2026-01-06', { availability })).toEqual([]);
    expect(slotsOn('2026-01-10', { availability })).toEqual(['2026-01-10T13:00:00.000Z']);
    expect(slotsOn('2026-01-10')).toEqual([]);
  });

  it('a held session removes the slots it overlaps, and none is offered in the past', () => {
    const nine = Date.parse('2026-01-06T08:00:00Z');
    expect(slotsOn('2026-01-06', { held: [{ start: nine + 30 * 60_000, end: nine + 90 * 60_000 }] })).toEqual([
      '2026-01-06T10:00:00.000Z',
    ]);
    expect(slotsOn('2026-01-06', { notBefore: nine + 1 })).toEqual([
      '2026-01-06T09:00:00.000Z',
      '2026-01-06T10:00:00.000Z',
    ]);
  });

  it('in a zone west of UTC, an evening span crosses midnight UTC and stays on its own local date', () => {
    const evenings = { weekly: [{ weekday: 2, start: '18:00', end: '20:00' }], exceptions: [] };
    const from = Date.parse('2026-01-06T00:00:00Z');
    const starts = freeSlots({
      availability: evenings,
      timeZone: 'America/Bogota',
      sessionMinutes: 60,
      from,
      to: from + 2 * day,
      notBefore: 0,
      held: [],
    }).map((slot) => new Date(slot.start).toISOString());
    expect(starts).toEqual(['2026-01-06T23:00:00.000Z', '2026-01-07T00:00:00.000Z']);
  });
});
