import { RateTable } from '@tally/schema';
import { useMemo } from 'react';
import { useRecords } from '../../ledger/index.js';
import { useChosenHomeCurrency, useHomeCurrency, useTally, useTransactionRows } from '../../tally/index.js';
import { type BudgetView, budgetView, spendingOf } from './budget-view.js';

export interface BudgetScreenState {
  /** Null until there is a currency to budget in: no home currency and no account yet. */
  readonly view: BudgetView | null;
  /** True while the budget is shown in the accounts' currency because no home currency is chosen. */
  readonly currencyAssumed: boolean;
  /** False until every stored transaction has been read, so spending is not yet complete. */
  readonly complete: boolean;
}

/** One month of the budget, live: it follows budgets, categories, rates and transactions from every device. */
export function useBudgetView(month: string): BudgetScreenState {
  const tally = useTally();
  const categories = useRecords(tally.categories);
  const budgets = useRecords(tally.budgets);
  const rates = useRecords(tally.rates);
  const chosen = useChosenHomeCurrency();
  const currency = useHomeCurrency();
  const { rows, loaded } = useTransactionRows();
  const rateTable = useMemo(() => new RateTable(rates), [rates]);
  const spending = useMemo(() => spendingOf(rows), [rows]);
  const view = useMemo(
    () => (currency === null ? null : budgetView({ month, currency, categories, budgets, spending, rates: rateTable })),
    [month, currency, categories, budgets, spending, rateTable],
  );
  return { view, currencyAssumed: chosen === null, complete: loaded };
}
