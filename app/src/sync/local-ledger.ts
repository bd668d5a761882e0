import { changedAnything, type Ledger, type LedgerOptions, openLedger } from '@tally/schema';
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { type CompactionAnswer, DEVICE_LEDGER, type StoredLedger } from './stored-ledger.js';

/** How the stored ledger is compacted: in a worker on the page (the default), in-thread in tests. */
type CompactStored = (stored: StoredLedger) => Promise<CompactionAnswer>;

export interface LocalStorageOptions {
  /** Updates stored from this tab before the stored ledger is compacted again; y-indexeddb's own figure. */
  readonly compactAfter?: number;
  readonly compact?: CompactStored;
}

const COMPACT_AFTER = 500;

function compactInWorker(stored: StoredLedger): Promise<CompactionAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./stored-ledger.worker.ts', import.meta.url), { type: 'module' });
    const done = (answer: CompactionAnswer): void => {
      worker.terminate();
      resolve(answer);
    };
    worker.onmessage = (event: MessageEvent<CompactionAnswer>) => done(event.data);
    worker.onerror = () => done('failed');
    worker.onmessageerror = () => done('failed');
    worker.postMessage(stored);
  });
}

/**
 * This device's copy of the ledger: the Y.Doc, persisted in IndexedDB by y-indexeddb, and the
 * ledger API over it. It is the source of truth on the device; nothing here needs a network.
 * `ledger.node` is the writer this tab claimed (`claimWriter`), so it settles what it wrote before.
 */
export class LocalLedger {
  readonly doc = new Y.Doc();
  readonly ledger: Ledger;
  private persistence: IndexeddbPersistence | undefined;
  /** Updates this tab stored since the stored ledger was last compacted; null while a compaction runs. */
  private storedSinceCompacted: number | null = 0;

  constructor(
    options: LedgerOptions = {},
    /** Where the ledger is stored on this device. */
    readonly stored: StoredLedger = DEVICE_LEDGER,
    private readonly storage: LocalStorageOptions = {},
  ) {
    this.ledger = openLedger(this.doc, options);
  }

  /**
   * Reads everything stored on this device into the ledger, and stores every change from then on.
   * Rejects when the stored ledger cannot be opened (y-indexeddb's own promise would never settle).
   */
  async load(): Promise<void> {
    if (this.persistence === undefined) {
      this.persistence = new IndexeddbPersistence(this.stored.database, this.doc);
      this.storingOnceRead(this.persistence);
    }
    await Promise.all([this.persistence.whenSynced, this.persistence._db]);
  }

  /**
   * The origin to apply an update with that was stored by other means (`storeUpdates`), so
   * y-indexeddb does not store it a second time.
   */
  get storedOrigin(): unknown {
    return this.persistence;
  }

  /** Changes whenever the ledger holds anything new; equal for equal ledger states: its state vector, in base64. */
  fingerprint(): string {
    const stateVector = Y.encodeStateVector(this.doc);
    let text = '';
    for (const byte of stateVector) text += String.fromCharCode(byte);
    return btoa(text);
  }

  /** Whether the ledger state fingerprinted `a` holds every change of the one fingerprinted `b`; false for anything not a fingerprint. */
  covers(a: string, b: string): boolean {
    try {
      const outer = Y.decodeStateVector(Uint8Array.from(atob(a), (char) => char.charCodeAt(0)));
      for (const [client, clock] of Y.decodeStateVector(Uint8Array.from(atob(b), (char) => char.charCodeAt(0)))) {
        if ((outer.get(client) ?? 0) < clock) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  /** True once anything at all has been written to this ledger, here or by a synced device. */
  hasData(): boolean {
    return this.ledger.formatVersion !== undefined;
  }

  onChange(listener: () => void): () => void {
    return this.ledger.onChange(listener);
  }

  /**
   * Resolves once every change made so far is stored on the device: a read of the stored updates
   * starts only after every write to them begun before it has finished (IndexedDB's ordering).
   */
  async flushed(): Promise<void> {
    if (!this.persistence) return;
    const db = await this.persistence._db;
    const [updates] = idb.transact(db, ['updates'], 'readonly');
    if (updates) await idb.count(updates);
  }

  /** Stops storing changes and lets go of the stored ledger, as closing the tab does. */
  async close(): Promise<void> {
    this.doc.off('update', this.storeUpdate);
    await this.persistence?.destroy();
    this.persistence = undefined;
    this.doc.destroy();
  }

  /** Deletes the stored ledger from this device. The open copy must not be used afterwards. */
  async wipe(): Promise<void> {
    this.doc.off('update', this.storeUpdate);
    this.persistence ??= new IndexeddbPersistence(this.stored.database, this.doc);
    await this.persistence.clearData();
    this.doc.destroy();
  }

  /**
   * Stores an update as y-indexeddb does, without its compaction: y-indexeddb merges the stored
   * updates every 500 by encoding the whole document on the page, a second or more of a frozen
   * page at 100,000 transactions. Tally compacts them in a worker instead (`compactStoredLedger`).
   */
  private readonly storeUpdate = (update: Uint8Array, origin: unknown): void => {
    const persistence = this.persistence;
    if (!persistence?.db || origin === persistence) return;
    const [updates] = idb.transact(persistence.db, ['updates']);
    const adding = updates?.add(update);
    if (adding) adding.onerror = () => console.error('A change could not be stored on this device', adding.error);
    this.counted(1);
  };

  /** Counts stored updates, and compacts the stored ledger once they are as many as set. */
  private counted(stored: number): void {
    if (this.storedSinceCompacted === null) return;
    this.storedSinceCompacted += stored;
    if (this.storedSinceCompacted >= (this.storage.compactAfter ?? COMPACT_AFTER)) void this.compactStored();
  }

  private async compactStored(): Promise<void> {
    this.storedSinceCompacted = null;
    const compact = this.storage.compact ?? compactInWorker;
    // Whatever happened, the next try comes after as many updates again: a failure is not retried at once.
    await compact(this.stored).catch(() => 'failed');
    this.storedSinceCompacted = 0;
  }

  /**
   * y-indexeddb listens to the document's updates from the moment it is made, so when it applies
   * what it stored, Yjs encodes all of that again as one update for it — which it then ignores as
   * its own: 1.2 s of the start, and 17 MB of garbage, at 100,000 transactions. Tally's listener
   * (`storeUpdate`) is attached once the stored ledger is applied instead. y-indexeddb stores the
   * document as it stands just before applying, so a change made before that is kept; what an
   * observer of the document writes while it is applied is stored once applied: what the document
   * holds beyond the applied state, with every deletion.
   */
  private storingOnceRead(persistence: IndexeddbPersistence): void {
    const { doc } = this;
    doc.off('update', persistence._storeUpdate);
    let missed = false;
    let applied: Map<number, number> | undefined;
    const watch = (transaction: Y.Transaction): void => {
      if (transaction.origin === persistence) applied = transaction.afterState;
      else if (changedAnything(transaction)) missed = true;
    };
    doc.on('afterTransaction', watch);
    persistence.once('synced', () => {
      doc.off('afterTransaction', watch);
      doc.on('update', this.storeUpdate);
      // What earlier starts stored counts too: a device used a little at a time is compacted as well.
      const [updates] = persistence.db ? idb.transact(persistence.db, ['updates'], 'readonly') : [];
      if (updates)
        void idb.count(updates).then(
          (stored) => this.counted(stored),
          () => undefined,
        );
      if (missed) this.storeUpdate(Y.encodeStateAsUpdate(doc, applied && Y.encodeStateVector(applied)), null);
    });
  }
}
