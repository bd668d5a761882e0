import { accountBalances, RateTable } from '@tally/schema';
import { useMemo } from 'react';
import { useRecords } from '../../ledger/index.js';
import { useHomeCurrency, useTally, useTransactionRows } from '../../tally/index.js';
import { today } from '../../ui/index.js';
import { type AccountValues, accountValues, mismatchedByAccount } from './account-values.js';

/** Every account's balance, in its own currency and today in the home currency, with net worth. */
export function useAccountValues(): AccountValues & { readonly mismatched: ReadonlyMap<string, number> } {
  const tally = useTally();
  const accounts = useRecords(tally.accounts);
  const rates = useRecords(tally.rates);
  const home = useHomeCurrency();
  const { rows } = useTransactionRows();
  const day = today();
  const { balances, mismatched } = useMemo(() => {
    const found = accountBalances(accounts, rows);
    return { balances: found.balances, mismatched: mismatchedByAccount(found.mismatched) };
  }, [accounts, rows]);
  const table = useMemo(() => new RateTable(rates), [rates]);
  return useMemo(
    () => ({ ...accountValues(accounts, balances, table, home, day), mismatched }),
    [accounts, balances, table, home, day, mismatched],
  );
}
