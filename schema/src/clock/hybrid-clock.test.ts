import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockError, HybridClock } from './hybrid-clock.js';
import { compareTimestamps, MAX_COUNTER, type Timestamp } from './timestamp.js';

function manualClock(start: number): { now: () => number; set: (value: number) => void } {
  let value = start;
  return { now: () => value, set: (next) => (value = next) };
}

const wallReadings = fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 200 });

describe('HybridClock', () => {
  it('[LWW2] never issues a timestamp earlier than one it issued before, whatever the wall clock does', () => {
    fc.assert(
      fc.property(wallReadings, (readings) => {
        const wall = manualClock(0);
        const clock = new HybridClock({ node: 'a', now: wall.now });
        let previous: Timestamp | undefined;
        for (const reading of readings) {
          wall.set(reading);
          const next = clock.tick();
          if (previous) expect(compareTimestamps(previous, next)).toBe(-1);
          previous = next;
        }
      }),
    );
  });

  it('[LWW2] a write made after receiving a timestamp orders after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: MAX_COUNTER }),
        (localWall, remoteMillis, remoteCounter) => {
          const clock = new HybridClock({ node: 'b', now: () => localWall, maxDriftMs: 2_000_000 });
          const remote = { millis: remoteMillis, counter: remoteCounter, node: 'a' };
          clock.receive(remote);
          expect(compareTimestamps(clock.tick(), remote)).toBe(1);
        },
      ),
    );
  });

  it('follows the wall clock when it moves forward', () => {
    const wall = manualClock(1_000);
    const clock = new HybridClock({ node: 'a', now: wall.now });
    expect(clock.tick()).toEqual({ millis: 1_000, counter: 0, node: 'a' });
    expect(clock.tick()).toEqual({ millis: 1_000, counter: 1, node: 'a' });
    wall.set(2_000);
    expect(clock.tick()).toEqual({ millis: 2_000, counter: 0, node: 'a' });
  });

  it('keeps its time when the wall clock steps back, counting on instead', () => {
    const wall = manualClock(5_000);
    const clock = new HybridClock({ node: 'a', now: wall.now });
    clock.tick();
    wall.set(1_000);
    expect(clock.tick()).toEqual({ millis: 5_000, counter: 1, node: 'a' });
  });

  it('moves to the next logical millisecond when the counter overflows', () => {
    const clock = new HybridClock({ node: 'a', now: () => 7 });
    let last = clock.tick();
    for (let i = 0; i < MAX_COUNTER; i += 1) last = clock.tick();
    expect(last).toEqual({ millis: 7, counter: MAX_COUNTER, node: 'a' });
    const next = clock.tick();
    expect(next).toEqual({ millis: 8, counter: 0, node: 'a' });
    expect(compareTimestamps(last, next)).toBe(-1);
  });

  it('moves to the next logical millisecond when a received counter is already at its maximum', () => {
    const clock = new HybridClock({ node: 'b', now: () => 7 });
    clock.receive({ millis: 7, counter: MAX_COUNTER, node: 'a' });
    expect(clock.latest).toEqual({ millis: 8, counter: 0, node: 'b' });
  });

  it('[LWW7] is not dragged forward by a timestamp far ahead of its wall clock, and counts it', () => {
    const seen: number[] = [];
    const wall = 1_000_000;
    const clock = new HybridClock({
      node: 'b',
      now: () => wall,
      maxDriftMs: 60_000,
      onFarFuture: (event) => seen.push(event.timestamp.millis),
    });
    const farAhead = { millis: wall + 60_001, counter: 0, node: 'a' };
    clock.receive(farAhead);
    expect(clock.tick().millis).toBe(wall);
    expect(clock.farFutureCount).toBe(1);
    expect(seen).toEqual([farAhead.millis]);
    expect(compareTimestamps(farAhead, clock.latest)).toBe(1);
  });

  it('[LWW7] follows a timestamp that is ahead but within the allowed drift', () => {
    const clock = new HybridClock({ node: 'b', now: () => 1_000, maxDriftMs: 60_000 });
    clock.receive({ millis: 61_000, counter: 3, node: 'a' });
    expect(clock.tick()).toEqual({ millis: 61_000, counter: 5, node: 'b' });
    expect(clock.farFutureCount).toBe(0);
  });

  it('refuses a node id that cannot be stored compactly', () => {
    expect(() => new HybridClock({ node: 'Not valid!' })).toThrow(ClockError);
    expect(() => new HybridClock({ node: '' })).toThrow(/node id/);
  });

  it('refuses a wall clock that is not a usable time', () => {
    const clock = new HybridClock({ node: 'a', now: () => Number.NaN });
    expect(() => clock.tick()).toThrow(/not a usable time/);
  });

  it('refuses to receive a malformed timestamp', () => {
    const clock = new HybridClock({ node: 'a', now: () => 1 });
    expect(() => clock.receive({ millis: -1, counter: 0, node: 'b' })).toThrow(ClockError);
    expect(() => clock.receive({ millis: 1, counter: MAX_COUNTER + 1, node: 'b' })).toThrow(ClockError);
  });
});
