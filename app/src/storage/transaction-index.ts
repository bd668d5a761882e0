import type { Collection, NewTransaction, RecordChange, Transaction } from '@tally/schema';
import type { TallyDatabase } from './tally-database.js';
import { compareRows, toTransactionRow, type TransactionRow } from './transaction-row.js';

export type TransactionSource = Pick<Collection<Transaction, NewTransaction>, 'get' | 'list' | 'observe'>;

export interface TransactionIndexSnapshot {
  /** False until the stored index has been read. */
  readonly loaded: boolean;
  /** Live (not deleted) transactions, newest first. */
  readonly rows: readonly TransactionRow[];
}

const FINGERPRINT_KEY = 'transactionIndex.fingerprint';
/** Past this many changed records, sorting everything again is cheaper than splicing each one in. */
const SPLICE_LIMIT = 512;

/**
 * The derived transaction index (design §5): rows in Dexie for a fast first paint and in memory
 * for filtering, rebuilt from the ledger when the stored copy belongs to another ledger state,
 * then kept current from the ledger's change events.
 */
export class TransactionIndex {
  private snapshot: TransactionIndexSnapshot = { loaded: false, rows: [] };
  private readonly byId = new Map<string, TransactionRow>();
  private readonly listeners = new Set<() => void>();
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: TallyDatabase,
    private readonly source: TransactionSource,
    /** Identifies the ledger's current state; the index stored with it is known to match. */
    private readonly fingerprint: () => string,
  ) {}

  /** Reads the stored index, so the list shows before the ledger itself has loaded. */
  async load(): Promise<void> {
    const rows = await this.db.transactions.orderBy('[date+id]').reverse().toArray();
    this.publish(rows);
  }

  /** Once the ledger has loaded: rebuilds the index if it is stale, then follows every change. */
  async follow(): Promise<() => void> {
    const stored = await this.db.settings.get(FINGERPRINT_KEY);
    const stop = this.source.observe((change: RecordChange) => this.update(change.ids));
    if (stored?.value !== this.fingerprint() || !this.snapshot.loaded) this.rebuild();
    return stop;
  }

  get(id: string): TransactionRow | undefined {
    return this.byId.get(id);
  }

  getSnapshot = (): TransactionIndexSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves once every change so far is stored. */
  flushed(): Promise<void> {
    return this.writes;
  }

  private rebuild(): void {
    const rows = this.source
      .list()
      .map(toTransactionRow)
      .sort(compareRows);
    this.publish(rows);
    const fingerprint = this.fingerprint();
    this.store(async () => {
      await this.db.transactions.clear();
      await this.db.transactions.bulkPut(rows);
      await this.db.settings.put({ key: FINGERPRINT_KEY, value: fingerprint });
    });
  }

  private update(ids: ReadonlySet<string>): void {
    const puts: TransactionRow[] = [];
    const removals: string[] = [];
    let rows = [...this.snapshot.rows];
    const splice = ids.size <= SPLICE_LIMIT;
    for (const id of ids) {
      const old = this.byId.get(id);
      const record = this.source.get(id);
      const row = record && !record.deleted ? toTransactionRow(record) : undefined;
      if (splice && old) removeRow(rows, old);
      if (row) {
        puts.push(row);
        this.byId.set(id, row);
        if (splice) rows.splice(insertionPoint(rows, row), 0, row);
      } else if (old) {
        removals.push(id);
        this.byId.delete(id);
      }
    }
    if (!splice) rows = [...this.byId.values()].sort(compareRows);
    this.snapshot = { loaded: true, rows };
    this.notify();
    const fingerprint = this.fingerprint();
    this.store(async () => {
      await this.db.transactions.bulkPut(puts);
      await this.db.transactions.bulkDelete(removals);
      await this.db.settings.put({ key: FINGERPRINT_KEY, value: fingerprint });
    });
  }

  private publish(rows: readonly TransactionRow[]): void {
    this.byId.clear();
    for (const row of rows) this.byId.set(row.id, row);
    this.snapshot = { loaded: true, rows };
    this.notify();
  }

  private store(write: () => Promise<void>): void {
    const db = this.db;
    this.writes = this.writes
      .then(() => db.transaction('rw', db.transactions, db.settings, write))
      // A lost write must not leave a fingerprint vouching for stale rows: forget it, and the
      // next start rebuilds the index from the ledger.
      .catch(() => db.settings.delete(FINGERPRINT_KEY))
      .catch(() => undefined);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function insertionPoint(rows: readonly TransactionRow[], row: TransactionRow): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = rows[middle];
    if (other !== undefined && compareRows(other, row) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeRow(rows: TransactionRow[], row: TransactionRow): void {
  const at = insertionPoint(rows, row);
  if (rows[at]?.id === row.id) rows.splice(at, 1);
}
