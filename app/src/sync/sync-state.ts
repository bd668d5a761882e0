import type { RelaySession } from '../storage/index.js';

export const SYNC_STATES = ['local', 'offline', 'syncing', 'synced'] as const;
/** local: no relay (or revoked); offline: a relay, not reachable; syncing; synced: up to date. */
export type SyncStateName = (typeof SYNC_STATES)[number];

export type AccountSummary = Pick<RelaySession, 'relayUrl' | 'email' | 'deviceName' | 'deviceId' | 'revoked'>;

export interface SyncState {
  readonly state: SyncStateName;
  readonly lastSyncedAt: number | undefined;
  /** The relay account this device is linked to, if any. */
  readonly account: AccountSummary | undefined;
  /** Why syncing stopped, when it stopped for a reason the person should hear about. */
  readonly problem: string | undefined;
}
