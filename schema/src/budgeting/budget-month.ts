import { addMonths, monthIndex } from '../calendar/index.js';
import { Converter, type CurrencyCode, type Money, money, type RateTable } from '../money/index.js';
import { type Budget, type Category, categoryAmounts, type Transaction } from '../records/index.js';

type Spending = Pick<Transaction, 'date' | 'amount' | 'currency' | 'categoryId' | 'splits'>;

export interface BudgetMonthInput {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Everything is shown in this currency, converted with the rate of each transaction's day. */
  readonly currency: CurrencyCode;
  readonly categories: readonly (Category & { readonly id: string })[];
  /** Live budgets of every month: roll-over reaches back to a category's first budget. */
  readonly budgets: readonly Budget[];
  /** Live transactions. */
  readonly transactions: readonly Spending[];
  readonly rates: RateTable;
}

export interface BudgetLine {
  readonly categoryId: string;
  readonly name: string;
  readonly group: string;
  readonly budgeted: Money;
  /** Left over (or overspent) from last month, when last month's budget rolls over. */
  readonly carriedOver: Money;
  /** Spending less refunds. */
  readonly spent: Money;
  readonly available: Money;
  /** No amount budgeted this month and nothing carried into it (BUD5). */
  readonly notBudgeted: boolean;
  /** A budget exists and is exceeded (BUD5). */
  readonly overspent: boolean;
}

export interface BudgetTotals {
  readonly budgeted: Money;
  readonly carriedOver: Money;
  readonly spent: Money;
  readonly available: Money;
}

/** Money received that is not yet given a job (BUD7). */
export interface ToBudget {
  /** Money into income categories this month, less money back out of them. */
  readonly income: Money;
  /** What every expense category is budgeted this month. */
  readonly budgeted: Money;
  /** What was left to budget at the end of last month, or budgeted beyond what came in (below zero). */
  readonly carriedOver: Money;
  /** `carriedOver + income − budgeted`; below zero, more is budgeted than was received. */
  readonly available: Money;
}

export interface BudgetMonth {
  readonly month: string;
  readonly lines: readonly BudgetLine[];
  readonly toBudget: ToBudget;
  readonly groups: readonly (BudgetTotals & { readonly group: string })[];
  readonly total: BudgetTotals;
  /** Transactions and budgets left out for want of an exchange rate. */
  readonly unconverted: number;
}

function previousMonth(month: string): string {
  return addMonths(`${month}-01`, -1).slice(0, 7);
}

function nextMonth(month: string): string {
  return addMonths(`${month}-01`, 1).slice(0, 7);
}

/**
 * Budgeted, carried over, spent and available per expense category for one month (SPEC BUD1–BUD3),
 * with totals per category group and overall, and what is left to budget (BUD7). Exact integer arithmetic throughout.
 */
export function budgetMonth(input: BudgetMonthInput): BudgetMonth {
  const { currency } = input;
  const converter = new Converter(input.rates, currency);

  const kinds = new Map(input.categories.map((category) => [category.id, category.kind]));
  const toBudget = { income: 0, budgeted: 0, incomeBefore: 0, budgetedBefore: 0 };

  // spent[category][month]: money out less money back, in the display currency.
  const spent = new Map<string, Map<string, number>>();
  const last = monthIndex(input.month);
  for (const transaction of input.transactions) {
    const index = monthIndex(transaction.date.slice(0, 7));
    if (index > last) continue;
    for (const part of categoryAmounts(transaction)) {
      if (part.categoryId === null) continue;
      const amount = converter.minorUnits(part.amount, transaction.currency, transaction.date);
      if (amount === undefined) continue;
      if (kinds.get(part.categoryId) === 'income') {
        if (index === last) toBudget.income += amount;
        else toBudget.incomeBefore += amount;
      }
      const byMonth = spent.get(part.categoryId) ?? new Map<string, number>();
      const month = transaction.date.slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) - amount);
      spent.set(part.categoryId, byMonth);
    }
  }

  const budgeted = new Map<string, Map<string, { amount: number; rollover: boolean }>>();
  for (const budget of input.budgets) {
    if (monthIndex(budget.month) > last) continue;
    const amount = converter.minorUnits(budget.amount, budget.currency, `${budget.month}-01`);
    if (amount === undefined) continue;
    if (kinds.get(budget.categoryId) === 'expense') {
      if (budget.month === input.month) toBudget.budgeted += amount;
      else toBudget.budgetedBefore += amount;
    }
    const byMonth = budgeted.get(budget.categoryId) ?? new Map<string, { amount: number; rollover: boolean }>();
    const current = byMonth.get(budget.month);
    byMonth.set(budget.month, {
      amount: (current?.amount ?? 0) + amount,
      rollover: (current?.rollover ?? false) || budget.rollover,
    });
    budgeted.set(budget.categoryId, byMonth);
  }

  // carried(m) = available(m − 1) when month m − 1 rolls over, else 0 (BUD2): walk back to the
  // start of the run of rolling months, then forward, each month passing on what it has left.
  const carriedInto = (categoryId: string): number => {
    const months = budgeted.get(categoryId);
    let start = input.month;
    while (months?.get(previousMonth(start))?.rollover) start = previousMonth(start);
    let carried = 0;
    for (let month = start; month !== input.month; month = nextMonth(month)) {
      carried += (months?.get(month)?.amount ?? 0) - (spent.get(categoryId)?.get(month) ?? 0);
    }
    return carried;
  };

  const lines: BudgetLine[] = [];
  for (const category of input.categories) {
    if (category.kind !== 'expense') continue;
    const planned = budgeted.get(category.id)?.get(input.month)?.amount ?? 0;
    const used = spent.get(category.id)?.get(input.month) ?? 0;
    const carriedOver = carriedInto(category.id);
    if (planned === 0 && used === 0 && carriedOver === 0 && category.archived) continue;
    const available = planned + carriedOver - used;
    const notBudgeted = planned === 0 && carriedOver === 0 && !budgeted.get(category.id)?.has(input.month);
    lines.push({
      categoryId: category.id,
      name: category.name,
      group: category.group,
      budgeted: money(planned, currency),
      carriedOver: money(carriedOver, currency),
      spent: money(used, currency),
      available: money(available, currency),
      notBudgeted,
      overspent: !notBudgeted && available < 0,
    });
  }

  const totalsOf = (of: readonly BudgetLine[]): BudgetTotals => ({
    budgeted: money(
      of.reduce((sum, line) => sum + line.budgeted.amount, 0),
      currency,
    ),
    carriedOver: money(
      of.reduce((sum, line) => sum + line.carriedOver.amount, 0),
      currency,
    ),
    spent: money(
      of.reduce((sum, line) => sum + line.spent.amount, 0),
      currency,
    ),
    available: money(
      of.reduce((sum, line) => sum + line.available.amount, 0),
      currency,
    ),
  });
  const groupNames = [...new Set(lines.map((line) => line.group))].sort();
  const carriedToBudget = toBudget.incomeBefore - toBudget.budgetedBefore;
  return {
    month: input.month,
    lines,
    toBudget: {
      income: money(toBudget.income, currency),
      budgeted: money(toBudget.budgeted, currency),
      carriedOver: money(carriedToBudget, currency),
      available: money(carriedToBudget + toBudget.income - toBudget.budgeted, currency),
    },
    groups: groupNames.map((group) => ({ group, ...totalsOf(lines.filter((line) => line.group === group)) })),
    total: totalsOf(lines),
    unconverted: converter.unconverted,
  };
}
