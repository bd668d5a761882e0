import * as idb from 'lib0/indexeddb';
import { clearDocument } from 'y-indexeddb';

/** Where this device stores a ledger: y-indexeddb's database for it. */
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

/** The keys of the ledgers other than the personal one that this device stores (`storedLedgerOf`). */
export async function storedLedgerKeys(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || !indexedDB.databases) return [];
  const prefix = `${DEVICE_LEDGER.database}.`;
  return (await indexedDB.databases()).flatMap(({ name }) =>
    name?.startsWith(prefix) ? [name.slice(prefix.length)] : [],
  );
}

/**
 * Adds consecutive updates to a stored ledger in one IndexedDB transaction — all of them or, should
 * it fail, none — where y-indexeddb reads them at the next start. From a worker too, so a large
 * import is never copied on the page (SPEC REC11).
 */
export async function storeUpdates(stored: StoredLedger, updates: readonly Uint8Array[]): Promise<void> {
  const db = await idb.openDB(stored.database, (created) =>
    idb.createStores(created, [['updates', { autoIncrement: true }], ['custom']]),
  );
  try {
    const [store] = idb.transact(db, ['updates']);
    if (!store) throw new Error('the stored ledger has no updates');
    const written = new Promise<void>((resolve, reject) => {
      store.transaction.oncomplete = () => resolve();
      store.transaction.onerror = () => reject(store.transaction.error);
      store.transaction.onabort = () => reject(store.transaction.error ?? new Error('storing the import was aborted'));
    });
    for (const update of updates) store.add(update);
    await written;
  } finally {
    db.close();
  }
}
