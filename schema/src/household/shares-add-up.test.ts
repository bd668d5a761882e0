import { describe, expect, it } from 'vitest';
import { sharesAddUp } from './shares-add-up.js';

describe('sharesAddUp', () => {
  it('[SHR3] exact shares that add up to the amount add up', () => {
    const shares = [
      { personId: 'alex', amount: -4000 },
      { personId: 'sam', amount: -2000 },
    ];
    expect(sharesAddUp({ amount: -6000, shares })).toBe(true);
  });

  it('[SHR3] exact shares left short of a changed amount do not add up', () => {
    const shares = [
      { personId: 'alex', amount: -4000 },
      { personId: 'sam', amount: -2000 },
    ];
    expect(sharesAddUp({ amount: -7000, shares })).toBe(false);
  });

  it('[SHR2] shares by weight, and no shares, always add up', () => {
    expect(sharesAddUp({ amount: -1000, shares: [{ personId: 'alex', weight: 3 }] })).toBe(true);
    expect(sharesAddUp({ amount: -1000, shares: [] })).toBe(true);
  });

  it('[SHR3] sums beyond 2^53 minor units are compared exactly', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(
      sharesAddUp({
        amount: big,
        shares: [
          { personId: 'alex', amount: big },
          { personId: 'sam', amount: 1 },
        ],
      }),
    ).toBe(false);
  });
});
