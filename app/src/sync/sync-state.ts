import type { RelaySession } from '../storage/index.js';

/**
 * Why syncing stopped: `too-large` when the relay refused this device's changes as more than it
 * accepts in one frame; `account-disabled` when the relay's admin disabled the account;
 * `refused-data` when it refused them as data no ledger may hold; `storage-full` when the
 * ledger's owner has as much stored as the relay keeps for one account.
 */
export type SyncProblem = 'too-large' | 'account-disabled' | 'refused-data' | 'storage-full';

/** local: no relay (or revoked); offline: a relay, not reachable; syncing; synced: up to date. */
export type SyncStateName = 'local' | 'offline' | 'syncing' | 'synced';

export type AccountSummary = Pick<RelaySession, 'relayUrl' | 'email' | 'deviceName' | 'deviceId' | 'revoked'>;

export interface SyncState {
  readonly state: SyncStateName;
  readonly lastSyncedAt: number | undefined;
  /**
   * Writes held on this device are not known to be stored on the relay: true while syncing them,
   * and while offline with edits made since the last sync (this session's or an earlier one's).
   */
  readonly pending: boolean;
  /** The relay account this device is linked to, if any. */
  readonly account: AccountSummary | undefined;
  /** Why syncing stopped, when it stopped for a reason the person should hear about. */
  readonly problem: SyncProblem | undefined;
}

/** Clocks by Yjs client: how far each device's writes reach in a copy of the ledger (a state vector). */
export type WrittenThrough = ReadonlyMap<number, number>;

/** What the link to the relay knows of this device's ledger against the relay's. */
export interface LinkState {
  readonly connected: boolean;
  /** The relay has answered this connection's first sync: everything it held then is here. */
  readonly received: boolean;
  /** What this device's ledger holds. */
  readonly held: WrittenThrough;
  /** What the relay has said it stores: its state when the connection opened, and every update it sent since. */
  readonly stored: WrittenThrough;
}

/** Everything the sync state shown is made from. */
export interface SyncKnowledge {
  readonly session: RelaySession | undefined;
  /** Undefined while there is no link: no session, a revoked one, or the sync code still loading. */
  readonly link: LinkState | undefined;
  readonly lastSyncedAt: number | undefined;
  readonly problem: SyncProblem | undefined;
  readonly now: number;
  /** What this device's ledger holds now. */
  readonly held: WrittenThrough;
  /** What the relay was last known to store, remembered across starts. */
  readonly relayStored: WrittenThrough;
}

/**
 * True when the relay stores every write this device holds: its own edits (made here, or in
 * another tab, or offline before a restart) and everything it received. Every change the ledger
 * makes sets at least one key, so it advances its writer's clock; comparing clocks is enough.
 */
export function storedOnRelay({ held, stored }: Pick<LinkState, 'held' | 'stored'>): boolean {
  for (const [client, clock] of held) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * The sync state the person is shown. `synced` means more than y-websocket's own flag (the
 * relay's first answer has arrived): every write held here must also be stored on the relay,
 * which a relay acknowledges by sending it back once stored. While one is not, it is `syncing`.
 * Each moment found synced is the last sync, the first one after registering included.
 */
export function syncStateShown(known: SyncKnowledge): SyncState {
  const state = stateName(known);
  const { session, link } = known;
  const stored = new Map(known.relayStored);
  for (const [client, clock] of link?.stored ?? []) if (clock > (stored.get(client) ?? 0)) stored.set(client, clock);
  const linked = session !== undefined && !session.revoked;
  return {
    state,
    lastSyncedAt: state === 'synced' ? known.now : known.lastSyncedAt,
    pending: linked && state !== 'synced' && !storedOnRelay({ held: known.held, stored }),
    problem: state === 'synced' ? undefined : known.problem,
    account: session && {
      relayUrl: session.relayUrl,
      email: session.email,
      deviceName: session.deviceName,
      deviceId: session.deviceId,
      revoked: session.revoked,
    },
  };
}

function stateName({ session, link }: SyncKnowledge): SyncStateName {
  if (!session || session.revoked || !link) return 'local';
  if (!link.connected) return 'offline';
  return link.received && storedOnRelay(link) ? 'synced' : 'syncing';
}
