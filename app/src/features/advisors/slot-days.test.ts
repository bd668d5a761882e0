import { expect, test } from 'vitest';
import { slotDays } from './slot-days.js';

test('slots are grouped by the day they fall on in the person’s own time zone', () => {
  const slots = [
    { start: '2026-12-07T23:30:00.000Z', end: '2026-12-08T00:30:00.000Z' },
    { start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T09:00:00.000Z' },
  ];
  expect(slotDays(slots, 'Europe/Berlin').map((day) => [day.day, day.slots.length])).toEqual([
    ['2026-12-07', 1],
    ['2026-12-08', 1],
  ]);
  expect(slotDays(slots, 'America/New_York').map((day) => [day.day, day.slots.length])).toEqual([['2026-12-07', 2]]);
});
