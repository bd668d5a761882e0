import type { TallyDatabase } from '../../storage/index.js';

/** One import as this device remembers it, for the list of recent imports and their undo. */
export interface RecentImport {
  /** The batch every transaction of the import carries in its import id. */
  readonly batch: string;
  readonly fileName: string;
  readonly accountId: string;
  /** When it was confirmed, milliseconds since 1970. */
  readonly at: number;
  readonly count: number;
  /** Signed minor units, in the account's currency. */
  readonly sum: number;
  readonly undone: boolean;
}

const LIST_KEY = 'import.recent';
/** The transactions of one import, kept apart from the list so the list stays small to read. */
const IDS_PREFIX = 'import.ids.';
const KEEP = 10;

function isRecentImport(value: unknown): value is RecentImport {
  if (typeof value !== 'object' || value === null) return false;
  const fields: Record<string, unknown> = { ...value };
  return (
    ['batch', 'fileName', 'accountId'].every((name) => typeof fields[name] === 'string') &&
    ['at', 'count', 'sum'].every((name) => typeof fields[name] === 'number') &&
    typeof fields['undone'] === 'boolean'
  );
}

/** The last few imports made on this device, newest first, with the ids each one wrote. */
export class RecentImports {
  constructor(private readonly db: TallyDatabase) {}

  async list(): Promise<RecentImport[]> {
    const entry = await this.db.settings.get(LIST_KEY);
    return Array.isArray(entry?.value) ? entry.value.filter(isRecentImport) : [];
  }

  async add(entry: RecentImport, transactionIds: readonly string[]): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const list = [entry, ...(await this.list()).filter((item) => item.batch !== entry.batch)];
      const dropped = list.slice(KEEP).map((item) => IDS_PREFIX + item.batch);
      await this.db.settings.bulkDelete(dropped);
      await this.db.settings.put({ key: IDS_PREFIX + entry.batch, value: [...transactionIds] });
      await this.db.settings.put({ key: LIST_KEY, value: list.slice(0, KEEP) });
    });
  }

  async transactionIds(batch: string): Promise<string[]> {
    const entry = await this.db.settings.get(IDS_PREFIX + batch);
    return Array.isArray(entry?.value) ? entry.value.filter((id): id is string => typeof id === 'string') : [];
  }

  async markUndone(batch: string): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const list = (await this.list()).map((item) => (item.batch === batch ? { ...item, undone: true } : item));
      await this.db.settings.put({ key: LIST_KEY, value: list });
    });
  }
}
