import type { Writable } from 'node:stream';
import type { RelayStorage } from './storage/relay-storage.js';

/** What `buildRelay` needs. Everything but storage and key has a default fit for production. */
export interface RelayConfig {
  readonly storage: RelayStorage;
  /** HS256 key for access tokens; `loadOrCreateSigningKey(dataDir)` keeps one on disk. */
  readonly signingKey: Uint8Array;
  readonly issuer?: string;
  readonly audience?: string;
  readonly accessTokenTtlSeconds?: number;
  /** Origins besides the relay's own that may open sockets and call the API (CORS). Default none. */
  readonly allowedOrigins?: readonly string[];
  /** Larger sync frames close the socket with 1009. */
  readonly maxFrameBytes?: number;
  /** A socket whose unsent data grows past this is closed as too slow. */
  readonly maxBufferedBytes?: number;
  readonly unloadAfterMs?: number;
  readonly compactAfter?: number;
  /** Requests per client address per minute. */
  readonly authRequestsPerMinute?: number;
  readonly upgradesPerMinute?: number;
  /** scrypt N; each hash uses 128 · N · 8 bytes of memory. */
  readonly passwordCost?: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  readonly trustProxy?: boolean;
  readonly logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  readonly logStream?: Writable;
  /** The built app (`app/dist`), served at `/`; a placeholder page when absent. */
  readonly appDir?: string;
}

export type ResolvedRelayConfig = Required<Omit<RelayConfig, 'logStream' | 'appDir'>> &
  Pick<RelayConfig, 'logStream' | 'appDir'>;

export function resolveRelayConfig(config: RelayConfig): ResolvedRelayConfig {
  return {
    issuer: 'tally-relay',
    audience: 'tally-sync',
    accessTokenTtlSeconds: 15 * 60,
    allowedOrigins: [],
    // A device's first sync sends its whole ledger in one message: 32 MiB holds about 180,000 transactions.
    maxFrameBytes: 32 * 1024 * 1024,
    maxBufferedBytes: 8 * 1024 * 1024,
    unloadAfterMs: 10_000,
    compactAfter: 500,
    authRequestsPerMinute: 30,
    upgradesPerMinute: 120,
    passwordCost: 2 ** 15,
    trustProxy: false,
    logLevel: 'info',
    ...config,
  };
}
