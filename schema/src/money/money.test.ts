import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from './currencies.js';
import { addMoney, compareMoney, type Money, money, negateMoney, subtractMoney, sumMoney } from './money.js';
import { MONEY_ERROR_CODES, MoneyError } from './money-error.js';

// Fixed so a failure reproduces; fast-check prints the seed and path of any counterexample.
const seed = 20261125;

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

const usd = (amount: number): Money => money(amount, 'USD');

describe('money', () => {
  it('holds an integer count of minor units and an ISO 4217 code', () => {
    expect(money(123405, 'USD')).toEqual({ amount: 123405, currency: 'USD' });
    expect(money(-5, 'KWD')).toEqual({ amount: -5, currency: 'KWD' });
    expect(money(MAX, 'JPY').amount).toBe(MAX);
    expect(money(MIN, 'JPY').amount).toBe(MIN);
  });

  it('cannot be changed once made', () => {
    expect(Object.isFrozen(usd(1))).toBe(true);
  });

  it('turns -0 into 0, so a zero never shows as "-$0.00"', () => {
    expect(Object.is(usd(-0).amount, 0)).toBe(true);
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %d minor units: a fraction of a cent is not money',
    (amount) => {
      expect(() => usd(amount)).toThrow(expect.objectContaining({ code: 'not-integer' }));
    },
  );

  it.each([MAX + 1, MIN - 1, 2 ** 60])('refuses %d minor units: beyond the exactly representable range', (amount) => {
    expect(() => usd(amount)).toThrow(expect.objectContaining({ code: 'unsafe-integer' }));
  });

  it.each(['ABC', 'usd', '__proto__', ''])('refuses the currency "%s"', (currency) => {
    expect(() => money(1, currency)).toThrow(expect.objectContaining({ code: 'unknown-currency' }));
  });

  it('throws MoneyError, an Error with a code from the catalogue and a message', () => {
    try {
      usd(0.5);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'MoneyError', code: 'not-integer' });
      expect(MONEY_ERROR_CODES).toContain((error as MoneyError).code);
      expect((error as MoneyError).message).toMatch(/whole number of minor units/);
    }
  });
});

describe('adding and subtracting', () => {
  it('adds ten cents and twenty cents to exactly thirty cents', () => {
    expect(addMoney(usd(10), usd(20))).toEqual(usd(30));
  });

  it('adds yen, which have no minor unit, and Kuwaiti fils, a thousandth of a dinar', () => {
    expect(addMoney(money(1000, 'JPY'), money(1, 'JPY'))).toEqual(money(1001, 'JPY'));
    expect(addMoney(money(1999, 'KWD'), money(1, 'KWD'))).toEqual(money(2000, 'KWD'));
  });

  it('subtracts into the negative', () => {
    expect(subtractMoney(usd(500), usd(1250))).toEqual(usd(-750));
  });

  it('gives 0, never -0, when a refund cancels a purchase', () => {
    expect(Object.is(addMoney(usd(-500), usd(500)).amount, 0)).toBe(true);
    expect(Object.is(subtractMoney(usd(500), usd(500)).amount, 0)).toBe(true);
    expect(Object.is(negateMoney(usd(0)).amount, 0)).toBe(true);
  });

  it('negates the smallest safe amount to the largest one', () => {
    expect(negateMoney(usd(MIN))).toEqual(usd(MAX));
  });

  it('reaches the largest safe amount exactly', () => {
    expect(addMoney(usd(MAX - 1), usd(1))).toEqual(usd(MAX));
    expect(subtractMoney(usd(MIN + 1), usd(1))).toEqual(usd(MIN));
  });

  it('refuses to go one minor unit past the largest safe amount, in either direction', () => {
    expect(() => addMoney(usd(MAX), usd(1))).toThrow(expect.objectContaining({ code: 'overflow' }));
    expect(() => subtractMoney(usd(MIN), usd(1))).toThrow(expect.objectContaining({ code: 'overflow' }));
    expect(() => addMoney(usd(MAX), usd(MAX))).toThrow(expect.objectContaining({ code: 'overflow' }));
  });

  it('refuses to mix currencies, naming both', () => {
    expect(() => addMoney(usd(1), money(1, 'EUR'))).toThrow(
      expect.objectContaining({ code: 'currency-mismatch', message: expect.stringMatching(/EUR.*USD|USD.*EUR/) }),
    );
    expect(() => subtractMoney(money(1, 'JPY'), usd(1))).toThrow(
      expect.objectContaining({ code: 'currency-mismatch' }),
    );
  });

  it('refuses a hand-built record whose amount is a fraction', () => {
    const forged: Money = { amount: 0.1, currency: usd(0).currency };
    expect(() => addMoney(forged, usd(1))).toThrow(expect.objectContaining({ code: 'not-integer' }));
  });
});

