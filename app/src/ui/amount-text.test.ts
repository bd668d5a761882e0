import { currencyCode } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import { readAmount } from './amount-text.js';

const USD = currencyCode('USD');
const EUR = currencyCode('EUR');
const JPY = currencyCode('JPY');

describe('reading an amount someone typed', () => {
  test('reads it the way the locale writes numbers', () => {
    expect(readAmount('1,234.50', USD, 'en-US')).toEqual({ ok: true, amount: 123450 });
    expect(readAmount('1.234,50', EUR, 'de-DE')).toEqual({ ok: true, amount: 123450 });
    expect(readAmount('250', JPY, 'ja-JP')).toEqual({ ok: true, amount: 250 });
  });

  test('says why it is not an amount, as a code the screen words in its language', () => {
    expect(readAmount('  ', USD, 'en-US')).toEqual({ ok: false, problem: { code: 'empty', values: {} } });
    expect(readAmount('twelve', USD, 'en-US')).toEqual({
      ok: false,
      problem: { code: 'stray-text', values: { text: 'twelve', currency: 'USD' } },
    });
    expect(readAmount('12.345', USD, 'en-US')).toEqual({
      ok: false,
      problem: { code: 'too-many-decimals', values: { currency: 'USD', digits: 2 } },
    });
    expect(readAmount('-5', USD, 'en-US', { negative: true })).toEqual({
      ok: false,
      problem: { code: 'negative', values: {} },
    });
    expect(readAmount('0', USD, 'en-US', { zero: true })).toEqual({ ok: false, problem: { code: 'zero', values: {} } });
    expect(readAmount('-5', USD, 'en-US')).toEqual({ ok: true, amount: -500 });
  });
});
