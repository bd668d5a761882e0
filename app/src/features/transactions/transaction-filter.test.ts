import { describe, expect, test } from 'vitest';
import { searchTextOf, type TransactionRow } from '../../storage/index.js';
import { activeFilters, NO_FILTER, type TransactionFilter } from './transaction-filter.js';
import { TransactionFinder } from './transaction-finder.js';

function row(
  id: string,
  date: string,
  payee: string,
  extra: Partial<Omit<TransactionRow, 'search'>> = {},
): TransactionRow {
  const fields = {
    id,
    date,
    amount: -100,
    currency: 'EUR',
    accountId: 'checking',
    categoryId: null,
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

const rows = [
  row('e', '2026-11-20', 'Cinema', { categoryId: 'fun', tags: ['Date night'] }),
  row('d', '2026-11-10', 'Corner Café', { accountId: 'wallet', notes: 'with Sam', tags: ['trip'] }),
  row('c', '2026-11-10', 'Bakery', {
    splits: [
      { categoryId: 'food', amount: -60, memo: '' },
      { categoryId: 'home', amount: -40, memo: '' },
    ],
  }),
  row('b', '2026-10-31', 'Rent', { categoryId: 'home' }),
  row('a', '2026-10-01', 'Bakery', { notes: 'Birthday cake for the trip' }),
];

const filterTransactions = (list: readonly TransactionRow[], filter: TransactionFilter) =>
  new TransactionFinder(list).find(filter);
const ids = (found: readonly TransactionRow[]) => found.map((match) => match.id);
const searching = (text: string) => ids(filterTransactions(rows, { ...NO_FILTER, text }));

describe('searching transactions', () => {
  test('no filter shows every transaction', () => {
    expect(filterTransactions(rows, NO_FILTER)).toBe(rows);
  });

  test('a word matches payee or notes, whatever the case', () => {
    expect(searching('BAKERY')).toEqual(['c', 'a']);
    expect(searching('sam')).toEqual(['d']);
  });

  test('accents do not matter either way: "cafe" finds "Café" and "café" finds "Cafe"', () => {
    expect(searching('cafe')).toEqual(['d']);
    expect(searching('CAFÉ')).toEqual(['d']);
  });

  test('a word typed halfway finds the words it starts, not words it appears inside', () => {
    expect(searching('bak')).toEqual(['c', 'a']);
    expect(searching('ake')).toEqual([]);
    expect(searching('ca')).toEqual(['d', 'a']);
  });

  test('every word typed must match, in any order and in any of payee, notes and tags', () => {
    expect(searching('bakery trip')).toEqual(['a']);
    expect(searching('trip corner')).toEqual(['d']);
    expect(searching('bakery cinema')).toEqual([]);
  });

  test('tags are searched like words, with or without the #', () => {
    expect(searching('trip')).toEqual(['d', 'a']);
    expect(searching('#night')).toEqual(['e']);
    expect(searching('date ni')).toEqual(['e']);
  });

  test('spaces and punctuation alone are no search', () => {
    expect(filterTransactions(rows, { ...NO_FILTER, text: '  - ' })).toBe(rows);
  });
});

describe('filtering transactions', () => {
  test('a date range includes both of its days', () => {
    expect(ids(filterTransactions(rows, { ...NO_FILTER, from: '2026-10-31', to: '2026-11-10' }))).toEqual([
      'd',
      'c',
      'b',
    ]);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, from: '2026-11-11' }))).toEqual(['e']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, to: '2026-10-01' }))).toEqual(['a']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, from: '2026-12-01' }))).toEqual([]);
  });

  test('a category finds the split transactions with a part in it', () => {
    expect(ids(filterTransactions(rows, { ...NO_FILTER, categoryId: 'home' }))).toEqual(['c', 'b']);
  });

  test('account, category, text and dates combine', () => {
    expect(ids(filterTransactions(rows, { ...NO_FILTER, accountId: 'wallet' }))).toEqual(['d']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, text: 'trip', accountId: 'checking' }))).toEqual(['a']);
    expect(ids(filterTransactions(rows, { ...NO_FILTER, text: 'bakery', from: '2026-11-01' }))).toEqual(['c']);
  });
});

test('the filter button counts the filters set behind it, the search aside', () => {
  expect(activeFilters(NO_FILTER)).toBe(0);
  expect(activeFilters({ ...NO_FILTER, text: 'cafe', accountId: 'checking', from: '2026-01-01' })).toBe(2);
});
