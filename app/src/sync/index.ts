export {
  type AdvisorFilter,
  type AdvisorProfile,
  type AdvisorProfileFields,
  type AdvisorSpecialty,
  type Availability,
  type AvailabilityException,
  advisorApi,
  advisorSpecialties,
  type Booking,
  type BookingAction,
  type BookingRequest,
  type BookingStatus,
  bookingActions,
  bookingStatuses,
  type ChatDocument,
  type ChatMessage,
  type DayHours,
  type DocumentToSend,
  type MessagePage,
  type PageOf,
  type ReadPosition,
  type SessionPrice,
  type Slot,
  type WeeklyHours,
} from './advisor-api.js';
export { browserClock, browserLock } from './device-clock.js';
export { LiveEvents } from './live-events.js';
export { LocalLedger } from './local-ledger.js';
export { nextTask } from './next-task.js';
export {
  type CheckoutStart,
  type PaymentRecord,
  type PaymentStatus,
  type PaymentTerms,
  paymentApi,
} from './payment-api.js';
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
export type { RelayEvent, SeqStore } from './relay-events.js';
export { type LedgerOnRelay, RelaySync, type SyncSettings } from './relay-sync.js';
export {
  deleteStoredLedger,
  type StoredLedger,
  storedLedgerKeys,
  storedLedgerOf,
  storeUpdates,
} from './stored-ledger.js';
export type { AccountSummary, SyncState, SyncStateName } from './sync-state.js';
export { browserHoldLock, claimWriter, type HoldLock, type WriterIds } from './writer-claim.js';
