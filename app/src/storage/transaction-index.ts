import type { Collection, NewTransaction, RecordChange, Transaction } from '@tally/schema';
import {
  TRANSACTION_INDEX_FINGERPRINT as FINGERPRINT_KEY,
  TRANSACTION_INDEX_NEWEST as NEWEST_KEY,
  type TallyDatabase,
  TRANSACTION_INDEX_WRITER as WRITER_KEY,
} from './tally-database.js';
import { compareRows, type TransactionRow, toTransactionRow } from './transaction-row.js';

export type TransactionSource = Pick<Collection<Transaction, NewTransaction>, 'get' | 'list' | 'observe'>;

/** The state of the ledger the index follows, as a fingerprint: equal for equal states. */
export interface LedgerState {
  /** The ledger's state now. */
  fingerprint(): string;
  /** Whether the state fingerprinted `a` holds every change of the one fingerprinted `b`, equal ones included. */
  covers(a: string, b: string): boolean;
}

/** How one stored month changes: the rows of `ids` leave it, and `puts` join it. */
interface MonthChange {
  readonly ids: Set<string>;
  readonly puts: TransactionRow[];
}

/**
 * What to store: each changed month's change, after clearing every stored month when `clear`
 * (a rebuild), taking the stored rows from the ledger state `from` to `to` (fingerprints). The
 * fingerprint stored with them says which state they are; `to` is raised while the write waits
 * when the ledger changes elsewhere than its transactions.
 */
interface IndexWrite {
  readonly clear: boolean;
  readonly months: ReadonlyMap<string, MonthChange>;
  readonly from: string;
  to: string;
}

/** How the rows changed: some put or removed, or every row replaced (`rebuilt`: read the snapshot again). */
export type TransactionRowChange =
  | { readonly rebuilt: false; readonly puts: readonly TransactionRow[]; readonly removals: readonly string[] }
  | { readonly rebuilt: true };

export interface TransactionIndexSnapshot {
  /** False until the whole stored index has been read; before that `rows` may be only the newest. */
  readonly loaded: boolean;
  /** Live (not deleted) transactions, newest first. */
  readonly rows: readonly TransactionRow[];
}

/** Enough rows to fill the first screen of the list. */
const FIRST_SCREEN = 100;
/** Rows per IndexedDB transaction when a large change is stored, the page free between two. */
const WRITE_CHUNK = 5_000;

export interface TransactionIndexOptions {
  /** Rows read and written per IndexedDB transaction (`WRITE_CHUNK` unless given). */
  readonly writeChunk?: number;
}
/** Past this many changed records, sorting everything again is cheaper than splicing each one in. */
const SPLICE_LIMIT = 512;

/**
 * The derived transaction index (docs/app.md#keeping-data-on-the-device): rows in Dexie for a
 * fast first paint and in memory for filtering, rebuilt from the ledger when the stored copy
 * belongs to another ledger state, then kept current from the ledger's change events.
 */
