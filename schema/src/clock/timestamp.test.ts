import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTimestamps, MAX_COUNTER, parseTimestamp, serializeTimestamp, type Timestamp } from './timestamp.js';

const timestamps: fc.Arbitrary<Timestamp> = fc.record({
  millis: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  node: fc.stringMatching(/^[0-9a-z]{1,16}$/),
});

describe('timestamps', () => {
  it('[LWW1] are totally ordered: antisymmetric, transitive, equal only when identical', () => {
    fc.assert(
      fc.property(timestamps, timestamps, timestamps, (a, b, c) => {
        expect(compareTimestamps(a, b)).toBe(-compareTimestamps(b, a) || 0);
        if (compareTimestamps(a, b) <= 0 && compareTimestamps(b, c) <= 0) {
          expect(compareTimestamps(a, c)).toBeLessThanOrEqual(0);
        }
        expect(compareTimestamps(a, b) === 0).toBe(
          a.millis === b.millis && a.counter === b.counter && a.node === b.node,
        );
      }),
    );
  });

  it('[LWW1] break ties on equal time and counter by node id', () => {
    expect(compareTimestamps({ millis: 5, counter: 1, node: 'a' }, { millis: 5, counter: 1, node: 'b' })).toBe(-1);
  });

  it('survive a round trip through their compact text form', () => {
    fc.assert(
      fc.property(timestamps, (timestamp) => {
        expect(parseTimestamp(serializeTimestamp(timestamp))).toEqual(timestamp);
        expect(parseTimestamp(serializeTimestamp(timestamp, true), timestamp.node)).toEqual(timestamp);
      }),
    );
  });

  it('are stored in about twenty characters', () => {
    const text = serializeTimestamp({ millis: Date.UTC(2026, 10, 25), counter: 12, node: 'k3j9x2m1q8' });
    expect(text).toBe('mwvcx6o0.c.k3j9x2m1q8');
  });

  it('refuse malformed text instead of guessing', () => {
    for (const bad of ['', 'abc', '1.2.3.4', '-1.0.a', '1.0.A', '1.zzzzzzzzzzzz.a', '1.0', 'zzzzzzzzzzz.0.a']) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
  });
});
