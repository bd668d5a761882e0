import { describe, expect, it } from 'vitest';
import { currencyCode } from './currencies.js';
import { money } from './money.js';
import { parseMoney } from './parse.js';

function parsed(text: string, currency: string, locale: string): number | string {
  const result = parseMoney(text, currencyCode(currency), locale);
  return result.ok ? result.money.amount : result.reason;
}

describe('parseMoney reads what people type', () => {
  it.each([
    ['1234.05', 'USD', 'en-US', 123405],
    ['1,234.05', 'USD', 'en-US', 123405],
    ['$1,234.05', 'USD', 'en-US', 123405],
    ['  $ 1,234.05  ', 'USD', 'en-US', 123405],
    ['1234.05 USD', 'USD', 'en-US', 123405],
    ['usd 12', 'USD', 'en-US', 1200],
    ['.5', 'USD', 'en-US', 50],
    ['12.', 'USD', 'en-US', 1200],
    ['007', 'USD', 'en-US', 700],
    ['1.234,05 €', 'EUR', 'de-DE', 123405],
    ['1234,05', 'EUR', 'de-DE', 123405],
    ['EUR 1.234,05', 'EUR', 'de-DE', 123405],
    ['1 234,05 €', 'EUR', 'fr-FR', 123405],
    ['1\u00a0234,05\u00a0€', 'EUR', 'fr-FR', 123405],
    ['1\u202f234,05\u00a0€', 'EUR', 'fr-FR', 123405],
    ["CHF 1'234.05", 'CHF', 'de-CH', 123405],
    ['1’234.05 CHF', 'CHF', 'de-CH', 123405],
    ['₹1,23,405.67', 'INR', 'hi-IN', 12340567],
    ['￥1,235', 'JPY', 'ja-JP', 1235],
    ['¥1235', 'JPY', 'ja-JP', 1235],
    ['１，２３５', 'JPY', 'ja-JP', 1235],
    ['١٬٢٣٤٫٠٥ ج.م.', 'EGP', 'ar-EG', 123405],
    ['1,234.05', 'EGP', 'ar-EG', 123405],
    ['1234.05 EGP', 'EGP', 'ar-EG', 123405],
    ['1.234', 'KWD', 'en-US', 1234],
    ['KWD 0.005', 'KWD', 'en-US', 5],
    ['1.5', 'CLF', 'en-US', 15000],
    ['1.234,56 €', 'EUR', 'es-ES', 123456],
    ['1 234.56 CHF', 'CHF', 'fr-CH', 123456],
    ['1 234,56', 'CHF', 'fr-CH', 123456],
    ['1 234.56 AFN', 'AFN', 'fr-CH', 123456],
  ])('reads "%s" as %s in %s as the right amount', (text, currency, locale, amount) => {
    expect(parsed(text, currency, locale)).toBe(amount);
  });

  it.each([
    ['-$1,234.05', 'en-US'],
    ['$-1,234.05', 'en-US'],
    ['−$1,234.05', 'en-US'],
    ['1,234.05-', 'en-US'],
    ['$1,234.05 -', 'en-US'],
    ['($1,234.05)', 'en-US'],
    ['( 1,234.05 )', 'en-US'],
    ['(1,234.05) USD', 'en-US'],
    ["USD-1'234.05", 'de-CH'],
  ])('reads "%s" in %s as a negative amount', (text, locale) => {
    expect(parsed(text, 'USD', locale)).toBe(-123405);
  });

  it('reads a plus sign as a positive amount', () => {
    expect(parsed('+$5.00', 'USD', 'en-US')).toBe(500);
  });

  it('reads "-0.00" as zero, never -0', () => {
    const result = parseMoney('-0.00', currencyCode('USD'), 'en-US');
    expect(result).toEqual({ ok: true, money: money(0, 'USD') });
    expect(result.ok && Object.is(result.money.amount, 0)).toBe(true);
  });

  it('reads the largest safe amount and refuses one minor unit more', () => {
    expect(parsed('90,071,992,547,409.91', 'USD', 'en-US')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parsed('-90071992547409.91', 'USD', 'en-US')).toBe(Number.MIN_SAFE_INTEGER);
    expect(parsed('90071992547409.92', 'USD', 'en-US')).toBe(
      'the amount is too large: at most 90071992547409.91 USD can be recorded',
    );
    expect(parsed('1000000000000000000000', 'JPY', 'ja-JP')).toMatch(/too large/);
  });
});

