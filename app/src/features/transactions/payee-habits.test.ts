import { describe, expect, test } from 'vitest';
import { searchTextOf, type TransactionRow } from '../../storage/index.js';
import { payeeHabits, payeeSuggestions } from './payee-habits.js';

function row(id: string, payee: string, extra: Partial<TransactionRow> = {}): TransactionRow {
  const fields = {
    id,
    date: '2026-11-01',
    amount: -450,
    currency: 'USD',
    accountId: 'wallet',
    categoryId: 'coffee',
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
  row('a', 'Corner Café', { accountId: 'card' }),
  row('b', 'corner café', { categoryId: 'treats' }),
  row('c', 'Corner Café'),
  row('d', 'Employer', { amount: 300000, categoryId: 'salary', accountId: 'checking' }),
  row('e', 'Savings', { transferId: 'f', categoryId: null }),
  row('f', 'City Cinema', { categoryId: null }),
];

describe('what a payee usually comes with', () => {
  test('a payee is known by its latest spelling, its usual category and the account used last', () => {
    const cafe = payeeHabits(history)[0];
    expect(cafe).toEqual({ payee: 'Corner Café', kind: 'expense', categoryId: 'coffee', accountId: 'card', count: 3 });
  });

  test('transfers are not payees, and a payee never categorised has no usual category', () => {
    const habits = payeeHabits(history);
    expect(habits.map((habit) => habit.payee)).toEqual(['Corner Café', 'Employer', 'City Cinema']);
    expect(habits.find((habit) => habit.payee === 'City Cinema')?.categoryId).toBe('');
  });

  test('the payees offered are of the form’s kind and match the start of a word typed', () => {
    const habits = payeeHabits(history);
    expect(payeeSuggestions(habits, '', 'expense', 5).map((habit) => habit.payee)).toEqual([
      'Corner Café',
      'City Cinema',
    ]);
    expect(payeeSuggestions(habits, 'cin', 'expense', 5).map((habit) => habit.payee)).toEqual(['City Cinema']);
    expect(payeeSuggestions(habits, 'caf', 'expense', 5).map((habit) => habit.payee)).toEqual(['Corner Café']);
    expect(payeeSuggestions(habits, '', 'income', 5).map((habit) => habit.payee)).toEqual(['Employer']);
  });

  test('nothing is offered once the payee typed is one already known', () => {
    expect(payeeSuggestions(payeeHabits(history), 'corner CAFÉ', 'expense', 5)).toEqual([]);
  });
});
