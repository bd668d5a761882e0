import type { Ledger } from '@tally/schema';
import { importsBeingWritten } from './imports-being-written.js';
import { checkImport, ImportInterrupted, undoImport, writeImport } from './ledger-import.js';
import type { RecentImport, RecentImports } from './recent-imports.js';
import type { LineToWrite } from './review.js';

export type ImportOutcome =
  | { readonly kind: 'written'; readonly entry: RecentImport }
  /** Writing stopped partway: the entry says how many were written, and undo removes them. */
  | { readonly kind: 'interrupted'; readonly entry: RecentImport }
  /** The import was undone (in another tab) while it was written: writing stopped and what it wrote is removed. */
  | { readonly kind: 'undone'; readonly entry: RecentImport };

/** Raised between two batches when the import's entry was marked undone meanwhile. */
class ImportUndone extends Error {
  override readonly name = 'ImportUndone';
}

/**
 * Writes a reviewed import. It is remembered among the recent imports before its first batch and
 * its count kept as batches land, so whatever stops it — the ledger refusing a line another device
 * made invalid, an error, the tab closing — leaves an import that can be undone, never loose
 * transactions. A line the ledger refuses from the start still writes nothing (`ImportError`).
 *
 * While it writes, the batch is among `importsBeingWritten`, so this page offers no undo for it.
 * Another tab can still undo it: the writer sees that before its next batch, stops, and removes
 * what it wrote, so an undone import ends with none of its transactions.
 */
export async function runImport(
  ledger: Ledger,
  recent: RecentImports,
  started: RecentImport,
  lines: readonly LineToWrite[],
  onProgress: (done: number) => Promise<void> | void,
): Promise<ImportOutcome> {
  await checkImport(lines);
  const { batch } = started;
  const total = lines.length;
  importsBeingWritten.add(batch);
  try {
    await recent.add({ ...started, count: 0, total, complete: false });
    let written: readonly string[];
    try {
      written = await writeImport(ledger, lines, async (done) => {
        await onProgress(done);
        if (!(await recent.progress(batch, { count: done }))) throw new ImportUndone();
      });
    } catch (error) {
      const ids = error instanceof ImportInterrupted ? error.ids : [];
      if (error instanceof ImportInterrupted && error.cause instanceof ImportUndone)
        return await removeUndone(ledger, started, total, ids);
      const entry = { ...started, count: ids.length, total, complete: false };
      // Best effort: the user is told what was written either way, and a stale entry's undo removes what is there.
      await (ids.length === 0 ? recent.forget(batch) : recent.update(batch, { count: ids.length })).catch(
        () => undefined,
      );
      return { kind: 'interrupted', entry };
    }
    // The transactions are in; should this note fail, the entry stays marked partial and undo still removes them all.
    const stands = await recent.progress(batch, { count: written.length, complete: true }).catch(() => true);
    if (!stands) return await removeUndone(ledger, started, total, written);
    return { kind: 'written', entry: { ...started, count: written.length, total, complete: true } };
  } finally {
    importsBeingWritten.delete(batch);
  }
}

/** Removes what the writer wrote of an import undone meanwhile: the undo elsewhere may not have seen all of it. */
async function removeUndone(
  ledger: Ledger,
  started: RecentImport,
  total: number,
  written: readonly string[],
): Promise<ImportOutcome> {
  await undoImport(
    ledger,
    written.map((id) => ({ id })),
    started.batch,
  );
  return { kind: 'undone', entry: { ...started, count: 0, total, complete: false, undone: true } };
}
