import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * Where this device stores a ledger, as a plain value a worker can be sent: with it the worker
 * reads a replica of its own (`readStoredLedger`) without asking the page for every record.
 */
export interface StoredLedger {
  /** y-indexeddb's database. */
  readonly database: string;
}

/** The ledger of this device. */
export const DEVICE_LEDGER: StoredLedger = { database: 'tally-ledger' };

/**
 * Fills `doc` with the ledger stored on this device, then lets go: the page's own persistence
 * does the writing, and a wipe is never blocked by a reader.
 */
export async function readStoredLedger(stored: StoredLedger, doc: Y.Doc): Promise<void> {
  const persistence = new IndexeddbPersistence(stored.database, doc);
  await persistence.whenSynced;
  await persistence.destroy();
}
