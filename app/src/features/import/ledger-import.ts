import type { Ledger } from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';
import { nextTask } from '../../sync/index.js';
import type { KnownTransaction } from './duplicates.js';
import { batchOf } from './import-id.js';

/** Transactions read, or deleted in one ledger update, per task: each task stays short. */
const BATCH = 250;

/** The account's transactions as duplicate matching needs them, read a batch at a time. */
export async function knownTransactions(
  ledger: Ledger,
  rows: readonly TransactionRow[],
  accountId: string,
): Promise<KnownTransaction[]> {
  const inAccount = rows.filter((row) => row.accountId === accountId);
  const known: KnownTransaction[] = [];
  for (let at = 0; at < inAccount.length; at += BATCH * 4) {
    for (const row of inAccount.slice(at, at + BATCH * 4)) {
      known.push({
        id: row.id,
        date: row.date,
        amount: row.amount,
        payee: row.payee,
        importId: ledger.transactions.get(row.id)?.importId ?? null,
      });
    }
    await nextTask();
  }
  return known;
}

/**
 * Deletes what an import wrote and is still there, found by the batch in each transaction's import
 * id — so an import cut short, even by a closed tab, comes out whole. `rows` are the ledger's live
 * transactions (the transaction index); they are read a batch at a time, so undoing an import in a
 * 100,000-transaction ledger never holds the page for long.
 */
export async function undoImport(
  ledger: Ledger,
  rows: readonly Pick<TransactionRow, 'id'>[],
  batch: string,
): Promise<number> {
  const live: string[] = [];
  for (let at = 0; at < rows.length; at += BATCH * 4) {
    for (const { id } of rows.slice(at, at + BATCH * 4)) {
      const transaction = ledger.transactions.get(id);
      if (transaction && !transaction.deleted && batchOf(transaction.importId) === batch) live.push(id);
    }
    await nextTask();
  }
  for (let at = 0; at < live.length; at += BATCH) {
    ledger.transact(() => {
      for (const id of live.slice(at, at + BATCH)) ledger.transactions.delete(id);
    });
    await nextTask();
  }
  return live.length;
}
