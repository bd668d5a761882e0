import { describe, expect, it } from 'vitest';
import { currencyCode, money, RateTable } from '../money/index.js';
import type { Budget, Category, Transaction } from '../records/index.js';
import { type BudgetMonthInput, budgetMonth } from './budget-month.js';

const EUR = currencyCode('EUR');
const USD = currencyCode('USD');
const GROCERIES = 'GroceriesGroceriesGroc';
const RENT = 'RentRentRentRentRentRe';
const SALARY = 'SalarySalarySalarySala';

const categories: (Category & { id: string })[] = [
  { id: GROCERIES, name: 'Groceries', group: 'Daily', kind: 'expense', archived: false },
  { id: RENT, name: 'Rent', group: 'Home', kind: 'expense', archived: false },
  { id: SALARY, name: 'Salary', group: 'Income', kind: 'income', archived: false },
];

function spend(
  date: string,
  amount: number,
  categoryId: string | null,
  currency = EUR,
): Pick<Transaction, 'date' | 'amount' | 'currency' | 'categoryId' | 'splits'> {
  return { date, amount, currency, categoryId, splits: [] };
}

function budget(month: string, categoryId: string, amount: number, rollover = false): Budget {
  return { month, categoryId, amount, currency: EUR, rollover };
}

function month(overrides: Partial<BudgetMonthInput>): ReturnType<typeof budgetMonth> {
  return budgetMonth({
    month: '2026-03',
    currency: EUR,
    categories,
    budgets: [],
    transactions: [],
    rates: new RateTable([]),
    ...overrides,
  });
}

function line(result: ReturnType<typeof budgetMonth>, categoryId: string) {
  return result.lines.find((l) => l.categoryId === categoryId);
}

describe('a month of the budget', () => {
  it('[BUD1] shows budgeted, spent and what is left, to the cent', () => {
    const result = month({
      budgets: [budget('2026-03', GROCERIES, 40_000)],
      transactions: [
        spend('2026-03-02', -12_345, GROCERIES),
        spend('2026-03-20', -7_655, GROCERIES),
        spend('2026-02-28', -99_999, GROCERIES),
      ],
    });
    expect(line(result, GROCERIES)).toMatchObject({
      budgeted: money(40_000, 'EUR'),
      spent: money(20_000, 'EUR'),
      available: money(20_000, 'EUR'),
      overspent: false,
    });
  });

  it('[BUD1] a refund lowers what was spent; income categories are not budget lines', () => {
    const result = month({
      budgets: [budget('2026-03', GROCERIES, 10_000)],
      transactions: [
        spend('2026-03-02', -6_000, GROCERIES),
        spend('2026-03-05', 1_500, GROCERIES),
        spend('2026-03-25', 300_000, SALARY),
      ],
    });
    expect(line(result, GROCERIES)?.spent).toEqual(money(4_500, 'EUR'));
    expect(line(result, SALARY)).toBeUndefined();
  });

  it('[BUD5] a category without a budget is not budgeted, never overspent, however much was spent', () => {
    const result = month({ transactions: [spend('2026-03-01', -97_500, RENT)] });
    expect(line(result, RENT)).toMatchObject({
      budgeted: money(0, 'EUR'),
      spent: money(97_500, 'EUR'),
      notBudgeted: true,
      overspent: false,
    });
    expect(line(result, GROCERIES)).toMatchObject({ notBudgeted: true, overspent: false });
  });

  it('[BUD5] a category overspent last month and rolled over is budgeted, and overspent', () => {
    const result = month({
      budgets: [budget('2026-02', RENT, 10_000, true)],
      transactions: [spend('2026-02-01', -15_000, RENT)],
    });
    expect(line(result, RENT)).toMatchObject({ notBudgeted: false, overspent: true });
  });

  it('[BUD1] shows overspending as a negative amount available', () => {
    const result = month({
      budgets: [budget('2026-03', RENT, 95_000)],
      transactions: [spend('2026-03-01', -97_500, RENT)],
    });
    expect(line(result, RENT)).toMatchObject({ available: money(-2_500, 'EUR'), notBudgeted: false, overspent: true });
  });

  it('[BUD1] counts each part of a split in its own category', () => {
    const split: Pick<Transaction, 'date' | 'amount' | 'currency' | 'categoryId' | 'splits'> = {
      date: '2026-03-03',
      amount: -10_000,
      currency: EUR,
      categoryId: null,
      splits: [
        { categoryId: GROCERIES, amount: -7_000, memo: '' },
        { categoryId: RENT, amount: -3_000, memo: '' },
      ],
    };
    const result = month({ transactions: [split] });
    expect(line(result, GROCERIES)?.spent).toEqual(money(7_000, 'EUR'));
    expect(line(result, RENT)?.spent).toEqual(money(3_000, 'EUR'));
  });

  it('[BUD2] rolls over what is left, month after month, while each month rolls over', () => {
    const result = month({
      budgets: [
        budget('2026-01', GROCERIES, 30_000, true),
        budget('2026-02', GROCERIES, 30_000, true),
        budget('2026-03', GROCERIES, 30_000),
      ],
      transactions: [
        spend('2026-01-10', -25_000, GROCERIES),
        spend('2026-02-10', -28_000, GROCERIES),
        spend('2026-03-10', -10_000, GROCERIES),
      ],
    });
    expect(line(result, GROCERIES)).toMatchObject({
      carriedOver: money(7_000, 'EUR'),
      available: money(27_000, 'EUR'),
    });
  });

  it('[BUD2] rolls an overspent month over as less to spend next month', () => {
    const result = month({
      budgets: [budget('2026-02', GROCERIES, 30_000, true), budget('2026-03', GROCERIES, 30_000)],
      transactions: [spend('2026-02-10', -34_000, GROCERIES)],
    });
    expect(line(result, GROCERIES)).toMatchObject({
      carriedOver: money(-4_000, 'EUR'),
      available: money(26_000, 'EUR'),
    });
  });

  it('[BUD2] carries nothing from a month that does not roll over, nor past one', () => {
    const result = month({
      budgets: [
        budget('2026-01', GROCERIES, 50_000, true),
        budget('2026-02', GROCERIES, 30_000, false),
        budget('2026-03', GROCERIES, 30_000),
      ],
      transactions: [spend('2026-02-10', -10_000, GROCERIES)],
    });
    expect(line(result, GROCERIES)?.carriedOver).toEqual(money(0, 'EUR'));
  });

  it('[BUD3] totals lines per category group and overall', () => {
    const result = month({
      budgets: [budget('2026-03', GROCERIES, 40_000), budget('2026-03', RENT, 95_000)],
      transactions: [spend('2026-03-02', -10_000, GROCERIES), spend('2026-03-01', -95_000, RENT)],
    });
    expect(result.groups.map((group) => [group.group, group.available.amount])).toEqual([
      ['Daily', 30_000],
      ['Home', 0],
    ]);
    expect(result.total).toEqual({
      budgeted: money(135_000, 'EUR'),
      carriedOver: money(0, 'EUR'),
      spent: money(105_000, 'EUR'),
      available: money(30_000, 'EUR'),
    });
  });

  it('[BUD1] converts spending in another currency with the rate of its day, and counts what it cannot convert', () => {
    const rates = new RateTable([{ date: '2026-03-01', from: USD, to: EUR, rate: '0.9' }]);
    const result = month({
      rates,
      budgets: [budget('2026-03', GROCERIES, 40_000)],
      transactions: [
        spend('2026-03-05', -10_000, GROCERIES, USD),
        spend('2026-03-06', -1_000, GROCERIES, currencyCode('JPY')),
      ],
    });
    expect(line(result, GROCERIES)?.spent).toEqual(money(9_000, 'EUR'));
    expect(result.unconverted).toBe(1);
  });
});

