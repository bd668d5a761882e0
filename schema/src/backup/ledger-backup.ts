import { isRecordId } from '../ids.js';
import { type Collection, type Ledger, LedgerError } from '../ledger/index.js';
import { isCurrencyCode } from '../money/index.js';
import {
  accountKind,
  budgetKind,
  categoryKind,
  contributionKind,
  exchangeRateKind,
  type FieldIssue,
  goalKind,
  personKind,
  type RecordKind,
  recurringKind,
  ruleKind,
  settlementKind,
  transactionKind,
  validateRecord,
} from '../records/index.js';

/** Collections in the order a restore writes them: every record after the ones it names. */
const ORDER = [
  'accounts',
  'categories',
  'people',
  'goals',
  'recurring',
  'transactions',
  'budgets',
  'contributions',
  'rates',
  'rules',
  'settlements',
] as const;
type BackupCollection = (typeof ORDER)[number];

const KINDS: Record<BackupCollection, RecordKind<object>> = {
  accounts: accountKind as RecordKind<object>,
  categories: categoryKind as RecordKind<object>,
  goals: goalKind as RecordKind<object>,
  recurring: recurringKind as RecordKind<object>,
  transactions: transactionKind as RecordKind<object>,
  budgets: budgetKind as RecordKind<object>,
  contributions: contributionKind as RecordKind<object>,
  rates: exchangeRateKind as RecordKind<object>,
  rules: ruleKind as RecordKind<object>,
  people: personKind as RecordKind<object>,
  settlements: settlementKind as RecordKind<object>,
};

export const BACKUP_FORMAT = 'tally-backup';
export const BACKUP_VERSION = 1;

/** The whole ledger as plain JSON: every record with its id and `deleted` flag, readable by people and other tools. */
export interface LedgerBackup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly homeCurrency: string | null;
  readonly collections: Readonly<Record<BackupCollection, readonly Readonly<Record<string, unknown>>[]>>;
}

export type RestoreMode =
  /** Into a ledger with no records: afterwards it holds exactly what the backup holds. */
  | 'into-empty'
  /** Adds the records the ledger does not have; records it has are kept as they are. */
  | 'merge';

export interface RestoreSummary {
  readonly added: number;
  readonly kept: number;
}

function collection(ledger: Ledger, name: BackupCollection): Collection<object, never> {
  return ledger[name] as unknown as Collection<object, never>;
}

export function exportLedger(ledger: Ledger): LedgerBackup {
  const collections = {} as Record<BackupCollection, Record<string, unknown>[]>;
  for (const name of ORDER) {
    collections[name] = collection(ledger, name)
      .list({ includeDeleted: true })
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((record) => ({ ...record }));
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, homeCurrency: ledger.homeCurrency, collections };
}

function refuse(message: string, issues: readonly FieldIssue[] = []): never {
  throw new LedgerError('invalid-record', message, issues);
}

