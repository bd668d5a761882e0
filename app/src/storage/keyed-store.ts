import type { TallyDatabase } from './tally-database.js';

/**
 * Turns what was stored back into a value, or undefined when it is not one: something an older
 * Tally stored, or a person with the browser's tools, is never trusted as it is.
 */
export type ReadStored<T> = (stored: unknown) => T | undefined;

/** Values of one kind that this device keeps for itself, one per key, never synced. */
export class KeyedStore<T> {
  constructor(
    private readonly db: TallyDatabase,
    /** Keeps this kind's keys apart from every other setting. */
    private readonly prefix: string,
    private readonly read: ReadStored<T>,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const entry = await this.db.settings.get(this.prefix + key);
    return entry === undefined ? undefined : this.read(entry.value);
  }

  async put(key: string, value: T): Promise<void> {
    await this.db.settings.put({ key: this.prefix + key, value });
  }
}
