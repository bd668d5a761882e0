import { currencyCode } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import { exampleAmount, readAmount } from './amount-text.js';

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
    expect(readAmount('  ', USD, 'en-US')).toEqual({ ok: false, problem: 'empty' });
    expect(readAmount('twelve', USD, 'en-US')).toEqual({ ok: false, problem: 'unreadable' });
    expect(readAmount('12.345', USD, 'en-US')).toEqual({ ok: false, problem: 'unreadable' });
    expect(readAmount('-5', USD, 'en-US', { negative: true })).toEqual({ ok: false, problem: 'negative' });
    expect(readAmount('0', USD, 'en-US', { zero: true })).toEqual({ ok: false, problem: 'zero' });
    expect(readAmount('-5', USD, 'en-US')).toEqual({ ok: true, amount: -500 });
  });

  test('an example in the error shows the locale’s decimal separator and the currency’s minor digits', () => {
    expect(exampleAmount(USD, 'en-US')).toBe('1234.50');
    expect(exampleAmount(EUR, 'de-DE')).toBe('1234,50');
    expect(exampleAmount(JPY, 'en-US')).toBe('1234');
  });
});
