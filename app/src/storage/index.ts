export { AttachmentStore, type AttachmentUsage } from './attachment-store.js';
export { DeviceStorage, type DeviceStores } from './device-storage.js';
export { KeyedStore, type ReadStored } from './keyed-store.js';
export { type KnownLedger, type KnownLedgerRole, KnownLedgers, PERSONAL_LEDGER_KEY } from './known-ledgers.js';
export { ListStore } from './list-store.js';
export {
  foldText,
  matchesSearch,
  type Searchable,
  type SearchQuery,
  searchQuery,
  searchTextOf,
  searchWords,
} from './search-text.js';
export type { RelaySession } from './settings-store.js';
export type { AttachmentState, StoredAttachment } from './stored-attachment.js';
export type {
  LedgerState,
  TransactionIndex,
  TransactionIndexSnapshot,
  TransactionRowChange,
  TransactionSource,
} from './transaction-index.js';
export { compareRows, type TransactionRow, toTransactionRow } from './transaction-row.js';
