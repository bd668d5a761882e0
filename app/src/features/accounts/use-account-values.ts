import { RateTable } from '@tally/schema';
import { useMemo } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useTransactionRows } from '../../app/use-transaction-rows.js';
import { useRecords } from '../../ledger/index.js';
import { today } from '../../ui/locale.js';
import { useHomeCurrency } from '../currencies/index.js';
import { accountBalances, type AccountBalances } from './account-balances.js';
import { accountValues, type AccountValues } from './account-values.js';

/** Every account's balance, in its own currency and today in the home currency, with net worth. */
export function useAccountValues(): AccountValues & Pick<AccountBalances, 'mismatched'> {
  const tally = useTally();
  const accounts = useRecords(tally.accounts);
  const rates = useRecords(tally.rates);
  const home = useHomeCurrency();
  const { rows } = useTransactionRows();
  const day = today();
  const { balances, mismatched } = useMemo(() => accountBalances(accounts, rows), [accounts, rows]);
  const table = useMemo(() => new RateTable(rates), [rates]);
  return useMemo(() => ({ ...accountValues(accounts, balances, table, home, day), mismatched }), [accounts, balances, table, home, day, mismatched]);
}
