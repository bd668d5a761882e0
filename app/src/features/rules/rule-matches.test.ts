import type { CategoryRule } from '@tally/schema';
import { describe, expect, it } from 'vitest';
import { CategoryModel, suggestCategory } from '../categorise/index.js';
import { foldTargets, matchCounts, ruleMatches } from './rule-matches.js';

const transactions = [
  { payee: 'AMAZON MKTP US*2K4', notes: '' },
  { payee: 'Amazon Prime', notes: 'yearly' },
  { payee: 'Café Central', notes: '' },
  { payee: 'Corner shop', notes: 'birthday cafe cake' },
  { payee: 'Rent', notes: '' },
];

describe('which transactions a rule matches', () => {
  it('finds the text anywhere in the field, ignoring case and accents', () => {
    expect(
      transactions
        .filter((transaction) => ruleMatches({ field: 'payee', contains: 'amazon' }, transaction))
        .map((t) => t.payee),
    ).toEqual(['AMAZON MKTP US*2K4', 'Amazon Prime']);
    expect(
      transactions
        .filter((transaction) => ruleMatches({ field: 'payee', contains: 'CAFE' }, transaction))
        .map((t) => t.payee),
    ).toEqual(['Café Central']);
  });

  it('looks only in the field the rule names', () => {
    expect(
      transactions
        .filter((transaction) => ruleMatches({ field: 'notes', contains: 'café' }, transaction))
        .map((t) => t.payee),
    ).toEqual(['Corner shop']);
  });

  it('counts the matching transactions of every rule', () => {
    const rules = [
      { id: 'amazon', field: 'payee', contains: 'Amazon' },
      { id: 'yearly', field: 'notes', contains: 'YEARLY' },
      { id: 'none', field: 'payee', contains: 'Pharmacy' },
    ] as const;
    expect(Object.fromEntries(matchCounts(rules, foldTargets(transactions)))).toEqual({
      amazon: 2,
      yearly: 1,
      none: 0,
    });
  });

  it('agrees with the category suggested for a transaction: a rule that matches is the one suggested', () => {
    const model = CategoryModel.train([]);
    const rules: CategoryRule[] = [
      { field: 'payee', contains: 'café', categoryId: 'eating-out' },
      { field: 'notes', contains: 'cake', categoryId: 'treats' },
      { field: 'payee', contains: 'prime', categoryId: 'subscriptions' },
    ];
    for (const transaction of transactions) {
      for (const rule of rules) {
        const suggestion = suggestCategory({ ...transaction, amount: -100 }, [rule], model);
        expect(suggestion?.source === 'rule').toBe(ruleMatches(rule, transaction));
      }
    }
  });
});
