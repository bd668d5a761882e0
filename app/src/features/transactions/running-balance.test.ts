import { expect, test } from 'vitest';
import { searchTextOf, type TransactionRow } from '../../storage/index.js';
import { runningBalances } from './running-balance.js';

function row(id: string, amount: number, accountId = 'checking'): TransactionRow {
  const fields = {
    id,
    date: '2026-11-01',
    amount,
    currency: 'USD',
    accountId,
    categoryId: null,
    payee: id,
    notes: '',
    tags: [],
    splits: [],
    shares: [],
    transferId: null,
    attachments: [],
  };
  return { ...fields, search: searchTextOf(fields) };
}

test('each of an account’s transactions shows the balance after it, from the opening balance on', () => {
  // Newest first, as the list shows them.
  const rows = [row('rent', -90000), row('elsewhere', -500, 'savings'), row('salary', 250000), row('coffee', -450)];
  expect([...runningBalances(rows, 'checking', 10000)]).toEqual([
    ['coffee', 9550],
    ['salary', 259550],
    ['rent', 169550],
  ]);
});
