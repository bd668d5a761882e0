import {
  addMonths,
  type Budget,
  type BudgetLine,
  type BudgetTotals,
  budgetMonth,
  type Category,
  type CurrencyCode,
  isCurrencyCode,
  type LedgerRecord,
  type RateTable,
  type ToBudget,
  type Transaction,
} from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';

export interface BudgetLineView extends BudgetLine {
  /** Whether this month's budget carries what is left into the next month (BUD2). */
  readonly rollover: boolean;
}

export interface BudgetGroupView {
  /** The category group's name; empty for categories in no group. */
  readonly group: string;
  readonly lines: readonly BudgetLineView[];
  readonly totals: BudgetTotals;
}

export interface BudgetView {
  readonly month: string;
  readonly currency: CurrencyCode;
  readonly groups: readonly BudgetGroupView[];
  readonly total: BudgetTotals;
  /** What is available to budget this month (BUD7). */
  readonly toBudget: ToBudget;
  /** Transactions and budgets left out for want of an exchange rate (BUD1): said on screen, never dropped silently. */
  readonly unconverted: number;
}

export interface BudgetViewInput {
  readonly month: string;
  readonly currency: CurrencyCode;
  readonly categories: readonly LedgerRecord<Category>[];
  readonly budgets: readonly LedgerRecord<Budget>[];
  readonly spending: readonly Spending[];
  readonly rates: RateTable;
}

export type Spending = Pick<Transaction, 'date' | 'amount' | 'currency' | 'categoryId' | 'splits'>;

/** One month of the budget, its lines grouped by category group and totalled (BUD1–BUD3). */
export function budgetView(input: BudgetViewInput): BudgetView {
  const month = budgetMonth({
    month: input.month,
    currency: input.currency,
    categories: input.categories,
    budgets: input.budgets,
    transactions: input.spending,
    rates: input.rates,
  });
  const rolling = new Set(
    input.budgets
      .filter((budget) => budget.month === input.month && budget.rollover)
      .map((budget) => budget.categoryId),
  );
  const lines = [...month.lines]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((line) => ({ ...line, rollover: rolling.has(line.categoryId) }));
  return {
    month: input.month,
    currency: input.currency,
    groups: month.groups.map(({ group, ...totals }) => ({
      group,
      lines: lines.filter((line) => line.group === group),
      totals,
    })),
    total: month.total,
    toBudget: month.toBudget,
    unconverted: month.unconverted,
  };
}

/** What the budget counts of each transaction: split parts each in their category (REC7). */
export function spendingOf(rows: readonly TransactionRow[]): Spending[] {
  return rows.flatMap((row) => {
    const { currency } = row;
    if (!isCurrencyCode(currency)) return [];
    return [{ date: row.date, amount: row.amount, currency, categoryId: row.categoryId, splits: row.splits }];
  });
}

/** The `YYYY-MM` month `delta` months from `month`. */
export function shiftMonth(month: string, delta: number): string {
  return addMonths(`${month}-01`, delta).slice(0, 7);
}
