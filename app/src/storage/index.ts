export {
  foldText,
  matchesSearch,
  type Searchable,
  type SearchQuery,
  searchQuery,
  searchTextOf,
  searchWords,
} from './search-text.js';
export { type RelaySession, SettingsStore } from './settings-store.js';
export { TallyDatabase } from './tally-database.js';
export { TransactionIndex, type TransactionIndexSnapshot, type TransactionSource } from './transaction-index.js';
export { compareRows, type TransactionRow, toTransactionRow } from './transaction-row.js';
