import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { saveCategoryForm } from './CategoryForm.js';

let ledger: Ledger;
beforeEach(() => {
  ledger = openLedger(new Y.Doc());
});

describe('saving the category form', () => {
  test('[LWW1] an edit writes only what the person changed: a group changed on another device meanwhile stays', () => {
    const category = ledger.categories.create({ name: 'Food', group: 'Home', kind: 'expense' });
    const opened = { name: 'Food', group: 'Home', kind: 'expense' };
    ledger.categories.update(category.id, { group: 'Living' });
    expect(saveCategoryForm(ledger, { ...opened, name: 'Groceries' }, { id: category.id, opened })).toEqual({
      saved: true,
    });
    expect(ledger.categories.get(category.id)).toMatchObject({ name: 'Groceries', group: 'Living' });
  });

  test('[REC5] an edit of a category deleted elsewhere is kept until saved again, which brings it back', () => {
    const category = ledger.categories.create({ name: 'Food', kind: 'expense' });
    const opened = { name: 'Food', group: '', kind: 'expense' };
    ledger.categories.delete(category.id);
    const edited = { ...opened, name: 'Groceries' };
    expect(saveCategoryForm(ledger, edited, { id: category.id, opened })).toEqual({ deleted: true });
    expect(ledger.categories.get(category.id)).toMatchObject({ deleted: true, name: 'Food' });
    expect(saveCategoryForm(ledger, edited, { id: category.id, opened, restore: true })).toEqual({ saved: true });
    expect(ledger.categories.get(category.id)).toMatchObject({ deleted: false, name: 'Groceries' });
  });

  test('a name the ledger refuses is reported and nothing is written', () => {
    expect(saveCategoryForm(ledger, { name: ' ', group: '', kind: 'expense' }, undefined)).toMatchObject({
      issues: { name: 'nameInvalid' },
    });
    expect(ledger.categories.size).toBe(0);
  });
});
