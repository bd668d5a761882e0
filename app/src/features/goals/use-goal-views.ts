import { RateTable } from '@tally/schema';
import { useMemo } from 'react';
import { useRecords } from '../../ledger/index.js';
import { useTally, useTransactionRows } from '../../tally/index.js';
import { today } from '../../ui/index.js';
import { type GoalView, goalViews } from './goal-view.js';

/** Every goal with its progress, live: it follows goals, contributions, accounts, rates and transactions from every device. */
export function useGoalViews(): readonly GoalView[] {
  const tally = useTally();
  const goals = useRecords(tally.goals);
  const contributions = useRecords(tally.contributions);
  const accounts = useRecords(tally.accounts);
  const rates = useRecords(tally.rates);
  const { rows } = useTransactionRows();
  const day = today();
  return useMemo(
    () => goalViews({ goals, contributions, accounts, transactions: rows, rates: new RateTable(rates), today: day }),
    [goals, contributions, accounts, rows, rates, day],
  );
}
