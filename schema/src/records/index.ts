export type { Checked, FieldIssue, FieldSpec, SplitPart } from './field.js';
export {
  ACCOUNT_TYPES,
  CATEGORY_KINDS,
  accountKind,
  budgetKind,
  categoryKind,
  exchangeRateKind,
  goalKind,
  recurringKind,
  settingsKind,
  transactionKind,
  type Account,
  type AccountType,
  type Budget,
  type Category,
  type CategoryKind,
  type ExchangeRateRecord,
  type FieldSpecs,
  type Goal,
  type LedgerSettings,
  type RecordInput,
  type RecordKind,
  type RecurringTransaction,
  type Transaction,
} from './kinds.js';
export { categoryAmounts, type CategoryAmount } from './category-amounts.js';
export { validatePatch, validateRecord, type Validation } from './validate.js';
