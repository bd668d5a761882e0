import { readFileSync } from 'node:fs';
import type { CategoryRule } from '@tally/schema';
import { describe, expect, it } from 'vitest';
import { CategoryModel } from './category-model.js';
import { readHistory, splitByDate } from './history.js';
import { suggestCategory } from './suggest-category.js';

const history = readHistory(
  readFileSync(new URL('../../../test/fixtures/categorised-history.csv', import.meta.url), 'utf8'),
);

describe('category suggestions', () => {
  it('learned from the older 80 % of a person’s history, name the right category for at least 9 in 10 newer transactions', () => {
    const { older, newer } = splitByDate(history, 0.2);
    const model = CategoryModel.train(older);
    const right = newer.filter((row) => model.suggest(row)?.categoryId === row.categoryId).length;
    console.info(
      `auto-categorisation: ${right} of ${newer.length} held-back transactions right (${((right / newer.length) * 100).toFixed(1)} %)`,
    );
    expect(right / newer.length).toBeGreaterThanOrEqual(0.9);
  });

  it('recognise a merchant however the bank prints its branch and reference', () => {
    const model = CategoryModel.train([
      { payee: 'KROGER #3556 SEATTLE WA', notes: '', amount: -17_080, categoryId: 'groceries' },
      { payee: 'SHELL OIL 7004', notes: '', amount: -3_700, categoryId: 'transport' },
    ]);
    expect(model.suggest({ payee: 'Kroger #0012 Portland OR', notes: '', amount: -5_210 })?.categoryId).toBe(
      'groceries',
    );
  });

  it('suggest nothing before anything has been learned', () => {
    expect(CategoryModel.train([]).suggest({ payee: 'Anything', notes: '', amount: -1 })).toBeUndefined();
  });

  it('let the user’s rule win over what was learned, the most specific rule first', () => {
    const model = CategoryModel.train([{ payee: 'AMAZON MKTP', notes: '', amount: -2_000, categoryId: 'shopping' }]);
    const rules: CategoryRule[] = [
      { field: 'payee', contains: 'amazon', categoryId: 'household' },
      { field: 'payee', contains: 'Amazon Prime', categoryId: 'subscriptions' },
    ];
    expect(suggestCategory({ payee: 'AMAZON PRIME*2K4', notes: '', amount: -899 }, rules, model)).toMatchObject({
      source: 'rule',
      categoryId: 'subscriptions',
    });
    expect(suggestCategory({ payee: 'AMAZON MKTP', notes: '', amount: -2_000 }, rules, model)).toMatchObject({
      source: 'rule',
      categoryId: 'household',
    });
    expect(suggestCategory({ payee: 'Café', notes: 'Amazon gift', amount: -2_000 }, rules, model)).toMatchObject({
      source: 'learned',
    });
  });
});
