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
