import type { Ledger } from '@tally/schema';
import { checkImport, ImportInterrupted, writeImport } from './ledger-import.js';
import type { RecentImport, RecentImports } from './recent-imports.js';
import type { LineToWrite } from './review.js';

export type ImportOutcome =
  | { readonly kind: 'written'; readonly entry: RecentImport }
  /** Writing stopped partway: the entry says how many were written, and undo removes them. */
  | { readonly kind: 'interrupted'; readonly entry: RecentImport };

/**
 * Writes a reviewed import. It is remembered among the recent imports before its first batch and
 * its count kept as batches land, so whatever stops it — the ledger refusing a line another device
 * made invalid, an error, the tab closing — leaves an import that can be undone, never loose
 * transactions. A line the ledger refuses from the start still writes nothing (`ImportError`).
 */
export async function runImport(
  ledger: Ledger,
  recent: RecentImports,
  started: RecentImport,
  lines: readonly LineToWrite[],
  onProgress: (done: number) => void,
): Promise<ImportOutcome> {
  await checkImport(lines);
  await recent.add({ ...started, count: 0, total: lines.length, complete: false });
  try {
    const count = await writeImport(ledger, lines, async (done) => {
      onProgress(done);
      await recent.update(started.batch, { count: done });
    });
    const entry = { ...started, count, total: lines.length, complete: true };
    // The transactions are in; should this note fail, the entry stays marked partial and undo still removes them all.
    await recent.update(started.batch, { count, complete: true }).catch(() => undefined);
    return { kind: 'written', entry };
  } catch (error) {
    const written = error instanceof ImportInterrupted ? error.written : 0;
    const entry = { ...started, count: written, total: lines.length, complete: false };
    // Best effort: the user is told what was written either way, and a stale entry's undo removes what is there.
    await (written === 0 ? recent.forget(started.batch) : recent.update(started.batch, { count: written })).catch(() => undefined);
    return { kind: 'interrupted', entry };
  }
}
