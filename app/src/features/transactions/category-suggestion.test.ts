import type { CategoryRule } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import { searchTextOf, type TransactionRow } from '../../storage/index.js';
import { CategoryModel, examplesOf } from '../categorise/index.js';
import { type SuggestionInput, suggestionFor } from './category-suggestion.js';
import { emptyDraft, type TransactionDraft } from './transaction-draft.js';

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

const history = [
  row('a', 'Corner Bakery', 'food'),
  row('b', 'Corner Bakery', 'food'),
  row('c', 'City Cinema', 'fun'),
  row('d', 'City Cinema', 'fun'),
  row('e', 'Landlord', 'home', { amount: -90000 }),
  row('f', 'Landlord', 'home', { amount: -90000 }),
  row('g', 'Savings', null, { transferId: 'h' }),
];
const model = CategoryModel.train(examplesOf(history));
const rule = (contains: string, categoryId: string): CategoryRule => ({ field: 'payee', contains, categoryId });

function input(draft: Partial<TransactionDraft>, extra: Partial<SuggestionInput> = {}): SuggestionInput {
  return {
    draft: { ...emptyDraft('2026-11-25', 'checking'), amount: '12.50', ...draft },
    editing: false,
    amount: -1250,
    rules: [],
    model,
    usable: () => true,
    ...extra,
  };
}

describe('suggesting a category for a new transaction', () => {
  test('a payee seen before suggests the category it had', () => {
    expect(suggestionFor(input({ payee: 'corner bakery' }))).toMatchObject({ source: 'learned', categoryId: 'food' });
    expect(suggestionFor(input({ payee: 'Cinema' }))).toMatchObject({ categoryId: 'fun' });
  });

  test('the user’s rule comes before what was learned', () => {
    const suggestion = suggestionFor(input({ payee: 'Corner Bakery' }, { rules: [rule('bakery', 'treats')] }));
    expect(suggestion).toMatchObject({ source: 'rule', categoryId: 'treats' });
  });

  test('a rule or a learned category the user can no longer choose is passed over', () => {
    const usable = (id: string) => id !== 'treats' && id !== 'fun';
    expect(
      suggestionFor(input({ payee: 'Corner Bakery' }, { rules: [rule('bakery', 'treats')], usable })),
    ).toMatchObject({ source: 'learned', categoryId: 'food' });
    expect(suggestionFor(input({ payee: 'City Cinema' }, { usable }))).toBeUndefined();
  });

  test('rules work before the model is trained', () => {
    expect(suggestionFor(input({ payee: 'Corner Bakery' }, { model: undefined }))).toBeUndefined();
    expect(
      suggestionFor(
        input(
          { notes: 'bakery run' },
          { model: undefined, rules: [{ field: 'notes', contains: 'BAKERY', categoryId: 'food' }] },
        ),
      ),
    ).toMatchObject({ source: 'rule' });
  });

  test('nothing is suggested once a category is chosen, for a split, a transfer, an edit, or before anything is typed', () => {
    expect(suggestionFor(input({ payee: 'Corner Bakery', categoryId: 'fun' }))).toBeUndefined();
    expect(
      suggestionFor(input({ payee: 'Corner Bakery', parts: [{ categoryId: '', amount: '', memo: '' }] })),
    ).toBeUndefined();
    expect(suggestionFor(input({ payee: 'Corner Bakery', kind: 'transfer' }))).toBeUndefined();
    expect(suggestionFor(input({ payee: 'Corner Bakery' }, { editing: true }))).toBeUndefined();
    expect(suggestionFor(input({ payee: '  ' }))).toBeUndefined();
  });
});