describe('summing', () => {
  it('sums an empty list to zero in the given currency', () => {
    expect(sumMoney([], 'JPY')).toEqual(money(0, 'JPY'));
  });

  it('sums a month of coffees to the cent', () => {
    const coffees = Array.from({ length: 31 }, () => usd(345));
    expect(sumMoney(coffees, 'USD')).toEqual(usd(10695));
  });

  it('refuses a list that mixes currencies', () => {
    expect(() => sumMoney([usd(1), money(1, 'EUR')], 'USD')).toThrow(
      expect.objectContaining({ code: 'currency-mismatch' }),
    );
  });

  it('refuses items in a currency other than the one asked for', () => {
    expect(() => sumMoney([money(1, 'EUR')], 'USD')).toThrow(expect.objectContaining({ code: 'currency-mismatch' }));
  });

  it('refuses an unknown currency even for an empty list', () => {
    expect(() => sumMoney([], 'XYZ')).toThrow(expect.objectContaining({ code: 'unknown-currency' }));
  });

  it('accepts a total near the limit even when a running sum passes it on the way', () => {
    expect(sumMoney([usd(MAX), usd(1), usd(-1)], 'USD')).toEqual(usd(MAX));
    expect(sumMoney([usd(MAX), usd(MAX), usd(MIN), usd(MIN)], 'USD')).toEqual(usd(0));
  });

  it('refuses a total beyond the largest safe amount, whatever the order', () => {
    expect(() => sumMoney([usd(MAX), usd(1)], 'USD')).toThrow(expect.objectContaining({ code: 'overflow' }));
    expect(() => sumMoney([usd(1), usd(MAX)], 'USD')).toThrow(expect.objectContaining({ code: 'overflow' }));
    expect(() => sumMoney([usd(MIN), usd(-1), usd(0)], 'USD')).toThrow(expect.objectContaining({ code: 'overflow' }));
  });

  it('is exact and independent of order, for any amounts (property)', () => {
    const amounts = fc.array(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1000 })), { maxLength: 40 });
    const listAndShuffle = amounts.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
    );
    fc.assert(
      fc.property(listAndShuffle, fc.constantFrom(...CURRENCY_CODES), ([list, shuffled], currency) => {
        const exact = list.reduce((total, amount) => total + BigInt(amount), 0n);
        const inRange = exact <= BigInt(MAX) && exact >= BigInt(MIN);
        const sum = (items: readonly number[]): Money | 'overflow' => {
          try {
            return sumMoney(
              items.map((amount) => money(amount, currency)),
              currency,
            );
          } catch (error) {
            if (error instanceof MoneyError && error.code === 'overflow') return 'overflow';
            throw error;
          }
        };
        const forward = sum(list);
        expect(sum(shuffled)).toEqual(forward);
        if (inRange) {
          expect(forward).toEqual(money(Number(exact), currency));
          expect(forward !== 'overflow' && Object.is(forward.amount, -0)).toBe(false);
        } else {
          expect(forward).toBe('overflow');
        }
      }),
      { seed, numRuns: 500 },
    );
  });

  it('agrees with adding one by one whenever every step stays in range (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { maxLength: 50 }), (list) => {
        const items = list.map(usd);
        const stepwise = items.reduce(addMoney, usd(0));
        expect(sumMoney(items, 'USD')).toEqual(stepwise);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('undoes an addition by subtracting it, and never yields -0 (property)', () => {
    const half = Math.floor(MAX / 2);
    fc.assert(
      fc.property(fc.integer({ min: -half, max: half }), fc.integer({ min: -half, max: half }), (a, b) => {
        const total = addMoney(usd(a), usd(b));
        expect(subtractMoney(total, usd(b))).toEqual(usd(a));
        expect(Object.is(total.amount, -0)).toBe(false);
        expect(Object.is(negateMoney(total).amount, -0)).toBe(false);
      }),
      { seed, numRuns: 500 },
    );
  });
});

describe('comparing', () => {
  it('orders amounts of one currency, debts first', () => {
    const sorted = [usd(500), usd(-200), usd(0), usd(MAX), usd(MIN)].sort(compareMoney);
    expect(sorted.map((m) => m.amount)).toEqual([MIN, -200, 0, 500, MAX]);
    expect(compareMoney(usd(7), usd(7))).toBe(0);
  });

  it('refuses to compare amounts in different currencies', () => {
    expect(() => compareMoney(money(100, 'JPY'), usd(100))).toThrow(
      expect.objectContaining({ code: 'currency-mismatch' }),
    );
  });
});
