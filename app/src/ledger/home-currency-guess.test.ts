import { CURRENCY_CODES } from '@tally/schema';
import { describe, expect, it } from 'vitest';
import { guessHomeCurrency } from './home-currency-guess.js';

describe('the home currency a first run proposes', () => {
  it.each([
    ['en-US', 'USD'],
    ['en-GB', 'GBP'],
    ['de-DE', 'EUR'],
    ['de-AT', 'EUR'],
    ['de-CH', 'CHF'],
    ['es-MX', 'MXN'],
    ['es-ES', 'EUR'],
    ['es-AR', 'ARS'],
    ['es-EC', 'USD'],
    ['en-IN', 'INR'],
    ['ja-JP', 'JPY'],
    ['fr-SN', 'XOF'],
  ])('is the money of the locale’s region: %s → %s', (locale, currency) => {
    expect(guessHomeCurrency(locale, CURRENCY_CODES)).toBe(currency);
  });

  it('takes the region a language is mostly spoken in when the locale names none', () => {
    expect(guessHomeCurrency('de', CURRENCY_CODES)).toBe('EUR');
    expect(guessHomeCurrency('en', CURRENCY_CODES)).toBe('USD');
  });

  it('proposes US dollars when the locale says nothing it can use', () => {
    expect(guessHomeCurrency('not a locale!', CURRENCY_CODES)).toBe('USD');
    expect(guessHomeCurrency('en-AQ', CURRENCY_CODES)).toBe('USD');
  });
});
