import type { DeviceStores, ListStore } from '../../storage/index.js';

/** One import as this device remembers it, for the list of recent imports and their undo. */
export interface RecentImport {
  /** The batch every transaction of the import carries in its import id: undo finds them by it. */
  readonly batch: string;
  readonly fileName: string;
  readonly accountId: string;
  /** When it was confirmed, milliseconds since 1970. */
  readonly at: number;
  /** Transactions written so far: all of them once `complete`. */
  readonly count: number;
  /** Transactions the import set out to write. */
  readonly total: number;
  /** Signed minor units of what the import set out to write, in the account's currency. */
  readonly sum: number;
  /** False while writing, and for ever after if writing stopped partway (an error, the tab closed). */
  readonly complete: boolean;
  readonly undone: boolean;
}

const KEEP = 10;

/** A stored entry, or undefined for anything else; entries stored before imports could stop partway were complete. */
export function readRecentImport(value: unknown): RecentImport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const fields: Record<string, unknown> = { ...value };
  const { batch, fileName, accountId, at, count, sum, undone, total = count, complete = true } = fields;
  if (typeof batch !== 'string' || typeof fileName !== 'string' || typeof accountId !== 'string') return undefined;
  if (typeof at !== 'number' || typeof count !== 'number' || typeof sum !== 'number' || typeof total !== 'number')
    return undefined;
  if (typeof undone !== 'boolean' || typeof complete !== 'boolean') return undefined;
  return { batch, fileName, accountId, at, count, total, sum, complete, undone };
}

export type RecentImportChange = Partial<Pick<RecentImport, 'count' | 'complete' | 'undone'>>;

/** What the list of recent imports offers for an entry. */
export type RecentImportState = 'undoable' | 'writing' | 'undone';

/**
 * An entry this page is still writing cannot be undone yet; one left partial by a closed tab (not
 * complete, and written nowhere here) can, as can one written in another tab — that writer stops
 * and removes what it wrote once it sees the entry undone.
 */
export function recentImportState(entry: RecentImport, beingWritten: ReadonlySet<string>): RecentImportState {
  if (entry.undone) return 'undone';
  return beingWritten.has(entry.batch) ? 'writing' : 'undoable';
}

/** The last few imports made on this device, newest first. */
export class RecentImports {
  private readonly entries: ListStore<RecentImport>;

  constructor(stores: DeviceStores) {
    this.entries = stores.recentImports(readRecentImport);
  }

  list(): Promise<RecentImport[]> {
    return this.entries.list();
  }

  /** Remembers an import before its first transaction is written, so even one cut short can be undone. */
  async add(entry: RecentImport): Promise<void> {
    await this.entries.change((list) => [entry, ...list.filter((item) => item.batch !== entry.batch)].slice(0, KEEP));
  }

  async update(batch: string, change: RecentImportChange): Promise<void> {
    await this.entries.change((list) => list.map((item) => (item.batch === batch ? { ...item, ...change } : item)));
  }

  /**
   * Notes how far an import's writing got, unless it was undone meanwhile — here or in another
   * tab. Whether it still stands: a writer stops at false.
   */
  progress(batch: string, change: RecentImportChange): Promise<boolean> {
    return this.entries.change((list) =>
      list.some((item) => item.batch === batch && item.undone)
        ? undefined
        : list.map((item) => (item.batch === batch ? { ...item, ...change } : item)),
    );
  }

  /** Forgets an import that wrote nothing: there is nothing to undo. */
  async forget(batch: string): Promise<void> {
    await this.entries.change((list) => list.filter((item) => item.batch !== batch));
  }
}
