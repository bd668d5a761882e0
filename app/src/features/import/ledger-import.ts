import { type Ledger, transactionKind, validateRecord } from '@tally/schema';
import { type Refusal, saveForm } from '../../forms/index.js';
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

/** Lets the page handle input and paint between two batches of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

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

/** Refuses an import whose lines the ledger would not keep, naming the first such line, before anything is written. */
export async function checkImport(lines: readonly LineToWrite[]): Promise<void> {
  for (let at = 0; at < lines.length; at += BATCH * 4) {
    const refused = lines
      .slice(at, at + BATCH * 4)
      .find(({ transaction }) => !validateRecord(transactionKind, transaction).ok);
    if (refused) throw new ImportError(refused.line, 'the ledger refuses this transaction', 'refused');
    await nextTask();
  }
}

/** Writing stopped partway: `written` transactions are in the ledger (`ids`), and their import can be undone. */
export class ImportInterrupted extends Error {
  override readonly name = 'ImportInterrupted';
  readonly written: number;
  constructor(
    readonly ids: readonly string[],
    cause: unknown,
  ) {
    super(`the import stopped after ${ids.length} transactions`, { cause });
    this.written = ids.length;
  }
}

/** The ledger refused a batch as it was written (`refusal`, worded like any form's). */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
  constructor(readonly refusal: Refusal) {
    super(`the ledger refused the import: ${refusal.code}`);
  }
}

/**
 * Writes checked transactions in batches, each one ledger update saved as every form saves
 * (`saveForm`, its refusal an `ImportRefused`), so the page keeps answering;
 * the ids of those written. The ledger can still refuse one on the way (another device deleted
 * the account meanwhile), and `onProgress` may throw to stop before the next batch: any error then
 * says what was written, as `ImportInterrupted`.
 */
export async function writeImport(
  ledger: Ledger,
  lines: readonly LineToWrite[],
  onProgress: (done: number) => Promise<void> | void,
): Promise<string[]> {
  const written: string[] = [];
  try {
    for (let at = 0; at < lines.length; at += BATCH) {
      const saving = saveForm(ledger, {
        check: () => ({ fields: lines.slice(at, at + BATCH) }),
        write: (batch) => {
          for (const { transaction } of batch) written.push(ledger.transactions.create(transaction).id);
        },
        refused: (refusal) => refusal,
      });
      if ('issues' in saving) throw new ImportRefused(saving.issues);
      await onProgress(written.length);
      await nextTask();
    }
  } catch (error) {
    throw new ImportInterrupted(written, error);
  }
  return written;
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
