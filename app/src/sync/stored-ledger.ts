import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * Where this device stores a ledger, as a plain value a worker can be sent: with it the worker
 * reads a replica of its own (`readStoredLedger`) without asking the page for every record.
 */
export interface StoredLedger {
  /** y-indexeddb's database. */
  readonly database: string;
}

/** The personal ledger of this device, in the database it has always had. */
export const DEVICE_LEDGER: StoredLedger = { database: 'tally-ledger' };

/** Where this device stores a ledger: the personal one (no key) or another, by its key on the device. */
export function storedLedgerOf(key?: string): StoredLedger {
  return key === undefined ? DEVICE_LEDGER : { database: `${DEVICE_LEDGER.database}.${key}` };
}

/** Deletes a ledger this device stores and does not have open. */
export async function deleteStoredLedger(stored: StoredLedger): Promise<void> {
  await clearDocument(stored.database);
}

/**
 * Fills `doc` with the ledger stored on this device, then lets go: the page's own persistence
 * does the writing, and a wipe is never blocked by a reader.
 */
export async function readStoredLedger(stored: StoredLedger, doc: Y.Doc): Promise<void> {
  const persistence = new IndexeddbPersistence(stored.database, doc);
  await persistence.whenSynced;
  await persistence.destroy();
}

/** The keys of the ledgers other than the personal one that this device stores (`storedLedgerOf`). */
export async function storedLedgerKeys(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || !indexedDB.databases) return [];
  const prefix = `${DEVICE_LEDGER.database}.`;
  return (await indexedDB.databases()).flatMap(({ name }) =>
    name?.startsWith(prefix) ? [name.slice(prefix.length)] : [],
  );
}
