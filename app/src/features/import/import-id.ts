/**
 * An imported transaction's `importId` says two things: which import wrote it (so that import can
 * be undone as one) and which statement line it came from (so importing the file again adds
 * nothing). Written `<importBatch>/<line key>`; the batch is a record id, which has no `/`.
 */
const BATCHED = /^([A-Za-z0-9_-]{22})\/(.+)$/s;
/** The schema keeps import ids to 200 characters. */
const MAX_LENGTH = 200;

export function importIdOf(batch: string, lineKey: string): string {
  return `${batch}/${lineKey}`.slice(0, MAX_LENGTH).trim();
}

/** The import that wrote a transaction, or null for one entered by hand (or imported without a batch). */
export function batchOf(importId: string | null): string | null {
  return importId === null ? null : (BATCHED.exec(importId)?.[1] ?? null);
}

/** The statement line a transaction came from, as `importKeys` names it, cut as the stored id was. */
export function lineKeyOf(importId: string): string {
  return BATCHED.exec(importId)?.[2] ?? importId;
}
