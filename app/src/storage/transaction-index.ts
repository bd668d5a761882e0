import type { Collection, NewTransaction, RecordChange, Transaction } from '@tally/schema';
import { TRANSACTION_INDEX_FINGERPRINT as FINGERPRINT_KEY, type TallyDatabase } from './tally-database.js';
import { compareRows, toTransactionRow, type TransactionRow } from './transaction-row.js';

export type TransactionSource = Pick<Collection<Transaction, NewTransaction>, 'get' | 'list' | 'observe'>;

interface IndexWrite {
  readonly clear: boolean;
  readonly puts: readonly TransactionRow[];
  readonly removals: readonly string[];
  /** The ledger state the rows belong to. */
  readonly fingerprint: string;
}

export interface TransactionIndexSnapshot {
  /** False until the whole stored index has been read; before that `rows` may be only the newest. */
  readonly loaded: boolean;
  /** Live (not deleted) transactions, newest first. */
  readonly rows: readonly TransactionRow[];
}

/** Enough rows to fill the first screen of the list. */
const FIRST_SCREEN = 100;
/** Rows per IndexedDB write when a large change is stored. */
const WRITE_CHUNK = 5_000;
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
  private following = false;
  /** Row writes queued and not yet done; each vouches for its own ledger state when it is. */
  private rowWritesQueued = 0;
  private fingerprintQueued = false;

  constructor(
    private readonly db: TallyDatabase,
    private readonly source: TransactionSource,
    /** Identifies the ledger's current state; the index stored with it is known to match. */
    private readonly fingerprint: () => string,
  ) {}

  /** Reads the newest screenful of the stored index, so the list shows before anything else loads. */
  async loadNewest(): Promise<void> {
    const first = await this.db.transactions.orderBy('[date+id]').reverse().limit(FIRST_SCREEN).toArray();
    if (this.snapshot.loaded) return;
    this.snapshot = { loaded: false, rows: first };
    this.notify();
  }

  /** Reads the whole stored index, so the list is complete before the ledger itself has loaded. */
  async load(): Promise<void> {
    const rows = await this.db.transactions.orderBy('[date+id]').reverse().toArray();
    if (!this.snapshot.loaded) this.publish(rows);
  }

  /** Once the ledger has loaded: rebuilds the index if it is stale, then follows every change. */
  async follow(): Promise<() => void> {
    const stored = await this.db.settings.get(FINGERPRINT_KEY);
    const stop = this.source.observe((change: RecordChange) => this.update(change.ids));
    this.following = true;
    if (stored?.value !== this.fingerprint() || !this.snapshot.loaded) this.rebuild();
    return () => {
      this.following = false;
      stop();
    };
  }

  /**
   * The ledger changed somewhere: once the rows are stored, vouch for its new state even when no
   * transaction changed (a budget, a rate, a recurring item booked through today), so the next
   * start uses the stored index instead of rebuilding every row.
   */
  ledgerChanged(): void {
    if (!this.following || this.fingerprintQueued) return;
    this.fingerprintQueued = true;
    this.writes = this.writes
      .then(whenIdle)
      .then(async () => {
        this.fingerprintQueued = false;
        // A row write queued meanwhile stores the fingerprint of its own state when it is done.
        if (this.rowWritesQueued === 0) await this.db.settings.put({ key: FINGERPRINT_KEY, value: this.fingerprint() });
      })
      .catch(() => undefined);
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
    this.store({ clear: true, puts: rows, removals: [], fingerprint: this.fingerprint() });
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
    this.store({ clear: false, puts, removals, fingerprint: this.fingerprint() });
  }

  private publish(rows: readonly TransactionRow[]): void {
    this.byId.clear();
    for (const row of rows) this.byId.set(row.id, row);
    this.snapshot = { loaded: true, rows };
    this.notify();
  }

  /**
   * Writes a change to IndexedDB once the page is idle, so showing it comes first. A small change
   * is one transaction; a large one goes in chunks that leave the page responsive in between, with
   * the fingerprint forgotten until the last chunk is in.
   */
  private store(change: IndexWrite): void {
    const db = this.db;
    const small = change.puts.length <= WRITE_CHUNK;
    this.rowWritesQueued += 1;
    this.writes = this.writes
      .then(whenIdle)
      .then(async () => {
        await db.transaction('rw', db.transactions, db.settings, async () => {
          if (!small) await db.settings.delete(FINGERPRINT_KEY);
          if (change.clear) await db.transactions.clear();
          await db.transactions.bulkDelete([...change.removals]);
          if (small) await db.transactions.bulkPut(change.puts);
        });
        for (let at = 0; !small && at < change.puts.length; at += WRITE_CHUNK) {
          await whenIdle();
          await db.transactions.bulkPut(change.puts.slice(at, at + WRITE_CHUNK));
        }
        await db.settings.put({ key: FINGERPRINT_KEY, value: change.fingerprint });
      })
      // A lost write must not leave a fingerprint vouching for stale rows: forget it, and the
      // next start rebuilds the index from the ledger.
      .catch(() => db.settings.delete(FINGERPRINT_KEY))
      .catch(() => undefined)
      .finally(() => {
        this.rowWritesQueued -= 1;
      });
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

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1_000 });
    else setTimeout(resolve, 0);
  });
}