export class TransactionIndex {
  private snapshot: TransactionIndexSnapshot = { loaded: false, rows: [] };
  private readonly byId = new Map<string, TransactionRow>();
  private readonly expected = new Map<string, TransactionRow>();
  private readonly listeners = new Set<() => void>();
  private readonly rowListeners = new Set<(change: TransactionRowChange) => void>();
  private writes: Promise<void> = Promise.resolve();
  private following = false;
  /** The ledger state the last write queued takes the stored rows to. */
  private latest = '';
  /** The last write queued, while it has not begun: a change elsewhere in the ledger raises its `to`. */
  private waiting: IndexWrite | undefined;
  /** Tells this index's writes from another tab's in the stored `WRITER_KEY`. */
  private readonly writer = `${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  private written = 0;
  /** The fingerprint stored with the rows `load` read, read in the same IndexedDB transaction. */
  private loadedWith: unknown;

  constructor(
    private readonly db: TallyDatabase,
    private readonly source: TransactionSource,
    private readonly state: LedgerState,
    private readonly options: TransactionIndexOptions = {},
  ) {}

  private fingerprint(): string {
    return this.state.fingerprint();
  }

  /**
   * Reads the newest screenful of the stored index, so the list shows before anything else loads:
   * the rows stored apart for it when they are of the state the stored index vouches for, else
   * the newest months' own.
   */
  async loadNewest(): Promise<void> {
    const db = this.db;
    const [newest, stored] = await db.transaction('r', db.settings, () =>
      Promise.all([db.settings.get(NEWEST_KEY), db.settings.get(FINGERPRINT_KEY)]),
    );
    const kept = newestOf(newest?.value);
    const first = kept !== undefined && kept.of === stored?.value ? kept.rows : await this.newestOfMonths();
    if (this.snapshot.loaded) return;
    this.snapshot = { loaded: false, rows: first };
    this.notify();
  }

  /** The first screenful of rows as the newest stored months hold them. */
  private async newestOfMonths(): Promise<TransactionRow[]> {
    const first: TransactionRow[] = [];
    await this.db.transactionMonths
      .reverse()
      .until(() => first.length >= FIRST_SCREEN)
      .each((month) => first.push(...month.rows.slice(0, FIRST_SCREEN - first.length)));
    return first;
  }

  /** Reads the whole stored index, so the list is complete before the ledger itself has loaded. */
  async load(): Promise<void> {
    const db = this.db;
    // With the fingerprint in one IndexedDB transaction: another tab may store a change between two reads.
    const [months, stored] = await db.transaction('r', db.transactionMonths, db.settings, () =>
      Promise.all([db.transactionMonths.toArray(), db.settings.get(FINGERPRINT_KEY)]),
    );
    if (this.snapshot.loaded) return;
    this.loadedWith = stored?.value;
    const rows: TransactionRow[] = [];
    for (let at = months.length - 1; at >= 0; at--) for (const row of months[at]?.rows ?? []) rows.push(row);
    this.publish(rows);
  }

  /** Once the ledger has loaded: rebuilds the index if it is stale, then follows every change. */
  async follow(): Promise<() => void> {
    const stop = this.source.observe((change: RecordChange) => this.update(change.ids));
    this.following = true;
    this.latest = this.fingerprint();
    if (this.loadedWith !== this.latest || !this.snapshot.loaded) this.rebuild();
    return () => {
      this.following = false;
      stop();
    };
  }

  /**
   * The ledger changed somewhere: once the rows are stored, vouch for its new state even when no
   * transaction changed (a budget, a rate, a recurring item booked through today), so the next
   * start uses the stored index instead of rebuilding every row. Every transaction change has
   * queued its rows by the time this is called (ledger observers run before Yjs's update event).
   */
  ledgerChanged(): void {
    if (!this.following) return;
    const now = this.fingerprint();
    if (now === this.latest) return;
    if (this.waiting) {
      this.waiting.to = now;
      this.latest = now;
    } else this.enqueue(false, new Map());
  }

  getSnapshot = (): TransactionIndexSnapshot => this.snapshot;

  /** Calls `listener` with every change of the rows once the index follows the ledger; returns how to stop. */
  onRowsChanged(listener: (change: TransactionRowChange) => void): () => void {
    this.rowListeners.add(listener);
    return () => this.rowListeners.delete(listener);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves once every change so far is stored. */
  flushed(): Promise<void> {
    return this.writes;
  }

  private rebuild(): void {
    const rows = this.source.list().map(toTransactionRow).sort(compareRows);
    this.publish(rows);
    for (const listener of this.rowListeners) listener({ rebuilt: true });
    const months = new Map<string, MonthChange>();
    // With its id too: a month another tab is rebuilding at once may already hold the row.
    for (const row of rows) putIn(months, row);
    this.enqueue(true, months);
  }

  /**
   * The rows of transactions about to be created, made elsewhere from the very records (an
   * import's worker): when they arrive, these rows are taken instead of reading each record back.
   */
  expect(rows: readonly TransactionRow[]): void {
    for (const row of rows) this.expected.set(row.id, row);
  }

  private update(ids: ReadonlySet<string>): void {
    const puts: TransactionRow[] = [];
    const removals: string[] = [];
    const months = new Map<string, MonthChange>();
    let rows = [...this.snapshot.rows];
    const splice = ids.size <= SPLICE_LIMIT;
    for (const id of ids) {
      const old = this.byId.get(id);
      const row = this.expectedRow(id, old) ?? this.rowOf(id);
      if (splice && old) removeRow(rows, old);
      if (old) changeOf(months, monthOf(old)).ids.add(id);
      if (row) {
        putIn(months, row);
        puts.push(row);
        this.byId.set(id, row);
        if (splice) rows.splice(insertionPoint(rows, row), 0, row);
      } else if (old) {
        removals.push(id);
        this.byId.delete(id);
      }
    }
    if (!splice) rows = mergeRows(rows, ids, puts);
    this.snapshot = { loaded: true, rows };
    this.notify();
    for (const listener of this.rowListeners) listener({ rebuilt: false, puts, removals });
    this.enqueue(false, months);
  }

  /** An expected row stands for the record's creation only: a record already indexed is read back. */
  private expectedRow(id: string, old: TransactionRow | undefined): TransactionRow | undefined {
    const row = this.expected.get(id);
    if (row === undefined) return undefined;
    this.expected.delete(id);
    return old === undefined ? row : undefined;
  }

  private rowOf(id: string): TransactionRow | undefined {
    const record = this.source.get(id);
    return record && !record.deleted ? toTransactionRow(record) : undefined;
  }

  private publish(rows: readonly TransactionRow[]): void {
    this.byId.clear();
    for (const row of rows) this.byId.set(row.id, row);
    this.snapshot = { loaded: true, rows };
    this.notify();
  }

  /** Queues a write to IndexedDB, from the state the last one queued leads to the ledger's state now, run once the page is idle so showing a change comes first. */
  private enqueue(clear: boolean, months: ReadonlyMap<string, MonthChange>): void {
    const change: IndexWrite = { clear, months, from: this.latest, to: this.fingerprint() };
    this.latest = change.to;
    this.waiting = change;
    this.writes = this.writes
      .then(whenIdle)
      .then(() => {
        if (this.waiting === change) this.waiting = undefined;
        return this.write(change);
      })
      // A failed write deleted the fingerprint in a transaction before, or its only one changed
      // nothing: the next write finds the stored rows in another state than it starts from.
      .catch(() => undefined);
  }

  /**
   * Stores a change, each month read, changed and written back in one IndexedDB transaction, so
   * a tab that has not yet heard another's change never writes over it. A large change goes in
   * transactions of about `WRITE_CHUNK` rows read and written (`writeChunk`), the page idle between two.
   *
   * The stored fingerprint names the ledger state the stored rows are. A write whose `to` that
   * state already holds (another tab wrote the same change first), or with no fingerprint stored
   * the state another tab's write under way takes them to, is skipped: the rows are newer.
   * Otherwise it vouches for its `to` only when the rows were in its `from` state (or already in
   * `to`) when it began, or it rebuilds them, and no other tab's transaction came between its own
   * (each leaves its mark, `WRITER_KEY`); else it deletes the fingerprint, and the next start
   * rebuilds. So a tab that rebuilt from an older ledger state, or wrote in the middle of another's
   * large write, or was closed half-way through one, never leaves a fingerprint vouching for rows
   * that miss a transaction or keep one deleted.
   */
  private async write(change: IndexWrite): Promise<void> {
    const db = this.db;
    const months = [...change.months];
    const mark = `${this.writer}:${this.written++}`;
    let vouches = false;
    let at = 0;
    do {
      const first = at === 0;
      if (!first) await whenIdle();
      const skipped = await db.transaction('rw', db.transactionMonths, db.settings, async () => {
        const writing = writerOf((await db.settings.get(WRITER_KEY))?.value);
        if (first) {
          const stored = (await db.settings.get(FINGERPRINT_KEY))?.value;
          // Unvouched rows are rebuilt at the next start whatever is written; a write under way brings them to its `to`.
          const newer = typeof stored === 'string' ? stored : writing?.to;
          if (!change.clear && newer !== undefined && this.state.covers(newer, change.to)) return true;
          vouches = change.clear || stored === change.from || stored === change.to;
          if (change.clear) await db.transactionMonths.clear();
        } else if (writing?.mark !== mark) vouches = false;
        await db.settings.put({ key: WRITER_KEY, value: { mark, to: change.to } });
        // Rows read and written both count: one row changed in each of many large months is a large write.
        for (let rows = 0; at < months.length && rows < (this.options.writeChunk ?? WRITE_CHUNK); at++) {
          const [month, { ids, puts }] = months[at] as [string, MonthChange];
          const stored = (await db.transactionMonths.get(month))?.rows ?? [];
          const merged = mergeRows(stored, ids, puts);
          if (merged.length > 0) await db.transactionMonths.put({ month, rows: merged });
          else await db.transactionMonths.delete(month);
          rows += stored.length + merged.length;
        }
        if (vouches && at >= months.length) {
          await db.settings.put({ key: FINGERPRINT_KEY, value: change.to });
          // The rows in memory are the state `to` only while no later change is queued. Otherwise
          // what is kept apart goes: an older Tally's rows may be of this very state, but another shape.
          if (this.latest === change.to) {
            const newest: StoredNewest = { of: change.to, rows: this.snapshot.rows.slice(0, FIRST_SCREEN) };
            await db.settings.put({ key: NEWEST_KEY, value: newest });
          } else await db.settings.delete(NEWEST_KEY);
        } else await db.settings.delete(FINGERPRINT_KEY);
        return false;
      });
      if (skipped) return;
    } while (at < months.length);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The first screenful of rows stored apart (`NEWEST_KEY`), and the ledger state they are of. */
interface StoredNewest {
  readonly of: string;
  readonly rows: readonly TransactionRow[];
}

function newestOf(stored: unknown): StoredNewest | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { of, rows } = stored as Record<string, unknown>;
  return typeof of === 'string' && Array.isArray(rows) ? { of, rows: rows as TransactionRow[] } : undefined;
}

/** Which write last changed the stored rows (`WRITER_KEY`), and the ledger state it takes them to. */
function writerOf(stored: unknown): { readonly mark: string; readonly to: string } | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { mark, to } = stored as Record<string, unknown>;
  return typeof mark === 'string' && typeof to === 'string' ? { mark, to } : undefined;
}

/** The month a row is stored in, `YYYY-MM`. */
function monthOf(row: TransactionRow): string {
  return row.date.slice(0, 7);
}

/** The change of `month`, made empty when the month has none yet. */
function changeOf(months: Map<string, MonthChange>, month: string): MonthChange {
  let change = months.get(month);
  if (!change) {
    change = { ids: new Set(), puts: [] };
    months.set(month, change);
  }
  return change;
}

/** Puts `row` in its month's change, in place of any row of its id the month holds. */
function putIn(months: Map<string, MonthChange>, row: TransactionRow): void {
  const month = changeOf(months, monthOf(row));
  month.ids.add(row.id);
  month.puts.push(row);
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

/** The rows without those of `ids`, and `puts` sorted in: one pass, instead of sorting every row again. */
function mergeRows(
  rows: readonly TransactionRow[],
  ids: ReadonlySet<string>,
  puts: readonly TransactionRow[],
): TransactionRow[] {
  const kept = rows.filter((row) => !ids.has(row.id));
  const added = [...puts].sort(compareRows);
  const merged: TransactionRow[] = [];
  let k = 0;
  let a = 0;
  while (k < kept.length || a < added.length) {
    const next = kept[k];
    const put = added[a];
    if (put === undefined || (next !== undefined && compareRows(next, put) <= 0)) {
      if (next !== undefined) merged.push(next);
      k += 1;
    } else {
      merged.push(put);
      a += 1;
    }
  }
  return merged;
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
