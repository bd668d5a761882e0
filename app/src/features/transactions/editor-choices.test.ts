import { describe, expect, test } from 'vitest';
import { categoriesOfKind, choicesFor } from './editor-choices.js';

const records = [
  { id: 'checking', archived: false },
  { id: 'old-card', archived: true },
  { id: 'closed', archived: true },
];

describe('what the transaction editor offers to choose', () => {
  test('archived accounts and categories are left out of a new transaction', () => {
    expect(choicesFor(records, []).map((record) => record.id)).toEqual(['checking']);
  });

  test('an archived one the edited transaction uses stays listed, so its choice is shown as it is', () => {
    expect(choicesFor(records, ['old-card']).map((record) => record.id)).toEqual(['checking', 'old-card']);
  });
});

describe('the categories the form offers', () => {
  const categories = [
    { id: 'groceries', kind: 'expense' },
    { id: 'salary', kind: 'income' },
    { id: 'refunds', kind: 'income' },
  ];

  test('an expense offers expense categories and income offers income ones', () => {
    expect(categoriesOfKind(categories, 'expense', []).map((category) => category.id)).toEqual(['groceries']);
    expect(categoriesOfKind(categories, 'income', []).map((category) => category.id)).toEqual(['salary', 'refunds']);
  });

  test('a category the edited transaction already uses stays offered, whatever its kind', () => {
    expect(categoriesOfKind(categories, 'expense', ['refunds']).map((category) => category.id)).toEqual([
      'groceries',
      'refunds',
    ]);
  });
});
