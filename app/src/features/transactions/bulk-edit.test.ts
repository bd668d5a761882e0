import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { recategorise } from './bulk-edit.js';
import { deleteTransactions, restoreTransactions } from './deleting.js';

let ledger: Ledger;
let checking: string;
let savings: string;
let groceries: string;
let eatingOut: string;

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' }).id;
  savings = ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'USD' }).id;
  groceries = ledger.categories.create({ name: 'Groceries', kind: 'expense' }).id;
  eatingOut = ledger.categories.create({ name: 'Eating out', kind: 'expense' }).id;
});

function spend(payee: string, amount: number, categoryId: string | null = groceries) {
  return ledger.transactions.create({
    date: '2026-11-20',
    amount,
    currency: 'USD',
    accountId: checking,
    categoryId,
    payee,
  });
}

test('chosen transactions move to one category; transfers and split ones stay as they are', () => {
  const lunch = spend('Deli', -1200);
  const dinner = spend('Bistro', -4500, null);
  const split = ledger.transactions.create({
    date: '2026-11-20',
    amount: -3000,
    currency: 'USD',
    accountId: checking,
    categoryId: null,
    payee: 'Market',
    splits: [
      { categoryId: groceries, amount: -2000, memo: '' },
      { categoryId: eatingOut, amount: -1000, memo: '' },
    ],
  });
  const [leg] = ledger.createTransfer({
    date: '2026-11-20',
    fromAccountId: checking,
    toAccountId: savings,
    amount: 500,
  });
  if (!leg) throw new Error('no transfer');

  expect(recategorise(ledger, [lunch.id, dinner.id, split.id, leg.id], eatingOut)).toBe(2);
  expect(ledger.transactions.get(lunch.id)?.categoryId).toBe(eatingOut);
  expect(ledger.transactions.get(dinner.id)?.categoryId).toBe(eatingOut);
  expect(ledger.transactions.get(split.id)?.splits).toHaveLength(2);
  expect(ledger.transactions.get(leg.id)?.categoryId).toBeNull();
});

test('[REC5] transactions deleted together come back together with every field', () => {
  const lunch = spend('Deli', -1200);
  const dinner = spend('Bistro', -4500);
  const before = ledger.transactions.list();
  deleteTransactions(ledger, [lunch.id, dinner.id]);
  expect(ledger.transactions.list()).toEqual([]);
  restoreTransactions(ledger, [lunch.id, dinner.id]);
  expect(ledger.transactions.list()).toEqual(before);
});