describe('parseMoney refuses, saying why', () => {
  it.each([
    ['', 'USD', 'en-US', 'the amount is empty'],
    ['   ', 'USD', 'en-US', 'the amount is empty'],
    ['$', 'USD', 'en-US', 'there are no digits in the amount'],
    ['.', 'USD', 'en-US', 'there are no digits in the amount'],
    ['-', 'USD', 'en-US', 'there are no digits in the amount'],
    ['100.5', 'JPY', 'ja-JP', 'JPY has no minor unit, so the amount cannot have decimals'],
    ['100.00', 'JPY', 'ja-JP', 'JPY has no minor unit, so the amount cannot have decimals'],
    ['1.234', 'USD', 'en-US', 'USD allows at most 2 decimals'],
    ['1,2345', 'KWD', 'de-DE', 'KWD allows at most 3 decimals'],
    ['12abc', 'USD', 'en-US', '"abc" is not part of an amount in USD'],
    ['twelve', 'USD', 'en-US', '"twelve" is not part of an amount in USD'],
    ['€5', 'USD', 'en-US', '"€" is not part of an amount in USD'],
    ['1e5', 'USD', 'en-US', '"e" is not part of an amount in USD'],
    ['1.2.3', 'USD', 'en-US', 'the amount has more than one decimal separator "."'],
    ['1,2,3', 'EUR', 'de-DE', 'the amount has more than one decimal separator ","'],
    ['12 34', 'USD', 'en-US', 'space only groups thousands in en-US; decimals come after "."'],
    ['12.50', 'EUR', 'de-DE', '"." only groups thousands in de-DE; decimals come after ","'],
    ['1,5', 'USD', 'en-US', '"," only groups thousands in en-US; decimals come after "."'],
    ['1.234,56', 'USD', 'en-US', '"," only groups thousands in en-US; decimals come after "."'],
    [',123', 'USD', 'en-US', '"," only groups thousands in en-US; decimals come after "."'],
    ['$5 $6', 'USD', 'en-US', 'the amount holds more than one number'],
    ['USD $5', 'USD', 'en-US', 'the currency is written more than once'],
    ['--5', 'USD', 'en-US', 'the amount has more than one sign'],
    ['-5-', 'USD', 'en-US', 'the amount has more than one sign'],
    ['+-5', 'USD', 'en-US', 'the amount has more than one sign'],
    ['(-5)', 'USD', 'en-US', 'write a negative amount with parentheses or a minus sign, not both'],
    ['(5', 'USD', 'en-US', 'parentheses must enclose the whole amount'],
    ['5)', 'USD', 'en-US', 'parentheses must enclose the whole amount'],
    ['-(5)', 'USD', 'en-US', 'write a negative amount with parentheses or a minus sign, not both'],
    ['((5))', 'USD', 'en-US', 'parentheses must enclose the whole amount'],
    [')5(', 'USD', 'en-US', 'parentheses must enclose the whole amount'],
  ])('refuses "%s" as %s in %s: %s', (text, currency, locale, reason) => {
    expect(parseMoney(text, currencyCode(currency), locale)).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['1.234', 'USD', 'en-US', 'too-many-decimals', { currency: 'USD', digits: 2 }],
    ['1,2345', 'KWD', 'de-DE', 'too-many-decimals', { currency: 'KWD', digits: 3 }],
    ['100.5', 'JPY', 'ja-JP', 'no-minor-unit', { currency: 'JPY' }],
    ['12abc', 'USD', 'en-US', 'stray-text', { text: 'abc', currency: 'USD' }],
    ['1.2.3', 'USD', 'en-US', 'several-decimal-separators', { separator: '.' }],
    ['12.50', 'EUR', 'de-DE', 'misplaced-grouping', { decimal: ',' }],
    ['99999999999999999', 'USD', 'en-US', 'too-large', { largest: '90071992547409.91', currency: 'USD' }],
    ['', 'USD', 'en-US', 'empty', {}],
  ])(
    'refuses "%s" as %s in %s with the code %s and the values its sentence names',
    (text, currency, locale, code, values) => {
      expect(parseMoney(text, currencyCode(currency), locale)).toMatchObject({ ok: false, code, values });
    },
  );

  it('does not take a prototype key for a currency symbol or a digit', () => {
    expect(parsed('constructor 5', 'USD', 'en-US')).toBe('"constructor" is not part of an amount in USD');
    expect(parsed('__proto__', 'USD', 'en-US')).toMatch(/is not part of an amount/);
  });
});
