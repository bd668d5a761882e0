import * as Y from 'yjs';
import { browserClock, browserLock, type Clock, type Lock } from './device-clock.js';
import { RelayAccount, type SessionStore } from './relay-account.js';
import {
  type Credentials,
  type LedgerVersion,
  type NotificationPreferences,
  type PushSubscriptionKeys,
  type RelayAccountSummary,
  RelayApi,
  type RelayDevice,
} from './relay-api.js';
import { RelayApiError } from './relay-api-error.js';
import type { LinkOptions, RelayLink } from './relay-link.js';
import { type SyncProblem, type SyncState, syncStateShown, type WrittenThrough } from './sync-state.js';

/** What syncing keeps on the device: the relay session, and when this device last synced. */
export interface SyncSettings extends SessionStore {
  lastSyncedAt(): Promise<number | undefined>;
  saveLastSyncedAt(time: number): Promise<void>;
  /** What the relay was last known to store (a state vector), so unsent edits show after a restart. */
  relayStored(): Promise<WrittenThrough>;
  saveRelayStored(stored: WrittenThrough): Promise<void>;
}

/** Time and cross-tab locks, the browser's unless a test brings its own; and the WebSocket class to connect with. */
export interface SyncOptions extends LinkOptions {
  readonly clock: Clock;
  readonly lock: Lock;
}

/** The last sync time is stored at most this often; the first of each session is stored at once. */
const LAST_SYNCED_SAVE_INTERVAL_MS = 5_000;

/**
 * The link between this device's ledger and a relay: the account (log-in, token rotation,
 * standing), the stock y-websocket provider with its access token, and the sync state the UI
 * shows. A device the relay revoked stops syncing and keeps its ledger.
 */
