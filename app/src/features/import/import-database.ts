import { TallyDatabase } from '../../storage/index.js';

let database: TallyDatabase | undefined;

/**
 * This device's local store, for the import's own settings (remembered mappings, recent imports).
 * Opened once, beside the app's own connection; Dexie closes it when the store is wiped.
 */
export function importDatabase(): TallyDatabase {
  database ??= new TallyDatabase();
  return database;
}
