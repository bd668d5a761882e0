import { useSyncExternalStore } from 'react';
import type { TransactionIndexSnapshot } from '../storage/index.js';
import { useTally } from './tally-context.js';

/** The transaction index, newest first; renders again when any transaction changes. */
export function useTransactionRows(): TransactionIndexSnapshot {
  const { transactions } = useTally();
  return useSyncExternalStore(transactions.subscribe, transactions.getSnapshot);
}
