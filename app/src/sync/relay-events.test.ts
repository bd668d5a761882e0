import { expect, test } from 'vitest';
import { eventOf } from './relay-events.js';

test('a frame of the relay reads as an event; anything else is left out rather than trusted', () => {
  expect(eventOf('{"type":"booking.updated","seq":7,"data":{"booking":{"id":"b1"}}}')).toEqual({
    type: 'booking.updated',
    seq: 7,
    data: { booking: { id: 'b1' } },
  });
  expect(eventOf('{"type":"events.synced","seq":0}')).toEqual({ type: 'events.synced', seq: 0, data: {} });
  expect(eventOf('not json')).toBeUndefined();
  expect(eventOf('{"type":"booking.updated","seq":"7"}')).toBeUndefined();
  expect(eventOf('{"type":"booking.updated","seq":1.5}')).toBeUndefined();
  expect(eventOf(new ArrayBuffer(4))).toBeUndefined();
});
