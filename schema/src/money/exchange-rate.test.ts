import { describe, expect, it } from 'vitest';
import { currencyCode } from './currencies.js';
import { convertMoney, type ExchangeRate, parseRate } from './exchange-rate.js';
import { money } from './money.js';

function rate(from: string, to: string, value: string): ExchangeRate {
  return { from: currencyCode(from), to: currencyCode(to), rate: value };
}

describe('converting money with an exchange rate', () => {
  it('multiplies exactly: 100.00 EUR at 1.0834 is 108.34 USD', () => {
    expect(convertMoney(money(10_000, 'EUR'), rate('EUR', 'USD', '1.0834'))).toEqual(money(10_834, 'USD'));
  });

  it('divides exactly the other way round: 100.00 USD at EUR→USD 1.25 is 80.00 EUR', () => {
    expect(convertMoney(money(10_000, 'USD'), rate('EUR', 'USD', '1.25'))).toEqual(money(8_000, 'EUR'));
  });

  it('moves between currencies with different minor units: yen have none, dinars three', () => {
    expect(convertMoney(money(1_000, 'JPY'), rate('JPY', 'EUR', '0.0061'))).toEqual(money(610, 'EUR'));
    expect(convertMoney(money(610, 'EUR'), rate('JPY', 'EUR', '0.0061'))).toEqual(money(1_000, 'JPY'));
    expect(convertMoney(money(1_000, 'KWD'), rate('KWD', 'USD', '3.2541'))).toEqual(money(325, 'USD'));
    expect(convertMoney(money(325, 'USD'), rate('KWD', 'USD', '3.2541'))).toEqual(money(999, 'KWD'));
  });

  it('rounds half to even, once, on the final result', () => {
    expect(convertMoney(money(1, 'EUR'), rate('EUR', 'USD', '0.5'))).toEqual(money(0, 'USD'));
    expect(convertMoney(money(3, 'EUR'), rate('EUR', 'USD', '0.5'))).toEqual(money(2, 'USD'));
    expect(convertMoney(money(5, 'EUR'), rate('EUR', 'USD', '0.5'))).toEqual(money(2, 'USD'));
    expect(convertMoney(money(10_001, 'EUR'), rate('EUR', 'USD', '1.00005'))).toEqual(money(10_002, 'USD'));
  });

  it('treats spending and income alike: a negative amount rounds as its mirror image', () => {
    for (const amount of [1, 3, 5, 12_345, 99_999]) {
      const forward = convertMoney(money(amount, 'GBP'), rate('GBP', 'EUR', '1.1675'));
      expect(convertMoney(money(-amount, 'GBP'), rate('GBP', 'EUR', '1.1675'))).toEqual(money(-forward.amount, 'EUR'));
    }
  });

  it('keeps every digit of a long rate instead of a float approximation', () => {
    // 123,456,789.01 × 1.123456789012 = 138,698,367.7629065703…, exactly (checked with decimal arithmetic).
    expect(convertMoney(money(12_345_678_901, 'CHF'), rate('CHF', 'EUR', '1.123456789012'))).toEqual(
      money(13_869_836_776, 'EUR'),
    );
  });

  it('refuses a rate that is zero, negative, not a number, or for other currencies', () => {
    expect(parseRate('0')).toBeUndefined();
    expect(parseRate('-1.2')).toBeUndefined();
    expect(parseRate('1e3')).toBeUndefined();
    expect(parseRate('1,08')).toBeUndefined();
    expect(() => convertMoney(money(100, 'EUR'), rate('EUR', 'USD', '0.000'))).toThrow(/not a positive exchange rate/);
    expect(() => convertMoney(money(100, 'GBP'), rate('EUR', 'USD', '1.1'))).toThrow(/cannot convert GBP/);
  });
});
