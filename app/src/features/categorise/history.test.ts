import { describe, expect, test } from 'vitest';
import { searchTextOf, type TransactionRow } from '../../storage/index.js';
import { examplesOf, TRAINING_LIMIT } from './history.js';

function row(
  id: string,
  payee: string,
  categoryId: string | null,
  extra: Partial<TransactionRow> = {},
): TransactionRow {
  const fields = {
    id,
    date: '2026-11-01',
    amount: -1250,
    currency: 'EUR',
    accountId: 'checking',
    categoryId,
    payee,
    notes: '',
    tags: [],
    splits: [],
    shares: [],
    transferId: null,
    attachments: [],
    ...extra,
  };
  return { ...fields, search: searchTextOf(fields) };
}

// Newest first, as the transaction index keeps them.
const history = [
  row('a', 'Corner Bakery', 'food'),
  row('b', 'Corner Bakery', null),
  row('c', 'City Cinema', 'fun'),
  row('d', 'To savings', 'savings', { transferId: 'e' }),
  row('f', 'Landlord', 'home', { amount: -90000, notes: 'March rent' }),
];

describe('the history a category model learns from', () => {
  test('is the categorised transactions, leaving out uncategorised ones and transfer legs', () => {
    expect(examplesOf(history)).toEqual([
      { payee: 'Corner Bakery', notes: '', amount: -1250, categoryId: 'food' },
      { payee: 'City Cinema', notes: '', amount: -1250, categoryId: 'fun' },
      { payee: 'Landlord', notes: 'March rent', amount: -90000, categoryId: 'home' },
    ]);
  });

  test('takes the newest transactions first, up to its limit', () => {
    expect(examplesOf(history, 2).map((example) => example.categoryId)).toEqual(['food', 'fun']);
    const long = Array.from({ length: TRAINING_LIMIT + 10 }, (_, i) => row(`r${i}`, `Shop ${i}`, 'food'));
    expect(examplesOf(long)).toHaveLength(TRAINING_LIMIT);
  });
});
