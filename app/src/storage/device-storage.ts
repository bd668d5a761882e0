import { AttachmentStore } from './attachment-store.js';
import { KeyedStore, type ReadStored } from './keyed-store.js';
import { KnownLedgers } from './known-ledgers.js';
import { ListStore } from './list-store.js';
import { SettingsStore } from './settings-store.js';
import { TallyDatabase } from './tally-database.js';
import { type LedgerState, TransactionIndex, type TransactionSource } from './transaction-index.js';

const DEVICE_DATABASE = 'tally';

/**
 * What features keep on this device for themselves, never synced, each in a typed store. The
 * feature says how to read its values back; where and under which key they are kept is
 * storage's business alone.
 */
export interface DeviceStores {
  /** The column mapping confirmed for a bank's CSV layout, by the layout's signature. */
  csvMappings<T>(read: ReadStored<T>): KeyedStore<T>;
  /** The last few imports made on this device, for their list and their undo. */
  recentImports<T>(read: ReadStored<T>): ListStore<T>;
  /** What the person chose at the first-run step on this device. */
  firstRunChoice<T>(read: ReadStored<T>): KeyedStore<T>;
  /** The last of the account's live events this device has seen (relay `/events`), by relay account. */
  liveEventSeq<T>(read: ReadStored<T>): KeyedStore<T>;
  /** Chat messages written on this device and not yet stored by the relay, oldest first. */
  chatOutbox<T>(read: ReadStored<T>): ListStore<T>;
}

/**
 * Everything the device keeps beside the ledger (docs/app.md#keeping-data-on-the-device), in one Dexie
 * database opened once by the running Tally: the transaction index, the relay session, and the
 * features' own stores. All of it can be rebuilt from the ledger or entered again.
 */
export class DeviceStorage implements DeviceStores {
  private readonly db: TallyDatabase;
  /** The relay session and when this device last synced. */
  readonly settings: SettingsStore;
  /** The ledgers this device holds besides the personal one, and which it opens (kept in the device's own database). */
  readonly knownLedgers: KnownLedgers;
  /** The bytes of the ledger's attachments kept on this device, and their upload outbox. */
  readonly attachments: AttachmentStore;

  /** `tally` for the device (and its personal ledger); `tally.<key>` for each other ledger it holds. */
  constructor(name = DEVICE_DATABASE) {
    this.db = new TallyDatabase(name);
    this.settings = new SettingsStore(this.db);
    this.knownLedgers = new KnownLedgers(this.db);
    this.attachments = new AttachmentStore(this.db);
  }

  /** What the device keeps beside another ledger it holds: that ledger's transaction index, sync state and feature stores. */
  static forLedger(key: string): DeviceStorage {
    return new DeviceStorage(`${DEVICE_DATABASE}.${key}`);
  }

  csvMappings<T>(read: ReadStored<T>): KeyedStore<T> {
    return new KeyedStore(this.db, 'import.mapping.', read);
  }

  recentImports<T>(read: ReadStored<T>): ListStore<T> {
    return new ListStore(this.db, 'import.recent', read);
  }

  firstRunChoice<T>(read: ReadStored<T>): KeyedStore<T> {
    return new KeyedStore(this.db, 'first-run.', read);
  }

  liveEventSeq<T>(read: ReadStored<T>): KeyedStore<T> {
    return new KeyedStore(this.db, 'events.seq.', read);
  }

  chatOutbox<T>(read: ReadStored<T>): ListStore<T> {
    return new ListStore(this.db, 'chat.outbox', read);
  }

  /** The stored index of the ledger's transactions, kept current from `source`. */
  transactionIndex(source: TransactionSource, state: LedgerState): TransactionIndex {
    return new TransactionIndex(this.db, source, state);
  }

  /** Closes the database and deletes it from the device; nothing here may be used afterwards. */
  async erase(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}
