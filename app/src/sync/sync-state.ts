import type { RelaySession } from '../storage/index.js';

/** Why syncing stopped: `too-large` when the relay refused this device's changes as more than it accepts in one frame. */
export type SyncProblem = 'too-large';

/** local: no relay (or revoked); offline: a relay, not reachable; syncing; synced: up to date. */
export type SyncStateName = 'local' | 'offline' | 'syncing' | 'synced';

export type AccountSummary = Pick<RelaySession, 'relayUrl' | 'email' | 'deviceName' | 'deviceId' | 'revoked'>;

export interface SyncState {
  readonly state: SyncStateName;
  readonly lastSyncedAt: number | undefined;
  /** The relay account this device is linked to, if any. */
  readonly account: AccountSummary | undefined;
  /** Why syncing stopped, when it stopped for a reason the person should hear about. */
  readonly problem: SyncProblem | undefined;
}