/** Reads untrusted backup JSON into typed records, or refuses it naming the first bad record. */
function parseBackup(data: unknown): LedgerBackup {
  if (typeof data !== 'object' || data === null) refuse('this is not a Tally backup');
  const backup = data as Record<string, unknown>;
  if (backup.format !== BACKUP_FORMAT) refuse('this is not a Tally backup');
  if (backup.version !== BACKUP_VERSION)
    refuse(`this backup has version ${String(backup.version)}; this Tally reads version ${BACKUP_VERSION}`);
  const collections = backup.collections;
  if (typeof collections !== 'object' || collections === null || Array.isArray(collections))
    refuse('the backup has no records');
  const homeCurrency = backup.homeCurrency;
  if (homeCurrency !== null && !(typeof homeCurrency === 'string' && isCurrencyCode(homeCurrency))) {
    refuse(`the backup’s home currency "${String(homeCurrency)}" is not an ISO 4217 currency code`);
  }
  const parsed = {} as Record<BackupCollection, Record<string, unknown>[]>;
  for (const name of ORDER) {
    const records = (collections as Record<string, unknown>)[name] ?? [];
    if (!Array.isArray(records)) refuse(`"${name}" in the backup is not a list`);
    parsed[name] = records.map((record: unknown, index) => {
      if (typeof record !== 'object' || record === null) refuse(`${name} record ${index + 1} is not a record`);
      const { id, deleted, ...fields } = record as Record<string, unknown>;
      if (!isRecordId(id) || typeof deleted !== 'boolean')
        refuse(`${name} record ${index + 1} has no valid id or deleted flag`);
      const validation = validateRecord(KINDS[name], fields, false);
      if (!validation.ok)
        refuse(
          `${name} record ${id} is not valid: ${validation.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
          validation.issues,
        );
      return { ...(validation.record as Record<string, unknown>), id, deleted };
    });
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, homeCurrency, collections: parsed };
}

/**
 * Which fields name records of which collection, for checking that a backup names nothing that
 * is nowhere; for a list of rows (split parts, shares), the key of the row that names it.
 */
const REFERENCES: Readonly<
  Record<BackupCollection, readonly (readonly [field: string, target: BackupCollection, rowKey?: string])[]>
> = {
  accounts: [],
  categories: [],
  people: [],
  goals: [['accountIds', 'accounts']],
  recurring: [
    ['accountId', 'accounts'],
    ['categoryId', 'categories'],
  ],
  // A transfer's or an occurrence's link to another record is not required to resolve, as in the ledger.
  transactions: [
    ['accountId', 'accounts'],
    ['categoryId', 'categories'],
    ['splits', 'categories', 'categoryId'],
    ['paidBy', 'people'],
    ['shares', 'people', 'personId'],
  ],
  budgets: [['categoryId', 'categories']],
  contributions: [['goalId', 'goals']],
  rates: [],
  rules: [['categoryId', 'categories']],
  settlements: [
    ['fromPersonId', 'people'],
    ['toPersonId', 'people'],
  ],
};

function namedIds(value: unknown, rowKey: string | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    typeof item === 'string'
      ? [item]
      : typeof item === 'object' && item !== null && rowKey !== undefined
        ? namedIds((item as Record<string, unknown>)[rowKey], undefined)
        : [],
  );
}

/** Refuses a backup with a record that names a record neither the backup nor the ledger has. */
function checkReferences(ledger: Ledger, backup: LedgerBackup): void {
  const ids = new Map(
    ORDER.map((name) => [name, new Set(backup.collections[name].map((record) => String(record.id)))]),
  );
  for (const name of ORDER) {
    for (const record of backup.collections[name]) {
      for (const [field, target, rowKey] of REFERENCES[name]) {
        const missing = namedIds(record[field], rowKey).find(
          (id) => !ids.get(target)?.has(id) && !collection(ledger, target).has(id),
        );
        if (missing !== undefined)
          refuse(`${name} record ${String(record.id)}: ${field} names ${target} record ${missing}, which is nowhere`);
      }
    }
  }
}

/**
 * Restores a backup (SPEC BAK1–BAK3): completely or not at all. Every field, id and reference is
 * checked before anything is written, then it is written as one update. Records are created
 * exactly as they were — alive, in dependency order, the deleted ones deleted at the end — so the
 * restored ledger reads as the one backed up, inconsistencies left by concurrent edits included.
 */
export function restoreLedger(ledger: Ledger, data: unknown, mode: RestoreMode): RestoreSummary {
  const backup = parseBackup(data);
  if (mode === 'into-empty' && ORDER.some((name) => collection(ledger, name).size > 0)) {
    refuse('this ledger already has records: restore into an empty ledger, or merge');
  }
  checkReferences(ledger, backup);
  let added = 0;
  let kept = 0;
  ledger.transact(() => {
    const deleted: [BackupCollection, string][] = [];
    for (const name of ORDER) {
      const target = collection(ledger, name);
      for (const { id, deleted: wasDeleted, ...fields } of backup.collections[name]) {
        const recordId = String(id);
        if (target.has(recordId)) {
          kept += 1;
          continue;
        }
        target.createExact(fields as never, recordId);
        added += 1;
        if (wasDeleted === true) deleted.push([name, recordId]);
      }
    }
    for (const [name, id] of deleted) collection(ledger, name).delete(id);
    if (backup.homeCurrency !== null && (mode === 'into-empty' || ledger.homeCurrency === null))
      ledger.setHomeCurrency(backup.homeCurrency);
  });
  return { added, kept };
}
