export { loadOrCreateSigningKey } from './auth/signing-key.js';
export { buildRelay } from './build-relay.js';
export { RedisRelayBus } from './bus/redis-relay-bus.js';
export type { BusListener, RelayBus } from './bus/relay-bus.js';
export type { FailureRun, SharedCounters } from './bus/shared-counters.js';
export type { SharedPresence } from './bus/shared-presence.js';
export { type ErrorCode, type ErrorReply, errorCatalogue } from './http/error-catalogue.js';
export { loadOrCreateVapidKeys, type VapidKeys } from './push/vapid-keys.js';
export type { RelayConfig } from './relay-config.js';
export type { RelayApp } from './relay-context.js';
export { createRelayLogger, type RelayLogger } from './relay-logger.js';
export type {
  Accounts,
  DeviceActivity,
  DeviceRecord,
  DocRole,
  NewDevice,
  NewUser,
  RefreshOutcome,
  UserRecord,
} from './storage/accounts/accounts.js';
export type { LedgerDocuments, StoredDoc } from './storage/documents/ledger-documents.js';
export { rebuildDoc } from './storage/documents/stored-doc.js';
export { MemoryStorage } from './storage/memory-storage.js';
export { PostgresStorage } from './storage/postgres-storage.js';
export type { NotificationPreferences, PushStore } from './storage/push/push-store.js';
export type { RelayStorage } from './storage/relay-storage.js';
export { SqliteStorage } from './storage/sqlite-storage.js';
export { type CloseCode, closeCodes, type PeerSocket } from './sync/peer-socket.js';
