import { currencyCode } from '@tally/schema';
import { expect, test } from 'vitest';
import { displayCurrency } from './display-currency.js';

const USD = currencyCode('USD');
const EUR = currencyCode('EUR');
const open = (currency: typeof USD) => ({ currency, archived: false });

test('totals are in the home currency once chosen, until then in the currency most open accounts hold', () => {
  expect(displayCurrency('GBP', [open(EUR)])).toBe('GBP');
  expect(displayCurrency(null, [open(USD), open(EUR), open(EUR)])).toBe(EUR);
  expect(displayCurrency(null, [open(USD), open(EUR)])).toBe(EUR);
  expect(displayCurrency(null, [])).toBeNull();
});

test('archived accounts do not choose the currency', () => {
  expect(displayCurrency(null, [{ currency: USD, archived: true }, { currency: USD, archived: true }, open(EUR)])).toBe(
    EUR,
  );
});
