import { openLedger } from '@tally/schema';
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { RecordCache } from './record-cache.js';

test('a record keeps its snapshot until it changes, so only its readers render again', () => {
  const ledger = openLedger(new Y.Doc());
  const cache = new RecordCache(ledger.accounts, (account) => account.name);
  const wallet = ledger.accounts.create({ name: 'Wallet', type: 'cash', currency: 'EUR' });
  const bank = ledger.accounts.create({ name: 'Bank', type: 'checking', currency: 'EUR' });
  const walletBefore = cache.get(wallet.id);
  const bankBefore = cache.get(bank.id);
  let notified = 0;
  cache.subscribe(() => notified++);

  ledger.accounts.update(bank.id, { name: 'Big Bank' });

  expect(notified).toBe(1);
  expect(cache.get(wallet.id)).toBe(walletBefore);
  expect(cache.get(bank.id)).not.toBe(bankBefore);
  expect(cache.all().map((account) => account.name)).toEqual(['Big Bank', 'Wallet']);
});

test('deleted records leave the cache', () => {
  const ledger = openLedger(new Y.Doc());
  const cache = new RecordCache(ledger.categories, (category) => category.name);
  const rent = ledger.categories.create({ name: 'Rent', kind: 'expense' });
  ledger.categories.delete(rent.id);
  expect(cache.all()).toEqual([]);
  expect(cache.get(rent.id)).toBeUndefined();
});
