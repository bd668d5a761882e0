import { expect, test } from 'vitest';
import { currencyChoices } from './currency-names.js';

test('pickers offer circulating currencies by name, without fund codes', () => {
  const codes = currencyChoices('en').map((choice) => choice.code);
  expect(codes).toEqual(expect.arrayContaining(['EUR', 'USD', 'CHF', 'MXN']));
  for (const fund of ['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW']) expect(codes).not.toContain(fund);
  const names = currencyChoices('en').map((choice) => choice.name);
  expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
  expect(currencyChoices('es').find((choice) => choice.code === 'EUR')?.name).toBe('euro');
});

test('a fund code already chosen still reads in its picker', () => {
  expect(currencyChoices('en', 'CHE').map((choice) => choice.code)).toContain('CHE');
});