export class RelaySync {
  private readonly account: RelayAccount;
  private link: RelayLink | undefined;
  /** Counts links begun, so one overtaken while the sync code loads never starts. */
  private links = 0;
  private problem: SyncProblem | undefined;
  private lastSyncedAt: number | undefined;
  /** When the last sync time was stored in this session; undefined until it first is. */
  private lastSyncedSavedAt: number | undefined;
  /** What the relay was last known to store, and that as last saved (encoded), to save only a change. */
  private relayStored: WrittenThrough = new Map();
  private relayStoredSaved = '';
  private snapshot: SyncState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly settings: SyncSettings,
    private readonly options: SyncOptions = { clock: browserClock, lock: browserLock },
  ) {
    this.account = new RelayAccount(settings, options.clock, options.lock);
    this.account.onChange((session) => {
      if (session.revoked) this.disconnect();
      else this.link?.renewToken(session.accessToken);
      this.publish();
    });
    this.snapshot = this.shown();
  }

  async start(): Promise<void> {
    const session = await this.account.restore();
    this.lastSyncedAt = await this.settings.lastSyncedAt();
    this.relayStored = await this.settings.relayStored();
    this.relayStoredSaved = encoded(this.relayStored);
    this.doc.on('update', this.ledgerChanged);
    if (session && !session.revoked) await this.connect();
    else this.publish();
  }

  register(relayUrl: string, credentials: Credentials): Promise<void> {
    return this.openSession('register', relayUrl, credentials);
  }

  login(relayUrl: string, credentials: Credentials): Promise<void> {
    return this.openSession('login', relayUrl, credentials);
  }

  /** Stops syncing and forgets the account; the ledger on this device is left as it is. */
  async logOut(): Promise<void> {
    this.disconnect();
    await this.account.forget();
    this.lastSyncedAt = undefined;
    this.lastSyncedSavedAt = undefined;
    this.relayStored = new Map();
    this.relayStoredSaved = '';
    this.publish();
  }

  async devices(): Promise<RelayDevice[]> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.devices(token));
  }

  async revokeDevice(deviceId: string): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.revokeDevice(token, deviceId));
  }

  async pushKey(): Promise<string> {
    const { api } = await this.account.authorized();
    return this.account.checked(api.pushKey());
  }

  async subscribePush(subscription: PushSubscriptionKeys): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.subscribePush(token, subscription));
  }

  async unsubscribePush(endpoint: string): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.unsubscribePush(token, endpoint));
  }

  async notificationPreferences(): Promise<NotificationPreferences> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.notificationPreferences(token));
  }

  async setNotificationPreferences(preferences: NotificationPreferences): Promise<NotificationPreferences> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.setNotificationPreferences(token, preferences));
  }

  /** Every account on the relay, when this account is its admin (A6). */
  async accounts(): Promise<RelayAccountSummary[]> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.accounts(token));
  }

  async setAccountDisabled(userId: string, disabled: boolean): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.setAccountDisabled(token, userId, disabled));
  }

  /** The versions the relay keeps of this account's ledger, newest first (its owner only). */
  async ledgerVersions(): Promise<LedgerVersion[]> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.ledgerVersions(token, this.ledgerId()));
  }

  /** Restores a version on the relay, which sends it to every device of the ledger, this one included. */
  async restoreLedgerVersion(versionId: string): Promise<number> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.restoreLedgerVersion(token, this.ledgerId(), versionId));
  }

  private ledgerId(): string {
    const session = this.account.session;
    if (!session) throw new RelayApiError(401, 'no_session', 'this device is not linked to a relay');
    return session.docId;
  }

  getSnapshot = (): SyncState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  stop(): void {
    this.doc.off('update', this.ledgerChanged);
    this.disconnect();
    this.account.stop();
  }

  /** Without a link, an edit is known to be unsent only by comparing with what the relay stores. */
  private readonly ledgerChanged = (): void => {
    if (!this.link) this.publish();
  };

  private async openSession(action: 'register' | 'login', relayUrl: string, credentials: Credentials): Promise<void> {
    await this.account.open(action, relayUrl, credentials);
    this.disconnect();
    this.lastSyncedSavedAt = undefined;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const attempt = ++this.links;
    // Devices that never link to a relay never load the sync code.
    const { RelayLink } = await import('./relay-link.js');
    const session = this.account.session;
    if (attempt !== this.links || !session || session.revoked) return;
    const target = {
      syncUrl: new RelayApi(session.relayUrl).syncUrl,
      docId: session.docId,
      accessToken: session.accessToken,
    };
    this.link = new RelayLink(
      this.doc,
      target,
      {
        changed: () => this.publish(),
        refused: () => this.account.checkStanding(),
        tooLarge: () => {
          this.problem = 'too-large';
          this.publish();
        },
        disabled: () => {
          this.problem = 'account-disabled';
          this.publish();
        },
        refusedData: () => {
          this.problem = 'refused-data';
          this.publish();
        },
        storageFull: () => {
          this.problem = 'storage-full';
          this.publish();
        },
        tokenExpired: () => this.account.renewIfExpiring(),
      },
      { WebSocket: this.options.WebSocket },
    );
    this.publish();
  }

  private disconnect(): void {
    this.links++;
    this.problem = undefined;
    this.link?.destroy();
    this.link = undefined;
  }

  private shown(): SyncState {
    return syncStateShown({
      session: this.account.session,
      link: this.link?.state(),
      lastSyncedAt: this.lastSyncedAt,
      problem: this.problem,
      now: this.options.clock.now(),
      held: Y.decodeStateVector(Y.encodeStateVector(this.doc)),
      relayStored: this.relayStored,
    });
  }

  private publish(): void {
    const shown = this.shown();
    this.snapshot = shown;
    this.problem = shown.problem;
    if (shown.state === 'synced') {
      this.keepLastSynced(shown.lastSyncedAt);
      this.keepRelayStored();
    }
    for (const listener of this.listeners) listener();
  }

  /** Synced: the relay stores everything this device holds. */
  private keepRelayStored(): void {
    this.relayStored = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const text = encoded(this.relayStored);
    if (text === this.relayStoredSaved) return;
    this.relayStoredSaved = text;
    void this.settings.saveRelayStored(this.relayStored);
  }

  private keepLastSynced(time: number | undefined): void {
    this.lastSyncedAt = time;
    if (time === undefined) return;
    const saved = this.lastSyncedSavedAt;
    if (saved !== undefined && time - saved < LAST_SYNCED_SAVE_INTERVAL_MS) return;
    this.lastSyncedSavedAt = time;
    void this.settings.saveLastSyncedAt(time);
  }
}

function encoded(written: WrittenThrough): string {
  return JSON.stringify([...written].sort(([a], [b]) => a - b));
}
