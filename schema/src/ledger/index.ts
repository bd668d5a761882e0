export { Collection, type Inspection, type LedgerRecord, type Storable } from './collection.js';
export { LEDGER_FORMAT, MIGRATIONS, readFormat, type Migration } from './format.js';
export {
  Ledger,
  budgetId,
  occurrenceId,
  openLedger,
  rateId,
  type LedgerOptions,
  type NewAccount,
  type NewBudget,
  type NewCategory,
  type NewContribution,
  type NewGoal,
  type NewRecurringTransaction,
  type Occurrence,
  type NewTransaction,
  type NewTransfer,
} from './ledger.js';
export { LedgerError, type LedgerErrorCode } from './ledger-error.js';
export type { RecordChange } from './record-store.js';
export type { FieldWrite, StoredRow, StoredScalar, StoredValue } from './field-writes.js';
