import { transactionKind, validateRecord, type Ledger } from '@tally/schema';
import type { Example } from '../categorise/index.js';
import type { TransactionRow } from '../../storage/index.js';
import type { KnownTransaction } from './duplicates.js';
import { batchOf } from './import-id.js';
import type { LineToWrite } from './review.js';
import { ImportError } from './statement.js';

/**
 * Transactions per ledger update. Writing one costs the page a tenth of a millisecond or more, so
 * a batch this size keeps each task short (tens of milliseconds) while a 50,000-line import still
 * arrives in a couple of hundred updates.
 */
const BATCH = 250;
/** History the category model learns from: the newest transactions say most about the next ones. */
const HISTORY = 20_000;

/** Lets the page handle input and paint between two batches of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The account's transactions as duplicate matching needs them, read a batch at a time. */
export async function knownTransactions(ledger: Ledger, rows: readonly TransactionRow[], accountId: string): Promise<KnownTransaction[]> {
  const inAccount = rows.filter((row) => row.accountId === accountId);
  const known: KnownTransaction[] = [];
  for (let at = 0; at < inAccount.length; at += BATCH * 4) {
    for (const row of inAccount.slice(at, at + BATCH * 4)) {
      known.push({ id: row.id, date: row.date, amount: row.amount, payee: row.payee, importId: ledger.transactions.get(row.id)?.importId ?? null });
    }
    await nextTask();
  }
  return known;
}

/** The user's categorised transactions, newest first, for the on-device model to learn from. */
export function categorisedHistory(rows: readonly TransactionRow[]): Example[] {
  const history: Example[] = [];
  for (const row of rows) {
    if (history.length >= HISTORY) break;
    if (row.categoryId !== null) history.push({ payee: row.payee, notes: row.notes, amount: row.amount, categoryId: row.categoryId });
  }
  return history;
}

/**
 * Writes an import's transactions in batches, each one ledger update, so the page keeps answering.
 * Every transaction is checked before the first is written, so a refusal, naming its line, writes
 * nothing.
 */
export async function writeImport(ledger: Ledger, lines: readonly LineToWrite[], onProgress: (done: number) => void): Promise<string[]> {
  for (let at = 0; at < lines.length; at += BATCH * 4) {
    const refused = lines.slice(at, at + BATCH * 4).find(({ transaction }) => !validateRecord(transactionKind, transaction).ok);
    if (refused) throw new ImportError(refused.line, 'the ledger refuses this transaction', 'refused');
    await nextTask();
  }
  const ids: string[] = [];
  for (let at = 0; at < lines.length; at += BATCH) {
    ledger.transact(() => {
      for (const { transaction } of lines.slice(at, at + BATCH)) ids.push(ledger.transactions.create(transaction).id);
    });
    onProgress(ids.length);
    await nextTask();
  }
  return ids;
}

/** Deletes what an import wrote and is still there; a transaction since deleted or re-imported elsewhere is left alone. */
export async function undoImport(ledger: Ledger, batch: string, ids: readonly string[]): Promise<number> {
  const live = ids.filter((id) => {
    const transaction = ledger.transactions.get(id);
    return transaction !== undefined && !transaction.deleted && batchOf(transaction.importId) === batch;
  });
  for (let at = 0; at < live.length; at += BATCH) {
    ledger.transact(() => {
      for (const id of live.slice(at, at + BATCH)) ledger.transactions.delete(id);
    });
    await nextTask();
  }
  return live.length;
}
