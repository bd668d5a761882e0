export {
  foldText,
  matchesSearch,
  searchQuery,
  searchTextOf,
  searchWords,
  type Searchable,
  type SearchQuery,
} from './search-text.js';
export { SettingsStore, type RelaySession } from './settings-store.js';
export { TallyDatabase } from './tally-database.js';
export { TransactionIndex, type TransactionIndexSnapshot, type TransactionSource } from './transaction-index.js';
export { compareRows, type TransactionRow } from './transaction-row.js';
