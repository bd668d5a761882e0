import type { Ledger } from '@tally/schema';

/** The transactions with these ids, and the other leg of each transfer among them. */
function withTransferLegs(ledger: Ledger, ids: readonly string[]): Set<string> {
  const all = new Set<string>();
  for (const id of ids) {
    all.add(id);
    const other = ledger.transactions.get(id)?.transferId;
    if (other) all.add(other);
  }
  return all;
}

/** Deletes transactions in one change (REC5), a transfer's two legs together. */
export function deleteTransactions(ledger: Ledger, ids: readonly string[]): void {
  const all = withTransferLegs(ledger, ids);
  ledger.transact(() => {
    for (const id of all) if (ledger.transactions.get(id)?.deleted === false) ledger.transactions.delete(id);
  });
}

/** Brings deleted transactions back in one change, every field as it was (REC5), a transfer's two legs together. */
export function restoreTransactions(ledger: Ledger, ids: readonly string[]): void {
  const all = withTransferLegs(ledger, ids);
  ledger.transact(() => {
    for (const id of all) if (ledger.transactions.get(id)?.deleted === true) ledger.transactions.restore(id);
  });
}
