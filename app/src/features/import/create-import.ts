import { createTransactions, type Ledger, type Timestamp } from '@tally/schema';
import { type TransactionRow, toTransactionRow } from '../../storage/index.js';
import type { LineToWrite } from './review.js';
import { ImportError } from './statement.js';

/** An import created as one update (SPEC REC11), as consecutive slices with their index rows. */
export interface CreatedImport {
  readonly slices: readonly { readonly update: Uint8Array; readonly rows: readonly TransactionRow[] }[];
}

/**
 * Transactions per slice of the created update: applying one keeps the page busy for a few
 * tens of milliseconds at most, so it answers between slices.
 */
const PER_SLICE = 250;

/**
 * Creates an import's transactions for the ledger's writer `node`, continuing its clock from
 * `after` — in the import worker, off the page. A line the schema refuses refuses the import
 * whole, naming the line.
 */
export function createImport(lines: readonly LineToWrite[], node: string, after: Timestamp): CreatedImport {
  const created = createTransactions(
    lines.map((line) => line.transaction),
    { node, after },
    PER_SLICE,
  );
  if (!created.ok) {
    throw new ImportError(lines[created.index]?.line ?? 0, 'the ledger refuses this transaction', 'refused');
  }
  return {
    slices: created.slices.map((update, i) => ({
      update,
      rows: created.records.slice(i * PER_SLICE, (i + 1) * PER_SLICE).map(toTransactionRow),
    })),
  };
}

/** Refuses an import naming an account or category the ledger does not hold, naming its first such line. */
export function checkImport(ledger: Ledger, lines: readonly LineToWrite[]): void {
  const refused = ledger.refusedTransaction(lines.map((line) => line.transaction));
  if (refused) {
    throw new ImportError(lines[refused.index]?.line ?? 0, 'the ledger refuses this transaction', 'refused');
  }
}
