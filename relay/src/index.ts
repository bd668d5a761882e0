export { loadOrCreateSigningKey } from './auth/signing-key.js';
export { buildRelay } from './build-relay.js';
export { type ErrorCode, type ErrorReply, errorCatalogue } from './http/error-catalogue.js';
export type { RelayConfig } from './relay-config.js';
export type { RelayApp } from './relay-context.js';
export { MemoryStorage } from './storage/memory-storage.js';
export { SqliteStorage } from './storage/sqlite-storage.js';
export type {
  DeviceRecord,
  DocRole,
  NewDevice,
  NewUser,
  RefreshOutcome,
  RelayStorage,
  StoredDoc,
  UserRecord,
} from './storage/storage.js';
export { type CloseCode, closeCodes, type PeerSocket } from './sync/peer-socket.js';
