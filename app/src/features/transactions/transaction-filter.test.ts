import { describe, expect, test } from 'vitest';
import type { TransactionRow } from '../../storage/index.js';
import { filterTransactions, NO_FILTER } from './transaction-filter.js';

function row(id: string, date: string, payee: string, extra: Partial<TransactionRow> = {}): TransactionRow {
  return {
    id,
    date,
    amount: -100,
    currency: 'EUR',
    accountId: 'checking',
    categoryId: null,
    payee,
    notes: '',
    transferId: null,
    search: payee.toLowerCase(),
    ...extra,
  };
}

const rows = [
  row('e', '2026-11-20', 'Cinema', { categoryId: 'fun' }),
  row('d', '2026-11-10', 'Corner Café', { accountId: 'wallet', search: 'corner café\nwith sam' }),
  row('c', '2026-11-10', 'Bakery'),
  row('b', '2026-10-31', 'Rent', { categoryId: 'home' }),
  row('a', '2026-10-01', 'Bakery'),
];

const ids = (found: readonly TransactionRow[]) => found.map((match) => match.id);

describe('filtering transactions', () => {
  test('no filter shows every transaction', () => {
    expect(filterTransactions(rows, NO_FILTER)).toBe(rows);
  });

  test('text matches payee or notes, whatever the case', () => {
    expect(ids(filterTransactions(rows, { ...NO_FILTER, text: 'BAKERY' }))).toEqual(['c', 'a']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, text: 'with sam' }))).toEqual(['d']);
  });

  test('a date range includes both of its days', () => {
    expect(ids(filterTransactions(rows, { ...NO_FILTER, from: '2026-10-31', to: '2026-11-10' }))).toEqual(['d', 'c', 'b']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, from: '2026-11-11' }))).toEqual(['e']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, to: '2026-10-01' }))).toEqual(['a']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, from: '2026-12-01' }))).toEqual([]);
  });

  test('account, category, text and dates combine', () => {
    expect(ids(filterTransactions(rows, { ...NO_FILTER, accountId: 'wallet' }))).toEqual(['d']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, categoryId: 'home' }))).toEqual(['b']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, text: 'bakery', from: '2026-11-01' }))).toEqual(['c']);
  });
});
