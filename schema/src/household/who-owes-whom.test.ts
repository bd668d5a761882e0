import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Money, MoneyError, money } from '../money/index.js';
import { FEWEST_TRANSFERS_UP_TO, type Transfer, whoOwesWhom } from './who-owes-whom.js';

// Fixed so a failure reproduces; fast-check prints the seed and path of any counterexample.
const seed = 20261125;

function balances(entries: Record<string, number>, currency = 'EUR'): Map<string, Money> {
  return new Map(Object.entries(entries).map(([person, amount]) => [person, money(amount, currency)]));
}

function plain(transfers: readonly Transfer[]): [string, string, number][] {
  return transfers.map((transfer) => [transfer.from, transfer.to, transfer.amount.amount]);
}

/** What each person's balance is once the transfers are paid. */
function afterPaying(start: ReadonlyMap<string, Money>, transfers: readonly Transfer[]): Map<string, number> {
  const left = new Map([...start].map(([person, balance]) => [person, balance.amount]));
  for (const transfer of transfers) {
    left.set(transfer.from, (left.get(transfer.from) ?? 0) + transfer.amount.amount);
    left.set(transfer.to, (left.get(transfer.to) ?? 0) - transfer.amount.amount);
  }
  return left;
}

/**
 * The fewest transfers that square `amounts`, by brute force: the number of people owing or owed
 * less the most groups they split into that each add up to zero. Independent of the code under test.
 */
function fewestByBruteForce(amounts: readonly number[]): number {
  const open = amounts.filter((amount) => amount !== 0);
  const mostGroups = (rest: readonly number[]): number => {
    if (rest.length === 0) return 0;
    const [first, ...others] = rest as [number, ...number[]];
    let best = 0;
    // The group holding `first`: every subset of the others that squares with it.
    for (let pick = 0; pick < 1 << others.length; pick += 1) {
      const inGroup = others.filter((_, i) => pick & (1 << i));
      if (inGroup.reduce((sum, amount) => sum + amount, first) !== 0) continue;
      best = Math.max(best, 1 + mostGroups(others.filter((_, i) => !(pick & (1 << i)))));
    }
    return best;
  };
  return open.length - mostGroups(open);
}

/** Balances of `people` people that add up to zero, some of them zero. */
function zeroSumBalances(maxPeople: number, maxAmount: number): fc.Arbitrary<Map<string, Money>> {
  return fc
    .array(fc.integer({ min: -maxAmount, max: maxAmount }), { minLength: 1, maxLength: maxPeople - 1 })
    .map((amounts) => {
      const last = -amounts.reduce((sum, amount) => sum + amount, 0);
      return balances(
        Object.fromEntries([...amounts, last].map((amount, i) => [`person${String(i).padStart(2, '0')}`, amount])),
      );
    });
}

describe('who owes whom', () => {
  it('[OWE2] Alex owes Sam 30.00: one transfer', () => {
    expect(plain(whoOwesWhom(balances({ alex: -3_000, sam: 3_000 })))).toEqual([['alex', 'sam', 3_000]]);
  });

  it('[OWE2] all square, or nobody at all: no transfers', () => {
    expect(whoOwesWhom(balances({ alex: 0, sam: 0 }))).toEqual([]);
    expect(whoOwesWhom(new Map())).toEqual([]);
  });

  it('[OWE2] finds the groups that square among themselves: three transfers where owing-most-pays-most-owed takes four', () => {
    // Largest to largest alone pays a→d 4, b→e 3, c→d 1, c→e 1. But {a, e} and {b, c, d} each add up to zero.
    expect(plain(whoOwesWhom(balances({ a: -4, b: -3, c: -2, d: 5, e: 4 })))).toEqual([
      ['a', 'e', 4],
      ['b', 'd', 3],
      ['c', 'd', 2],
    ]);
  });

  it('[OWE2] the same balances give the same transfers, whatever order they come in', () => {
    const entries: [string, number][] = [
      ['kim', -2_500],
      ['alex', 4_000],
      ['sam', -1_500],
      ['lee', 0],
    ];
    const forward = whoOwesWhom(new Map(entries.map(([person, amount]) => [person, money(amount, 'EUR')])));
    const backward = whoOwesWhom(
      new Map([...entries].reverse().map(([person, amount]) => [person, money(amount, 'EUR')])),
    );
    expect(backward).toEqual(forward);
    expect(plain(forward)).toEqual([
      ['kim', 'alex', 2_500],
      ['sam', 'alex', 1_500],
    ]);
  });

  it('refuses balances in two currencies, or that do not add up to zero', () => {
    const mixed = new Map([
      ['alex', money(-100, 'EUR')],
      ['sam', money(100, 'USD')],
    ]);
    expect(() => whoOwesWhom(mixed)).toThrow(expect.objectContaining({ code: 'currency-mismatch' }));
    expect(() => whoOwesWhom(balances({ alex: -100, sam: 99 }))).toThrow(MoneyError);
  });

  it('[OWE2] property: paying the transfers brings every balance to zero, each transfer from someone owing to someone owed', () => {
    fc.assert(
      fc.property(zeroSumBalances(40, 1_000_000), (start) => {
        const transfers = whoOwesWhom(start);
        expect([...afterPaying(start, transfers).values()].every((left) => left === 0)).toBe(true);
        for (const transfer of transfers) {
          expect(transfer.amount.amount).toBeGreaterThan(0);
          expect(start.get(transfer.from)?.amount).toBeLessThan(0);
          expect(start.get(transfer.to)?.amount).toBeGreaterThan(0);
        }
        const open = [...start.values()].filter((balance) => balance.amount !== 0).length;
        expect(transfers.length).toBeLessThanOrEqual(Math.max(0, open - 1));
      }),
      { seed, numRuns: 500 },
    );
  });

  it('[OWE2] property: for up to 9 people, as few transfers as any way of settling can take', () => {
    fc.assert(
      fc.property(zeroSumBalances(9, 8), (start) => {
        const fewest = fewestByBruteForce([...start.values()].map((balance) => balance.amount));
        expect(whoOwesWhom(start)).toHaveLength(fewest);
      }),
      { seed, numRuns: 1_000 },
    );
  });

  it(`[OWE2] settles ${FEWEST_TRANSFERS_UP_TO} people exactly and more with at most one fewer transfers than people`, () => {
    const many = balances(
      Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [`p${String(i).padStart(2, '0')}`, i % 2 === 0 ? -(i + 1) : i]),
      ),
    );
    const transfers = whoOwesWhom(many);
    expect([...afterPaying(many, transfers).values()].every((left) => left === 0)).toBe(true);
    expect(transfers.length).toBeLessThanOrEqual(59);
    // Sixteen people in eight pairs that each square: eight transfers, the fewest.
    const pairs = balances(
      Object.fromEntries(
        Array.from({ length: FEWEST_TRANSFERS_UP_TO }, (_, i) => [
          `p${String(i).padStart(2, '0')}`,
          (i % 2 === 0 ? -1 : 1) * (Math.floor(i / 2) * 7 + 3),
        ]),
      ),
    );
    expect(whoOwesWhom(pairs)).toHaveLength(FEWEST_TRANSFERS_UP_TO / 2);
  });
});
