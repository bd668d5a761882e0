export { attachmentHashes, attachmentHashesInUpdate } from './attachment-references.js';
export { Collection, type Inspection, type LedgerRecord, type Storable } from './collection.js';
export { type CreatedTransactions, type CreationWriter, createTransactions } from './created-transactions.js';
export { changedAnything, onDocumentChange } from './document-changes.js';
export type { FieldWrite, StoredRow, StoredScalar, StoredValue } from './field-writes.js';
export { LEDGER_FORMAT, MIGRATIONS, type Migration, readFormat } from './format.js';
export {
  budgetId,
  Ledger,
  type LedgerOptions,
  type NewAccount,
  type NewBudget,
  type NewCategory,
  type NewContribution,
  type NewGoal,
  type NewPerson,
  type NewRecurringTransaction,
  type NewSettlement,
  type NewTransaction,
  type NewTransfer,
  type Occurrence,
  occurrenceId,
  openLedger,
  personId,
  rateId,
  type StartedLedger,
} from './ledger.js';
export { LedgerError, type LedgerErrorCode } from './ledger-error.js';
export { applyReceivedUpdate } from './received-update.js';
export type { RecordChange } from './record-store.js';
export {
  STARTER_CATEGORIES,
  STARTER_CATEGORY_SLOTS,
  type StarterCategorySlot,
  type StarterRecords,
  starterAccountId,
  starterCategoryId,
} from './starter-records.js';
export { type VersionRestore, versionRestoreUpdate } from './version-restore.js';
