import type { Agent } from 'node:https';
import type { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { BlobStore } from './blobs/blob-store.js';
import type { RelayBus } from './bus/relay-bus.js';
import type { SharedCounters } from './bus/shared-counters.js';
import type { SharedPresence } from './bus/shared-presence.js';
import type { VapidKeys } from './push/vapid-keys.js';
import { type RegistrationPolicy, type RelayOptions, relayDefaults } from './settings/relay-settings.js';
import type { RelayStorage } from './storage/relay-storage.js';

/**
 * What `buildRelay` needs: storage and a signing key, and optionally any relay setting (see
 * `settings/relay-settings.ts`), each defaulting to its row there.
 */
export interface RelayConfig extends Partial<RelayOptions> {
  readonly storage: RelayStorage;
  /** HS256 key for access tokens; `loadOrCreateSigningKey(dataDir)` keeps one on disk. */
  readonly signingKey: Uint8Array;
  /** The Web Push key pair; `loadOrCreateVapidKeys(dataDir)` keeps one on disk. Without it push is off. */
  readonly vapidKeys?: VapidKeys;
  /** The HTTPS agent that reaches push services (tests trust their own push endpoint's certificate with it). */
  readonly pushAgent?: Agent;
  /** Where the bytes of files are kept (BLOB1); `server.ts` keeps them on disk under `DATA_DIR/blobs`, in memory by default. */
  readonly blobStore?: BlobStore;
  /**
   * The relay's clock for reminders, the push queue, bookings and the files' grace time; `Date.now`
   * unless a test sets the time. A relay given a clock sweeps bookings only when asked
   * (`context.bookings.sweep()`), so the test that moves the time decides when expiry happens.
   */
  readonly clock?: () => number;
  /** The logger to write to (`createRelayLogger`); by default one made from `logLevel` and `logStream`. */
  readonly logger?: FastifyBaseLogger;
  /** The other relays on the same database (`REDIS_URL`, C1–C5); this relay alone when absent. */
  readonly bus?: RelayBus;
  /** Rate limits and login backoff counted across relays (`REDIS_URL`, C7); in this process when absent. */
  readonly counters?: SharedCounters;
  /** Who has an events socket open on any relay (`REDIS_URL`, N6); this relay's own sockets when absent. */
  readonly presence?: SharedPresence;
  /** Where the default logger writes its JSON lines; standard output by default. */
  readonly logStream?: Writable;
}

export type ResolvedRelayConfig = Omit<RelayOptions, 'registration'> &
  Omit<RelayConfig, keyof RelayOptions> & { readonly registration: RegistrationPolicy };

/** A relay in production asks for invitations unless its operator says otherwise (A1). */
export function defaultRegistration(nodeEnv: string | undefined): RegistrationPolicy {
  return nodeEnv === 'production' ? 'invite' : 'open';
}

export function resolveRelayConfig(config: RelayConfig): ResolvedRelayConfig {
  return {
    ...relayDefaults,
    ...config,
    registration: config.registration ?? defaultRegistration(process.env.NODE_ENV),
  };
}
