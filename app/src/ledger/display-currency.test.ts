import { currencyCode } from '@tally/schema';
import { expect, test } from 'vitest';
import { displayCurrency } from './display-currency.js';

const USD = currencyCode('USD');
const EUR = currencyCode('EUR');
const GBP = currencyCode('GBP');
const open = (currency: typeof USD) => ({ currency, archived: false });

test('totals are in the home currency once chosen', () => {
  expect(displayCurrency('GBP', [open(EUR)], USD)).toBe('GBP');
});

test('until one is chosen, accounts that all hold one currency set it, whatever the locale suggests', () => {
  expect(displayCurrency(null, [open(USD), open(USD)], EUR)).toBe(USD);
});

test('until one is chosen, accounts in several currencies leave it to the locale, never to a tie-break', () => {
  expect(displayCurrency(null, [open(USD), open(EUR)], USD)).toBe(USD);
  expect(displayCurrency(null, [open(USD), open(EUR), open(EUR)], GBP)).toBe(GBP);
  expect(displayCurrency(null, [], GBP)).toBe(GBP);
});

test('without a local currency, mixed accounts fall back to the one most of them hold', () => {
  expect(displayCurrency(null, [open(USD), open(EUR), open(EUR)])).toBe(EUR);
  expect(displayCurrency(null, [open(USD), open(EUR)])).toBe(EUR);
  expect(displayCurrency(null, [])).toBeNull();
});

test('archived accounts do not choose the currency', () => {
  expect(displayCurrency(null, [{ currency: USD, archived: true }, open(EUR)], GBP)).toBe(EUR);
});
