import type { Ledger } from '@tally/schema';

/**
 * Puts the chosen transactions in one category, in one change, writing only their category
 * (LWW1). Transfers have no category and a split one has its parts' (REC7): both are left as
 * they are. Returns how many were changed.
 */
export function recategorise(ledger: Ledger, ids: readonly string[], categoryId: string | null): number {
  let changed = 0;
  ledger.transact(() => {
    for (const id of ids) {
      const transaction = ledger.transactions.get(id);
      if (!transaction || transaction.deleted || transaction.transferId !== null || transaction.splits.length > 0)
        continue;
      if (transaction.categoryId === categoryId) continue;
      ledger.transactions.update(id, { categoryId });
      changed++;
    }
  });
  return changed;
}
