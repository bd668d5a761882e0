import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney } from './format.js';
import { money } from './money.js';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

describe('formatMoney', () => {
  it.each([
    [-123405, 'USD', 'en-US', '-$1,234.05'],
    [123405, 'EUR', 'de-DE', `1.234,05${NBSP}€`],
    [123405, 'EUR', 'fr-FR', `1${NARROW_NBSP}234,05${NBSP}€`],
    [-123405, 'CHF', 'de-CH', "CHF-1'234.05"],
    [12340567, 'INR', 'hi-IN', '₹1,23,405.67'],
    [1235, 'JPY', 'ja-JP', '￥1,235'],
    [1234, 'KWD', 'en-US', `KWD${NBSP}1.234`],
  ])('writes %i minor units of %s in %s as "%s"', (amount, currency, locale, expected) => {
    expect(formatMoney(money(amount, currency), locale)).toBe(expected);
  });

  it('writes Egyptian pounds in Arabic with Arabic-Indic digits and separators', () => {
    const text = formatMoney(money(-123405, 'EGP'), 'ar-EG');
    expect(text).toContain('١٬٢٣٤٫٠٥');
    expect(text).toContain('ج.م.');
  });

  it('shows every digit of the largest safe amount: nothing is rounded through a float', () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, 'USD'), 'en-US')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(money(Number.MIN_SAFE_INTEGER, 'CLF'), 'en-US')).toBe(`-CLF${NBSP}900,719,925,474.0991`);
  });

  it.each([
    [1500, 'IQD', `IQD${NBSP}1.500`],
    [1500, 'IRR', `IRR${NBSP}15.00`],
    [15000, 'CLF', `CLF${NBSP}1.5000`],
    [1500, 'ISK', `ISK${NBSP}1,500`],
  ])(
    'shows exactly the ISO 4217 digits even where the platform would show others: %i %s is "%s"',
    (amount, currency, expected) => {
      expect(formatMoney(money(amount, currency), 'en-US')).toBe(expected);
    },
  );

  it('never shows a negative zero', () => {
    expect(formatMoney(money(-0, 'USD'), 'en-US')).toBe('$0.00');
  });

  it('shows the ISO code, a narrow symbol or an explicit sign when asked', () => {
    expect(formatMoney(money(500, 'USD'), 'en-US', { display: 'code' })).toBe(`USD${NBSP}5.00`);
    expect(formatMoney(money(500, 'CAD'), 'en-US', { display: 'narrowSymbol' })).toBe('$5.00');
    expect(formatMoney(money(500, 'CAD'), 'en-US')).toBe('CA$5.00');
    expect(formatMoney(money(500, 'USD'), 'en-US', { signDisplay: 'always' })).toBe('+$5.00');
    expect(formatMoney(money(0, 'USD'), 'en-US', { signDisplay: 'exceptZero' })).toBe('$0.00');
    expect(formatMoney(money(-1, 'USD'), 'en-US', { signDisplay: 'exceptZero' })).toBe('-$0.01');
  });

  it('gives the same text on a second call, with its options kept apart from other calls', () => {
    const coffee = money(345, 'USD');
    expect(formatMoney(coffee, 'en-US', { display: 'code' })).toBe(`USD${NBSP}3.45`);
    expect(formatMoney(coffee, 'en-US')).toBe('$3.45');
    expect(formatMoney(coffee, 'en-US', { display: 'code' })).toBe(`USD${NBSP}3.45`);
    expect(formatMoney(money(345, 'EUR'), 'en-US')).toBe('€3.45');
  });

  it('refuses a malformed locale as Intl does', () => {
    expect(() => formatMoney(money(1, 'USD'), 'not a locale!')).toThrow(RangeError);
  });
});

describe('formatAmount', () => {
  it('writes the number alone, as an input field shows it', () => {
    expect(formatAmount(money(123405, 'USD'), 'en-US')).toBe('1,234.05');
    expect(formatAmount(money(123405, 'USD'), 'en-US', { useGrouping: false })).toBe('1234.05');
    expect(formatAmount(money(-123405, 'EUR'), 'de-DE')).toBe('-1.234,05');
    expect(formatAmount(money(5, 'KWD'), 'en-US')).toBe('0.005');
    expect(formatAmount(money(1235, 'JPY'), 'ja-JP')).toBe('1,235');
    expect(formatAmount(money(500, 'USD'), 'en-US', { signDisplay: 'always' })).toBe('+5.00');
  });
});
