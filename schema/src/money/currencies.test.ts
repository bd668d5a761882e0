import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, type CurrencyCode, currencyCode, isCurrencyCode, minorUnitDigits } from './currencies.js';
import { MoneyError } from './money-error.js';

function digitsOf(code: string): number {
  return minorUnitDigits(currencyCode(code));
}

describe('currencies', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['UYI', 0],
    ['XOF', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['JOD', 3],
    ['OMR', 3],
    ['TND', 3],
    ['LYD', 3],
    ['IQD', 3],
    ['CLF', 4],
    ['UYW', 4],
  ])('%s has %i minor-unit digits', (code, digits) => {
    expect(digitsOf(code)).toBe(digits);
  });

  it.each(['SLE', 'VED', 'VES', 'ZWG', 'XCG', 'MRU', 'STN'])(
    '%s, a recently introduced currency, is active',
    (code) => {
      expect(isCurrencyCode(code)).toBe(true);
    },
  );

  it.each(['HRK', 'SLL', 'ZWL', 'CUC', 'ANG', 'BGN', 'VEF', 'MRO', 'STD', 'DEM'])(
    '%s, a withdrawn currency, is not active',
    (code) => {
      expect(isCurrencyCode(code)).toBe(false);
    },
  );

  it.each(['XAU', 'XAG', 'XPT', 'XPD', 'XDR', 'XSU', 'XUA', 'XBA', 'XTS', 'XXX'])(
    '%s has no minor unit in ISO 4217 ("N.A.") so it is not a currency Tally records',
    (code) => {
      expect(isCurrencyCode(code)).toBe(false);
    },
  );

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'the prototype key %s is not a currency',
    (code) => {
      expect(isCurrencyCode(code)).toBe(false);
      expect(() => currencyCode(code)).toThrow(MoneyError);
    },
  );

  it.each(['usd', ' USD', 'USD ', 'US', 'USDX', ''])('"%s" is not a currency code: codes are exact', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });

  it('refuses an unknown code with an unknown-currency error that names it', () => {
    expect(() => currencyCode('ABC')).toThrow(
      expect.objectContaining({ code: 'unknown-currency', message: expect.stringContaining('"ABC"') }),
    );
  });

  it('refuses a forged code even where the type system was bypassed', () => {
    const forged = 'ABC' as CurrencyCode;
    expect(() => minorUnitDigits(forged)).toThrow(expect.objectContaining({ code: 'unknown-currency' }));
  });

  it('lists every active code once, sorted, frozen, each three capital letters with 0 to 4 digits', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(Object.isFrozen(CURRENCY_CODES)).toBe(true);
    for (const code of CURRENCY_CODES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(minorUnitDigits(code));
    }
  });

  it('every active code is one the platform can format', () => {
    for (const code of CURRENCY_CODES) {
      expect(() => new Intl.NumberFormat('en-US', { style: 'currency', currency: code })).not.toThrow();
    }
  });
});
