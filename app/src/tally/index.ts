export type { DueOccurrencesSnapshot, StalledItem, StallReason } from './due-occurrences.js';
export { openTally, type Tally } from './tally.js';
export { TallyContext, useTally } from './tally-context.js';
export { useDueOccurrences } from './use-due-occurrences.js';
export { useHomeCurrency } from './use-home-currency.js';
export { useReady } from './use-ready.js';
export { useSyncState } from './use-sync-state.js';
export { useTransactionRows } from './use-transaction-rows.js';
