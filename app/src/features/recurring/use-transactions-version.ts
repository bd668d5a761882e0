import { useSyncExternalStore } from 'react';
import { useTally } from '../../tally/index.js';

/**
 * Renders again whenever any transaction changes, here or on another device: occurrences are
 * transactions, so a skip or an edit shows at once. Returns the index snapshot as a version.
 */
export function useTransactionsVersion(): object {
  const { transactions } = useTally();
  return useSyncExternalStore(transactions.subscribe, transactions.getSnapshot);
}
