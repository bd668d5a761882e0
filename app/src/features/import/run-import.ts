import type { Ledger } from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';
import { nextTask } from '../../sync/index.js';
import type { CreatedImport } from './create-import.js';
import { importsBeingWritten } from './imports-being-written.js';
import { undoImport } from './ledger-import.js';
import type { RecentImport, RecentImports } from './recent-imports.js';

/** Where an import is written: the ledger, and the transaction index that shows it. */
export interface ImportTarget {
  readonly ledger: Ledger;
  /** The origin of an update stored on the device by other means (`Tally.stored`). */
  readonly origin: unknown;
  /** Hands the index the rows of transactions about to arrive (`TransactionIndex.expect`). */
  expect(rows: readonly TransactionRow[]): void;
}

export type ImportOutcome =
  | { readonly kind: 'written'; readonly entry: RecentImport }
  /** The import was undone (in another tab) while it was written: what it wrote is removed. */
  | { readonly kind: 'undone'; readonly entry: RecentImport };

/**
 * Writes an import all or nothing (SPEC REC11). It is remembered among the recent imports, then
 * `create` makes it and stores it on the device whole, in one write; only then is it applied to
 * the ledger slice by slice, so the page keeps answering. A refused line or a failed store
 * (`create` rejects) leaves nothing, not even the entry; a tab closed while the slices are
 * applied leaves the whole import stored, complete and undoable.
 *
 * While it is applied, the batch is among `importsBeingWritten`, so this page offers no undo for
 * it. Another tab can still undo it: once every slice is in, the writer sees that and removes the
 * import, so an undone import ends with none of its transactions.
 */
export async function runImport(
  target: ImportTarget,
  recent: RecentImports,
  started: RecentImport,
  create: () => Promise<CreatedImport>,
  onProgress: (done: number) => Promise<void> | void,
): Promise<ImportOutcome> {
  const { batch, total } = started;
  importsBeingWritten.add(batch);
  try {
    await recent.add({ ...started, count: 0, complete: false });
    let created: CreatedImport;
    try {
      created = await create();
    } catch (error) {
      await recent.forget(batch).catch(() => undefined);
      throw error;
    }
    // Stored whole: should the tab close now, the next start reads all of it.
    const stands = await recent.progress(batch, { count: total, complete: true }).catch(() => true);
    let done = 0;
    for (const slice of created.slices) {
      target.expect(slice.rows);
      target.ledger.addCreated(slice.update, target.origin);
      done += slice.rows.length;
      await onProgress(done);
      await nextTask();
    }
    const ids = created.slices.flatMap((slice) => slice.rows.map((row) => row.id));
    if (!stands || !(await recent.progress(batch, {}).catch(() => true)))
      return await removeUndone(target, started, ids);
    return { kind: 'written', entry: { ...started, count: total, complete: true } };
  } finally {
    importsBeingWritten.delete(batch);
  }
}

/** Removes an import undone meanwhile: the undo elsewhere may not have seen all of it. */
async function removeUndone(
  target: ImportTarget,
  started: RecentImport,
  written: readonly string[],
): Promise<ImportOutcome> {
  await undoImport(
    target.ledger,
    written.map((id) => ({ id })),
    started.batch,
  );
  return { kind: 'undone', entry: { ...started, count: 0, complete: false, undone: true } };
}
