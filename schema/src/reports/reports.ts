import { addDays, addMonths } from '../calendar/index.js';
import { Converter, money, toDecimalString } from '../money/index.js';
import { categoryAmounts } from '../records/index.js';
import type { ReportInput, ReportTable, ReportTransaction } from './report-input.js';

function inScope(input: ReportInput, accountId: string): boolean {
  return !input.accountIds || input.accountIds.has(accountId);
}

/**
 * The transactions a report counts: in its period and accounts, less transfers between two of
 * its accounts, which move money without earning or spending it.
 */
function counted(input: ReportInput): ReportTransaction[] {
  // Only transfer legs are looked up: a map of every transaction cost more than the report itself.
  const transferLegs = new Map<string, string>();
  for (const transaction of input.transactions) {
    if (transaction.transferId !== null) transferLegs.set(transaction.id, transaction.accountId);
  }
  return input.transactions.filter((transaction) => {
    if (transaction.date < input.from || transaction.date > input.to || !inScope(input, transaction.accountId))
      return false;
    const otherLeg = transaction.transferId === null ? undefined : transferLegs.get(transaction.transferId);
    return otherLeg === undefined || !inScope(input, otherLeg);
  });
}

function months(from: string, to: string): string[] {
  const list: string[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month.slice(0, 7) <= to.slice(0, 7); month = addMonths(month, 1))
    list.push(month.slice(0, 7));
  return list;
}

/** Amounts go out as exact decimal strings ("-1234.50"): a chart may draw them, a spreadsheet reads them exactly. */
function decimal(minorUnits: number, input: ReportInput): string {
  return toDecimalString(money(minorUnits, input.currency));
}

/** Spending per category over the period, largest first (REP1). */
export function spendingByCategory(input: ReportInput): ReportTable {
  const converter = new Converter(input.rates, input.currency);
  const spent = new Map<string | null, number>();
  for (const transaction of counted(input)) {
    for (const part of categoryAmounts(transaction)) {
      const amount = converter.minorUnits(part.amount, transaction.currency, transaction.date);
      if (amount !== undefined) spent.set(part.categoryId, (spent.get(part.categoryId) ?? 0) - amount);
    }
  }
  const names = new Map(input.categories.map((category) => [category.id, category]));
  const rows = [...spent]
    .filter(([id, amount]) => amount !== 0 && (id === null || names.get(id)?.kind !== 'income'))
    .sort(([, a], [, b]) => b - a)
    .map(
      ([id, amount]) =>
        [id === null ? 'Uncategorised' : (names.get(id)?.name ?? 'Unknown category'), decimal(amount, input)] as const,
    );
  return { columns: ['category', `spent (${input.currency})`], rows, unconverted: converter.unconverted };
}

/** Income and expense per month, and what was left (REP2). */
export function incomeVersusExpense(input: ReportInput): ReportTable {
  const converter = new Converter(input.rates, input.currency);
  const totals = new Map(months(input.from, input.to).map((month) => [month, { income: 0, expense: 0 }]));
  for (const transaction of counted(input)) {
    const amount = converter.minorUnits(transaction.amount, transaction.currency, transaction.date);
    const month = totals.get(transaction.date.slice(0, 7));
    if (amount === undefined || !month) continue;
    if (amount > 0) month.income += amount;
    else month.expense -= amount;
  }
  const rows = [...totals].map(
    ([month, { income, expense }]) =>
      [month, decimal(income, input), decimal(expense, input), decimal(income - expense, input)] as const,
  );
  return {
    columns: ['month', `income (${input.currency})`, `expense (${input.currency})`, `net (${input.currency})`],
    rows,
    unconverted: converter.unconverted,
  };
}

/**
 * Net worth at the end of each month (REP3): every account's opening balance plus its
 * transactions to that day, each account converted at the month end's rate.
 */
export function netWorthOverTime(input: ReportInput): ReportTable {
  const monthList = months(input.from, input.to);
  const accounts = input.accounts.filter((account) => inScope(input, account.id));
  // balances[account][i]: the account's change during monthList[i]; before the first month goes into `opening`.
  const opening = new Map(accounts.map((account) => [account.id, account.openingBalance]));
  const changes = new Map(accounts.map((account) => [account.id, new Array<number>(monthList.length).fill(0)]));
  const firstMonth = monthList[0] ?? input.from.slice(0, 7);
  const monthIndex = new Map(monthList.map((month, i) => [month, i]));
  const currencies = new Map(accounts.map((account) => [account.id, account.currency]));
  for (const transaction of input.transactions) {
    const currency = currencies.get(transaction.accountId);
    if (currency === undefined || currency !== transaction.currency || transaction.date > input.to) continue;
    const month = transaction.date.slice(0, 7);
    if (month < firstMonth)
      opening.set(transaction.accountId, (opening.get(transaction.accountId) ?? 0) + transaction.amount);
    else {
      const list = changes.get(transaction.accountId);
      const i = monthIndex.get(month);
      if (list && i !== undefined) list[i] = (list[i] ?? 0) + transaction.amount;
    }
  }
  const converter = new Converter(input.rates, input.currency);
  const running = new Map(opening);
  const rows = monthList.map((month, i) => {
    const lastDay = addDays(addMonths(`${month}-01`, 1), -1);
    // biome-ignore lint/complexity/useMathMinMax: these are ISO dates, compared as text.
    const monthEnd = lastDay > input.to ? input.to : lastDay;
    let total = 0;
    for (const account of accounts) {
      const balance = (running.get(account.id) ?? 0) + (changes.get(account.id)?.[i] ?? 0);
      running.set(account.id, balance);
      total += converter.minorUnits(balance, account.currency, monthEnd) ?? 0;
    }
    return [month, decimal(total, input)] as const;
  });
  return { columns: ['month', `net worth (${input.currency})`], rows, unconverted: converter.unconverted };
}

/** One category's spending per month (REP4). */
export function categoryTrend(input: ReportInput, categoryId: string): ReportTable {
  const converter = new Converter(input.rates, input.currency);
  const totals = new Map(months(input.from, input.to).map((month) => [month, 0]));
  for (const transaction of counted(input)) {
    for (const part of categoryAmounts(transaction)) {
      if (part.categoryId !== categoryId) continue;
      const amount = converter.minorUnits(part.amount, transaction.currency, transaction.date);
      const month = transaction.date.slice(0, 7);
      if (amount !== undefined && totals.has(month)) totals.set(month, (totals.get(month) ?? 0) - amount);
    }
  }
  const rows = [...totals].map(([month, amount]) => [month, decimal(amount, input)] as const);
  return { columns: ['month', `spent (${input.currency})`], rows, unconverted: converter.unconverted };
}
