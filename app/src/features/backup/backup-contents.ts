import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '@tally/schema';

/** The collections a backup holds, in the order a person reads about them. */
export const BACKUP_COLLECTIONS = [
  'accounts',
  'transactions',
  'categories',
  'budgets',
  'goals',
  'contributions',
  'recurring',
  'rules',
  'rates',
] as const satisfies readonly (keyof LedgerBackup['collections'])[];
export type BackupCollection = (typeof BACKUP_COLLECTIONS)[number];

/** How many records of one kind a backup holds, not counting the ones deleted before it was made. */
export interface BackupCount {
  readonly collection: BackupCollection;
  readonly count: number;
}

/** Why a chosen file cannot be restored, before anything in it is written. */
export type BackupFileProblem = 'unreadable' | 'not-a-backup' | 'other-version' | 'no-records';

export type BackupReading =
  | {
      readonly ok: true;
      readonly data: unknown;
      readonly counts: readonly BackupCount[];
      readonly homeCurrency: string | null;
    }
  | { readonly ok: false; readonly problem: BackupFileProblem };

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function liveRecords(records: unknown): number {
  if (!Array.isArray(records)) return 0;
  return records.filter((record: unknown) => isObject(record) && record.deleted !== true).length;
}

/**
 * Reads a chosen file far enough to tell the person what it holds before they confirm. Every
 * field of every record is checked by the restore itself (BAK3), which writes nothing if one fails.
 */
export function readBackupFile(text: string): BackupReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) return { ok: false, problem: 'not-a-backup' };
  if (data.version !== BACKUP_VERSION) return { ok: false, problem: 'other-version' };
  const collections = data.collections;
  if (!isObject(collections)) return { ok: false, problem: 'no-records' };
  const counts = BACKUP_COLLECTIONS.map((collection) => ({ collection, count: liveRecords(collections[collection]) }));
  if (BACKUP_COLLECTIONS.every((name) => !Array.isArray(collections[name]) || collections[name].length === 0))
    return { ok: false, problem: 'no-records' };
  const homeCurrency = typeof data.homeCurrency === 'string' ? data.homeCurrency : null;
  return { ok: true, data, counts, homeCurrency };
}
