import { currencyCode, type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { toTransactionRow } from '../../storage/index.js';
import { budgetView, shiftMonth, spendingOf } from './budget-view.js';

let ledger: Ledger;
let checking: string;
let groceries: string;
let dining: string;
let rent: string;

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' }).id;
  groceries = ledger.categories.create({ name: 'Groceries', group: 'Food', kind: 'expense' }).id;
  dining = ledger.categories.create({ name: 'Dining out', group: 'Food', kind: 'expense' }).id;
  rent = ledger.categories.create({ name: 'Rent', group: 'Home', kind: 'expense' }).id;
  ledger.categories.create({ name: 'Salary', group: 'Work', kind: 'income' });
});

function view(month: string, currency = 'USD') {
  const rows = ledger.transactions.list().map(toTransactionRow);
  return budgetView({
    month,
    currency: currencyCode(currency),
    categories: ledger.categories.list(),
    budgets: ledger.budgets.list(),
    spending: spendingOf(rows),
    rates: ledger.rateTable(),
  });
}

function lineOf(month: string, categoryId: string) {
  return view(month)
    .groups.flatMap((group) => group.lines)
    .find((line) => line.categoryId === categoryId);
}

describe('a month of the budget', () => {
  test('[BUD1][BUD3] expense categories by group, with budgeted, spent and left, totalled per group and for the month', () => {
    ledger.setBudget({ month: '2026-11', categoryId: groceries, amount: 30000, currency: 'USD' });
    ledger.setBudget({ month: '2026-11', categoryId: rent, amount: 120000, currency: 'USD' });
    ledger.transactions.create({
      date: '2026-11-03',
      amount: -4550,
      currency: 'USD',
      accountId: checking,
      categoryId: groceries,
    });
    ledger.transactions.create({
      date: '2026-11-04',
      amount: -2000,
      currency: 'USD',
      accountId: checking,
      categoryId: dining,
    });

    const november = view('2026-11');
    expect(november.groups.map((group) => [group.group, group.lines.map((line) => line.name)])).toEqual([
      ['Food', ['Dining out', 'Groceries']],
      ['Home', ['Rent']],
    ]);
    const [food] = november.groups;
    expect(food?.lines[1]).toMatchObject({
      budgeted: { amount: 30000 },
      spent: { amount: 4550 },
      available: { amount: 25450 },
      overspent: false,
    });
    expect(food?.lines[0]).toMatchObject({
      budgeted: { amount: 0 },
      spent: { amount: 2000 },
      available: { amount: -2000 },
      notBudgeted: true,
      overspent: false,
    });
    expect(food?.totals).toMatchObject({
      budgeted: { amount: 30000 },
      spent: { amount: 6550 },
      available: { amount: 23450 },
    });
    expect(november.total).toMatchObject({
      budgeted: { amount: 150000 },
      spent: { amount: 6550 },
      available: { amount: 143450 },
    });
  });

  test('[REC7] each part of a split payment counts in its own category', () => {
    ledger.transactions.create({
      date: '2026-11-10',
      amount: -5000,
      currency: 'USD',
      accountId: checking,
      splits: [
        { categoryId: groceries, amount: -3000, memo: '' },
        { categoryId: dining, amount: -2000, memo: '' },
      ],
    });
    const [food] = view('2026-11').groups;
    expect(food?.lines.map((line) => [line.name, line.spent.amount])).toEqual([
      ['Dining out', 2000],
      ['Groceries', 3000],
    ]);
  });

  test('[BUD2] a line shows whether it rolls over, and what last month left is carried into this one', () => {
    ledger.setBudget({ month: '2026-10', categoryId: groceries, amount: 20000, currency: 'USD', rollover: true });
    ledger.transactions.create({
      date: '2026-10-12',
      amount: -15000,
      currency: 'USD',
      accountId: checking,
      categoryId: groceries,
    });
    ledger.setBudget({ month: '2026-11', categoryId: groceries, amount: 20000, currency: 'USD', rollover: true });

    const line = lineOf('2026-11', groceries);
    expect(line).toMatchObject({ rollover: true, carriedOver: { amount: 5000 }, available: { amount: 25000 } });
    expect(lineOf('2026-10', dining)?.rollover).toBe(false);
  });

  test('[BUD1] spending in a currency without a rate is counted as unconverted, not guessed', () => {
    const euros = ledger.accounts.create({ name: 'Euro card', type: 'credit', currency: 'EUR' }).id;
    ledger.transactions.create({
      date: '2026-11-05',
      amount: -1000,
      currency: 'EUR',
      accountId: euros,
      categoryId: groceries,
    });
    expect(view('2026-11').unconverted).toBe(1);

    ledger.setExchangeRate({ date: '2026-11-01', from: 'EUR', to: 'USD', rate: '1.10' });
    const converted = view('2026-11');
    expect(converted.unconverted).toBe(0);
    expect(lineOf('2026-11', groceries)?.spent.amount).toBe(1100);
  });
});

test('months step across the turn of the year', () => {
  expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  expect(shiftMonth('2026-01', -1)).toBe('2025-12');
});
