import Dexie, { type EntityTable } from 'dexie';
import type { StoredAttachment } from './stored-attachment.js';
import type { TransactionRow } from './transaction-row.js';

/** The ledger state the stored transaction index was built from. */
export const TRANSACTION_INDEX_FINGERPRINT = 'transactionIndex.fingerprint';
/** Which write, of which tab, last changed the stored transaction index, and the ledger state it takes the rows to. */
export const TRANSACTION_INDEX_WRITER = 'transactionIndex.writer';
/**
 * The stored index's first screenful of rows, and the ledger state they are of: a start shows
 * them without reading the newest month whole, which in a busy month is thousands of rows.
 */
export const TRANSACTION_INDEX_NEWEST = 'transactionIndex.newest';

/**
 * One month of the stored transaction index: its rows, newest first. A month is one IndexedDB
 * record because reading 100,000 records, one per transaction, kept a start waiting seconds on
 * IndexedDB itself; a hundred-odd months read in a fraction of that.
 */
export interface StoredMonth {
  /** `YYYY-MM`, the rows' dates' month. */
  readonly month: string;
  readonly rows: readonly TransactionRow[];
}

/** One stored setting: the relay session, the last sync time, the index's fingerprint. */
export interface SettingEntry {
  readonly key: string;
  readonly value: unknown;
}

/**
 * What the device keeps beside the ledger (docs/app.md#keeping-data-on-the-device): a derived,
 * indexed copy of transactions, local settings and the bytes of attachments. Everything here can be
 * rebuilt from the ledger or entered again, but an attachment not yet on the relay.
 */
export class TallyDatabase extends Dexie {
  readonly transactionMonths!: EntityTable<StoredMonth, 'month'>;
  readonly settings!: EntityTable<SettingEntry, 'key'>;
  readonly attachments!: EntityTable<StoredAttachment, 'hash'>;

  constructor(name = 'tally') {
    super(name);
    this.version(1).stores({
      transactions: 'id, [date+id], accountId, categoryId',
      settings: 'key',
    });
    // Rows gained tags, split parts and accent-folded search words: rebuild them from the ledger.
    this.version(2)
      .stores({ transactions: 'id, [date+id], accountId, categoryId', settings: 'key' })
      .upgrade(async (transaction) => {
        await transaction.table('transactions').clear();
        await transaction.table('settings').delete(TRANSACTION_INDEX_FINGERPRINT);
      });
    // Rows gained the shares between people: rebuild them from the ledger.
    this.version(3)
      .stores({ transactions: 'id, [date+id], accountId, categoryId', settings: 'key' })
      .upgrade(async (transaction) => {
        await transaction.table('transactions').clear();
        await transaction.table('settings').delete(TRANSACTION_INDEX_FINGERPRINT);
      });
    // Rows gained their attachments, whose bytes are kept by their sha256 with how far each is on the relay.
    this.version(4)
      .stores({ transactions: 'id, [date+id], accountId, categoryId', settings: 'key', attachments: 'hash, state' })
      .upgrade(async (transaction) => {
        await transaction.table('transactions').clear();
        await transaction.table('settings').delete(TRANSACTION_INDEX_FINGERPRINT);
      });
    // Rows are kept a month to a record: rebuild them from the ledger.
    this.version(5)
      .stores({ transactions: null, transactionMonths: 'month', settings: 'key', attachments: 'hash, state' })
      .upgrade(async (transaction) => {
        await transaction.table('settings').delete(TRANSACTION_INDEX_FINGERPRINT);
      });
  }
}
