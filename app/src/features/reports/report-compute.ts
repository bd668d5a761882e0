import {
  type Account,
  type CurrencyCode,
  categoryTrend,
  type DatedRate,
  incomeVersusExpense,
  netWorthOverTime,
  RateTable,
  type ReportInput,
  type ReportTable,
  spendingByCategory,
} from '@tally/schema';
import { displayCurrency } from '../../ledger/index.js';
import type { Period } from './report-period.js';
import type { ReportRequest, ReportResult } from './report-request.js';

/** Everything of the ledger a report reads. */
export interface ReportSources {
  readonly homeCurrency: CurrencyCode | null;
  readonly accounts: readonly (ReportInput['accounts'][number] & Pick<Account, 'archived'>)[];
  readonly categories: ReportInput['categories'];
  readonly rates: readonly DatedRate[];
  readonly transactions: ReportInput['transactions'];
}

/** What a report reads of the ledger besides its transactions: few records, sent whole when they change. */
export type ReportRecords = Omit<ReportSources, 'transactions'>;

/**
 * The rates a report over `period` may convert with: for each pair between `currency` and the
 * accounts' currencies, the one in force when the period starts and every one entered during it.
 */
export function ratesInForce(
  rates: readonly DatedRate[],
  currencies: ReadonlySet<string>,
  currency: string,
  period: Period,
): DatedRate[] {
  const relevant = rates.filter(
    (rate) =>
      (rate.from === currency && currencies.has(rate.to)) || (rate.to === currency && currencies.has(rate.from)),
  );
  const latestBefore = new Map<string, DatedRate>();
  for (const rate of relevant) {
    if (rate.date > period.from) continue;
    const pair = [rate.from, rate.to].sort().join('>');
    const known = latestBefore.get(pair);
    if (!known || known.date < rate.date) latestBefore.set(pair, rate);
  }
  const during = relevant.filter((rate) => rate.date > period.from && rate.date <= period.to);
  return [...latestBefore.values(), ...during].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.from.localeCompare(b.from),
  );
}

function tableOf(input: ReportInput, request: ReportRequest): ReportTable {
  switch (request.kind) {
    case 'spending':
      return spendingByCategory(input);
    case 'income-expense':
      return incomeVersusExpense(input);
    case 'net-worth':
      return netWorthOverTime(input);
    case 'category-trend':
      return categoryTrend(input, request.categoryId ?? '');
  }
}

/** One report over the ledger's records, or null while there is no account to report on. */
export function computeReport(sources: ReportSources, request: ReportRequest): ReportResult | null {
  const scope = request.accountIds === null ? null : new Set(request.accountIds);
  const accounts = scope === null ? sources.accounts : sources.accounts.filter((account) => scope.has(account.id));
  const currency = displayCurrency(sources.homeCurrency, accounts.length > 0 ? accounts : sources.accounts);
  if (currency === null) return null;
  const input: ReportInput = {
    currency,
    rates: new RateTable(sources.rates),
    accounts: sources.accounts,
    categories: sources.categories,
    transactions: sources.transactions,
    ...(scope && { accountIds: scope }),
    from: request.from,
    to: request.to,
  };
  const currencies = new Set(accounts.map((account) => account.currency));
  return {
    request,
    table: tableOf(input, request),
    currency,
    homeCurrencySet: sources.homeCurrency !== null,
    rates: ratesInForce(sources.rates, currencies, currency, request),
  };
}
