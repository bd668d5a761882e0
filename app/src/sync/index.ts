export { LocalLedger } from './local-ledger.js';
export {
  type Credentials,
  type IssuedInvitation,
  type LedgerInvitation,
  type LedgerMember,
  type LedgerRole,
  type LedgerVersion,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
  notificationChannels,
  notificationKinds,
  type PendingInvitation,
  type PushSubscriptionKeys,
  type RegistrationPolicy,
  type RelayAccountSummary,
  RelayApi,
  type RelayDevice,
  type RelayLedger,
} from './relay-api.js';
export { RelayApiError } from './relay-api-error.js';
export { type LedgerOnRelay, RelaySync, type SyncSettings } from './relay-sync.js';
export {
  deleteStoredLedger,
  type StoredLedger,
  storedLedgerKeys,
  storedLedgerOf,
} from './stored-ledger.js';
export type { AccountSummary, SyncState, SyncStateName } from './sync-state.js';
export { browserHoldLock, claimWriter, type HoldLock, type WriterIds } from './writer-claim.js';
