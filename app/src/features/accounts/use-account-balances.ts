import { useMemo } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useTransactionRows } from '../../app/use-transaction-rows.js';
import { useRecords } from '../../ledger/index.js';
import { accountBalances } from './account-balances.js';

/** Each account's balance in minor units of its own currency. */
export function useAccountBalances(): ReadonlyMap<string, number> {
  const tally = useTally();
  const accounts = useRecords(tally.accounts);
  const { rows } = useTransactionRows();
  return useMemo(() => {
    const { balances } = accountBalances(accounts, rows);
    return new Map([...balances].map(([id, balance]) => [id, balance.amount]));
  }, [accounts, rows]);
}
