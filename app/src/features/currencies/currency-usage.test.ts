import { openLedger } from '@tally/schema';
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { currencyUsage } from './currency-usage.js';

test('lists each currency the accounts use once, and which of them no rate converts home yet', () => {
  const ledger = openLedger(new Y.Doc());
  ledger.accounts.create({ name: 'Chase', type: 'checking', currency: 'USD' });
  ledger.accounts.create({ name: 'Berlin', type: 'checking', currency: 'EUR' });
  ledger.accounts.create({ name: 'Lisbon', type: 'savings', currency: 'EUR' });
  ledger.accounts.create({ name: 'London', type: 'savings', currency: 'GBP' });
  ledger.setExchangeRate({ from: 'USD', to: 'EUR', date: '2026-11-20', rate: '0.92' });
  const usage = currencyUsage(ledger.accounts.list(), ledger.rateTable(), ledger.homeCurrency, '2026-11-25');
  expect(usage).toEqual([
    { currency: 'EUR', accounts: 2, status: { kind: 'no-home' } },
    { currency: 'GBP', accounts: 1, status: { kind: 'no-home' } },
    { currency: 'USD', accounts: 1, status: { kind: 'no-home' } },
  ]);

  ledger.setHomeCurrency('USD');
  const home = ledger.homeCurrency;
  expect(
    currencyUsage(ledger.accounts.list(), ledger.rateTable(), home, '2026-11-25').map((use) => use.status),
  ).toEqual([
    { kind: 'rate', rate: expect.objectContaining({ from: 'USD', to: 'EUR', rate: '0.92' }) },
    { kind: 'no-rate' },
    { kind: 'home' },
  ]);
  expect(currencyUsage(ledger.accounts.list(), ledger.rateTable(), home, '2026-11-19')[0]?.status).toEqual({
    kind: 'no-rate',
  });
});
