import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, minorUnitDigits } from './currencies.js';
import { toDecimalString } from './decimal-string.js';
import { type Money, money } from './money.js';

const seed = 20261125;

describe('toDecimalString', () => {
  it.each([
    [123405, 'USD', '1234.05'],
    [-5, 'USD', '-0.05'],
    [0, 'USD', '0.00'],
    [-500, 'JPY', '-500'],
    [5, 'KWD', '0.005'],
    [1, 'CLF', '0.0001'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
    [Number.MIN_SAFE_INTEGER, 'JPY', '-9007199254740991'],
  ])('writes %i minor units of %s as "%s"', (amount, currency, expected) => {
    expect(toDecimalString(money(amount, currency))).toBe(expected);
  });

  it('refuses a hand-built record whose amount is a fraction instead of writing a wrong numeral', () => {
    const forged: Money = { amount: 12.5, currency: money(0, 'JPY').currency };
    expect(() => toDecimalString(forged)).toThrow(expect.objectContaining({ code: 'not-integer' }));
  });

  it('keeps every digit of the amount, with the point where the currency puts it (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(...CURRENCY_CODES), (amount, currency) => {
        const m = money(amount, currency);
        const text = toDecimalString(m);
        const [, fraction = ''] = text.split('.');
        expect(BigInt(text.replace('.', ''))).toBe(BigInt(m.amount));
        expect(fraction.length).toBe(minorUnitDigits(m.currency));
        expect(text).toMatch(/^-?\d+(?:\.\d+)?$/);
      }),
      { seed, numRuns: 500 },
    );
  });
});