describe('available to budget', () => {
  it('[BUD7] is this month’s income less what is budgeted this month', () => {
    const result = month({
      budgets: [budget('2026-03', GROCERIES, 40_000), budget('2026-03', RENT, 100_000)],
      transactions: [spend('2026-03-01', 250_000, SALARY), spend('2026-03-05', -12_000, GROCERIES)],
    });
    expect(result.toBudget).toEqual({
      income: money(250_000, 'EUR'),
      budgeted: money(140_000, 'EUR'),
      carriedOver: money(0, 'EUR'),
      available: money(110_000, 'EUR'),
    });
  });

  it('[BUD7] carries what was left to budget, or budgeted beyond income, into the next month', () => {
    const result = month({
      budgets: [budget('2026-01', RENT, 100_000), budget('2026-02', RENT, 100_000), budget('2026-03', RENT, 100_000)],
      transactions: [spend('2026-01-31', 250_000, SALARY), spend('2026-03-31', 20_000, SALARY)],
    });
    expect(result.toBudget.carriedOver).toEqual(money(50_000, 'EUR'));
    expect(result.toBudget.available).toEqual(money(-30_000, 'EUR'));
  });

  it('[BUD7] counts neither transfers, uncategorised money, spending nor a later month’s budget as income', () => {
    const result = month({
      budgets: [budget('2026-04', RENT, 100_000)],
      transactions: [
        spend('2026-03-02', 90_000, null),
        spend('2026-03-03', -5_000, GROCERIES),
        spend('2026-03-04', 7_000, GROCERIES),
        spend('2026-04-01', 250_000, SALARY),
      ],
    });
    expect(result.toBudget.income).toEqual(money(0, 'EUR'));
    expect(result.toBudget.available).toEqual(money(0, 'EUR'));
  });

  it('[BUD7] counts each split part of income in its own category, less money paid back out of income', () => {
    const result = month({
      transactions: [
        {
          date: '2026-03-01',
          amount: 300_000,
          currency: EUR,
          categoryId: null,
          splits: [
            { categoryId: SALARY, amount: 280_000, memo: '' },
            { categoryId: GROCERIES, amount: 20_000, memo: '' },
          ],
        },
        spend('2026-03-10', -30_000, SALARY),
      ],
    });
    expect(result.toBudget.income).toEqual(money(250_000, 'EUR'));
  });

  it('[BUD7] converts income in another currency with the rate of its day, and counts what it cannot convert', () => {
    const result = month({
      rates: new RateTable([{ from: USD, to: EUR, date: '2026-03-01', rate: '0.5' }]),
      transactions: [spend('2026-03-02', 100_000, SALARY, USD), spend('2026-02-02', 100_000, SALARY, USD)],
    });
    expect(result.toBudget.income).toEqual(money(50_000, 'EUR'));
    expect(result.unconverted).toBe(1);
  });
});
