import type { RelaySession } from '../storage/index.js';
import type { SyncSettings } from './relay-sync.js';
import type { WrittenThrough } from './sync-state.js';

/**
 * What syncing keeps on a device, held in memory for tests of syncing (the storage layer has
 * its own, over IndexedDB). Every tab of one device shares one.
 */
export class InMemorySettings implements SyncSettings {
  stored: RelaySession | undefined;
  lastSynced: number | undefined;
  relay: WrittenThrough = new Map();

  async session(): Promise<RelaySession | undefined> {
    return this.stored;
  }

  async saveSession(session: RelaySession): Promise<void> {
    this.stored = session;
  }

  async forgetSession(): Promise<void> {
    this.stored = undefined;
    this.lastSynced = undefined;
    this.relay = new Map();
  }

  async lastSyncedAt(): Promise<number | undefined> {
    return this.lastSynced;
  }

  async saveLastSyncedAt(time: number): Promise<void> {
    this.lastSynced = time;
  }

  async relayStored(): Promise<WrittenThrough> {
    return this.relay;
  }

  async saveRelayStored(stored: WrittenThrough): Promise<void> {
    this.relay = stored;
  }
}
