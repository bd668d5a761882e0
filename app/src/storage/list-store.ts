import type { ReadStored } from './keyed-store.js';
import type { TallyDatabase } from './tally-database.js';

/** A list this device keeps for itself, never synced; entries that do not read back are left out. */
export class ListStore<T> {
  constructor(
    private readonly db: TallyDatabase,
    private readonly key: string,
    private readonly read: ReadStored<T>,
  ) {}

  async list(): Promise<T[]> {
    const entry = await this.db.settings.get(this.key);
    return Array.isArray(entry?.value) ? entry.value.flatMap((item: unknown) => this.read(item) ?? []) : [];
  }

  /**
   * Replaces the list with what `change` makes of it, read and written in one IndexedDB
   * transaction, so changes from two tabs at once both land. `change` returns undefined to leave
   * the list as it is; the answer says whether it was changed.
   */
  async change(change: (list: T[]) => readonly T[] | undefined): Promise<boolean> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const next = change(await this.list());
      if (next === undefined) return false;
      await this.db.settings.put({ key: this.key, value: next });
      return true;
    });
  }
}
