import type { LedgerRecord, RecordChange } from '@tally/schema';

/** What a cache needs of a ledger collection. */
export interface ReadableCollection<T> {
  get(id: string): LedgerRecord<T> | undefined;
  list(options?: { includeDeleted?: boolean }): LedgerRecord<T>[];
  observe(listener: (change: RecordChange) => void): () => void;
}

/**
 * Stable snapshots of a small collection (accounts, categories) for `useSyncExternalStore`: a
 * record's object changes only when that record changes, so only the components showing it
 * render again.
 */
export class RecordCache<T> {
  private readonly byId = new Map<string, LedgerRecord<T>>();
  private records: readonly LedgerRecord<T>[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly collection: ReadableCollection<T>,
    private readonly sortKey: (record: LedgerRecord<T>) => string,
  ) {
    this.reload();
    collection.observe(({ ids }) => this.changed(ids));
  }

  /** Live records, deleted ones left out, in `sortKey` order. */
  all = (): readonly LedgerRecord<T>[] => this.records;

  get(id: string | null | undefined): LedgerRecord<T> | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      const record = this.collection.get(id);
      if (record && !record.deleted) this.byId.set(id, record);
      else this.byId.delete(id);
    }
    this.records = this.sorted();
    for (const listener of this.listeners) listener();
  }

  private sorted(): LedgerRecord<T>[] {
    return [...this.byId.values()].sort((a, b) => this.sortKey(a).localeCompare(this.sortKey(b)));
  }

  private reload(): void {
    this.byId.clear();
    for (const record of this.collection.list()) this.byId.set(record.id, record);
    this.records = this.sorted();
  }
}
