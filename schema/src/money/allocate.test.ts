import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { MoneyError } from './money-error.js';

// Fixed so a failure reproduces; fast-check prints the seed and path of any counterexample.
const seed = 20261125;

const amounts = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
);
const weightLists = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 50 });

describe('dividing an amount in proportion to weights', () => {
  it('[SHR2] 10.00 in three equal parts is 3.34, 3.33, 3.33: the cent that does not divide goes to the first listed', () => {
    expect(allocate(1_000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(allocate(1_001, [1, 1, 1])).toEqual([334, 334, 333]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('[SHR2] money out divides like money in, with the sign of the amount', () => {
    expect(allocate(-1_000, [1, 1, 1])).toEqual([-334, -333, -333]);
    expect(allocate(-6_000, [1, 1])).toEqual([-3_000, -3_000]);
  });

  it('[SHR2] leftover minor units go to the largest remainders first, not simply to the first listed', () => {
    // 100 by 1:2:2 is 20, 40, 40 exactly; 101 is 20.2, 40.4, 40.4 — the extra unit to the second.
    expect(allocate(100, [1, 2, 2])).toEqual([20, 40, 40]);
    expect(allocate(101, [1, 2, 2])).toEqual([20, 41, 40]);
    // 10 by 3:1 is 7.5 and 2.5: equal remainders, so the first listed.
    expect(allocate(10, [3, 1])).toEqual([8, 2]);
    expect(allocate(10, [1, 3])).toEqual([3, 7]);
  });

  it('[SHR2] stays exact where floating point would not: the largest amounts and weights', () => {
    const parts = allocate(Number.MAX_SAFE_INTEGER, [10_000, 9_999, 1]);
    expect(parts.reduce((sum, part) => sum + BigInt(part), 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
    expect(parts.every(Number.isSafeInteger)).toBe(true);
  });

  it('refuses to divide among nobody, by a weight that is not a positive whole number, or a fraction of a cent', () => {
    expect(() => allocate(100, [])).toThrow(expect.objectContaining({ code: 'invalid-allocation' }));
    for (const weights of [[0], [1, -1], [1.5]]) {
      expect(() => allocate(100, weights)).toThrow(MoneyError);
    }
    expect(() => allocate(10.5, [1])).toThrow(expect.objectContaining({ code: 'not-integer' }));
  });

  it('[SHR2] property: the parts always add up to the amount, each within one minor unit of its exact proportion', () => {
    fc.assert(
      fc.property(amounts, weightLists, (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((sum, part) => sum + BigInt(part), 0n)).toBe(BigInt(total));
        const sum = weights.reduce((all, weight) => all + BigInt(weight), 0n);
        parts.forEach((part, index) => {
          // |part| is the exact proportion rounded down, or one more.
          const floor = (BigInt(Math.abs(total)) * BigInt(weights[index] ?? 0)) / sum;
          const size = BigInt(Math.abs(part));
          expect(size === floor || size === floor + 1n).toBe(true);
          expect(part === 0 || part < 0 === total < 0).toBe(true);
        });
      }),
      { seed, numRuns: 2_000 },
    );
  });

  it('[SHR2] property: equal weights give parts at most one minor unit apart, the larger ones first', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 1, max: 50 }), (total, people) => {
        const parts = allocate(
          total,
          Array.from({ length: people }, () => 1),
        ).map(Math.abs);
        const sorted = [...parts].sort((a, b) => b - a);
        expect(parts).toEqual(sorted);
        expect((sorted[0] ?? 0) - (sorted.at(-1) ?? 0)).toBeLessThanOrEqual(1);
      }),
      { seed, numRuns: 1_000 },
    );
  });
});
