import * as idb from 'lib0/indexeddb';
import { clearDocument } from 'y-indexeddb';
import * as Y from 'yjs';

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

function openStored(stored: StoredLedger): Promise<IDBDatabase> {
  return idb.openDB(stored.database, (created) =>
    idb.createStores(created, [['updates', { autoIncrement: true }], ['custom']]),
  );
}

function completion(transaction: IDBTransaction, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error(`${what} was aborted`));
  });
}

/**
 * Adds consecutive updates to a stored ledger in one IndexedDB transaction — all of them or, should
 * it fail, none — where y-indexeddb reads them at the next start. From a worker too, so a large
 * import is never copied on the page (SPEC REC11).
 */
export async function storeUpdates(stored: StoredLedger, updates: readonly Uint8Array[]): Promise<void> {
  const db = await openStored(stored);
  try {
    const [store] = idb.transact(db, ['updates']);
    if (!store) throw new Error('the stored ledger has no updates');
    const written = completion(store.transaction, 'storing the import');
    for (const update of updates) store.add(update);
    await written;
  } finally {
    db.close();
  }
}

/** What compacting a stored ledger did: how many updates it merged into one, or why it left them. */
export type Compaction = { readonly merged: number } | 'too-few' | 'changed-meanwhile';

/** What the compaction worker answers: what compacting did, or `failed` when it threw. */
export type CompactionAnswer = Compaction | 'failed';

/** Opens a stored ledger that exists; undefined for one deleted meanwhile, which is not made again. */
function openExisting(stored: StoredLedger): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(stored.database);
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = (event) => {
      if (opening.error?.name !== 'AbortError') {
        reject(opening.error);
        return;
      }
      event.preventDefault();
      resolve(undefined);
    };
  });
}

/**
 * Merges every update a stored ledger holds into one, as y-indexeddb did every 500 on the page:
 * applied to a document and encoded whole, so deleted content is dropped as the document drops it
 * (anything pending comes along); put in the place of the last of them, so a start applies it
 * before anything stored after it, which then finds what it builds on rather than waiting for it.
 * Merging a large ledger takes a second or more, so it runs in a worker
 * (`stored-ledger.worker.ts`), between two IndexedDB transactions: the updates are read in one,
 * merged, and swapped for the merge in another, which first checks that the updates it read are
 * still exactly those stored up to the last of them. Another tab's compaction in between leaves
 * them changed, and this one writes nothing; an update stored meanwhile lies past them and stays.
 * A ledger deleted meanwhile is left deleted. `pause` runs between the two, for tests.
 */
export async function compactStoredLedger(
  stored: StoredLedger,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<Compaction> {
  const db = await openExisting(stored);
  if (db === undefined) return 'too-few';
  try {
    const [reading] = idb.transact(db, ['updates'], 'readonly');
    if (!reading) throw new Error('the stored ledger has no updates');
    const [keys, updates] = await Promise.all([idb.getAllKeys(reading), idb.getAll(reading)]);
    const last = keys.at(-1);
    if (last === undefined || updates.length < 2) return 'too-few';
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      for (const update of updates as Uint8Array[]) Y.applyUpdate(doc, update);
    });
    const merged = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await pause();
    const [writing] = idb.transact(db, ['updates']);
    if (!writing) throw new Error('the stored ledger has no updates');
    const written = completion(writing.transaction, 'compacting the stored ledger');
    const now = await idb.getAllKeys(writing, idb.createIDBKeyRangeUpperBound(last, false));
    if (now.length !== keys.length || now.some((key, at) => indexedDB.cmp(key, keys[at]) !== 0)) {
      writing.transaction.abort();
      await written.catch(() => undefined);
      return 'changed-meanwhile';
    }
    writing.delete(idb.createIDBKeyRangeUpperBound(last, false));
    writing.put(merged, last);
    await written;
    return { merged: updates.length };
  } finally {
    db.close();
  }
}
