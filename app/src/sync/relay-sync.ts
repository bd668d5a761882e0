import { onDocumentChange } from '@tally/schema';
import * as Y from 'yjs';
import { browserClock, browserLock, type Clock, type Lock } from './device-clock.js';
import { RelayAccount, type SessionStore } from './relay-account.js';
import {
  type Credentials,
  type IssuedInvitation,
  type LedgerInvitation,
  type LedgerMember,
  type LedgerRole,
  type LedgerVersion,
  type NotificationPreferences,
  type PendingInvitation,
  type PushSubscriptionKeys,
  type RelayAccountSummary,
  RelayApi,
  type RelayDevice,
  type RelayLedger,
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

/**
 * Which relay document the open ledger is: the account's personal one (`personal`), another by
 * its id, or none for a ledger made on this device and not yet connected (it stays local).
 */
export type LedgerOnRelay = 'personal' | { readonly docId: string } | 'none';

/** The last sync time is stored at most this often; the first of each session is stored at once. */
const LAST_SYNCED_SAVE_INTERVAL_MS = 5_000;

/**
 * The link between this device's ledger and a relay: the account (log-in, token rotation,
 * standing), the y-websocket provider (`LedgerProvider`) with its access token, and the sync
 * state the UI shows. A device the relay revoked stops syncing and keeps its ledger.
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
  private readonly membershipListeners = new Set<() => void>();
  private stopFollowing: () => void = () => undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly settings: SyncSettings,
    private readonly options: SyncOptions = { clock: browserClock, lock: browserLock },
    private onRelay: LedgerOnRelay = 'personal',
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
    this.stopFollowing = onDocumentChange(this.doc, this.ledgerChanged);
    if (session && !session.revoked) await this.connect();
    else this.publish();
  }

  /** `linked`, or `check-mail` when the relay mailed the address a link that finishes the registration. */
  register(relayUrl: string, credentials: Credentials): Promise<'linked' | 'check-mail'> {
    return this.openSession('register', relayUrl, credentials);
  }

  async login(relayUrl: string, credentials: Credentials): Promise<void> {
    await this.openSession('login', relayUrl, credentials);
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

  /** The largest file the linked relay keeps (relay SPEC BLOB8). */
  async attachmentMaxBytes(): Promise<number> {
    const { api } = await this.account.authorized();
    return this.account.checked(api.blobMaxBytes());
  }

  /** Sends an attachment's bytes to the relay (relay SPEC: `PUT /api/blobs/:sha256`). */
  async uploadAttachment(hash: string, type: string, bytes: ArrayBuffer): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.putBlob(token, hash, type, bytes));
  }

  /** An attachment's bytes from the relay, for one referenced by the open ledger and not kept on this device. */
  async downloadAttachment(hash: string): Promise<{ readonly type: string; readonly bytes: ArrayBuffer }> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.getBlob(token, hash));
  }

  /** Every ledger the account may open on the relay, its personal one first, with its role in each. */
  async ledgers(): Promise<RelayLedger[]> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.ledgers(token));
  }

  async createLedger(name: string): Promise<RelayLedger> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.createLedger(token, name));
  }

  /** Links the open ledger, made on this device, to the relay document just created for it, and syncs it there. */
  async connectLedger(docId: string): Promise<void> {
    this.onRelay = { docId };
    this.disconnect();
    await this.connect();
  }

  async members(docId: string): Promise<LedgerMember[]> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.members(token, docId));
  }

  async changeRole(docId: string, userId: string, role: LedgerRole): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.changeRole(token, docId, userId, role));
  }

  /** Removes a member, or leaves the ledger when `userId` is this account's. */
  async removeMember(docId: string, userId: string): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.removeMember(token, docId, userId));
  }

  async invite(docId: string, invitation: LedgerInvitation): Promise<IssuedInvitation> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.invite(token, docId, invitation));
  }

  /** Asks the relay to mail a new link that verifies the account's address (relay SPEC M6). */
  async resendVerification(): Promise<void> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.resendVerification(token));
  }

  /** Asks the relay to mail a link that changes the account's address to `newEmail` (relay SPEC M7). */
  async changeEmail(newEmail: string, password: string): Promise<void> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.changeEmail(token, newEmail, password));
  }

  /** Opens a change-of-address link; this device's session of that account takes the new address. */
  async confirmEmailChange(relayUrl: string, token: string): Promise<string> {
    const changed = await new RelayApi(relayUrl).confirmEmailChange(token);
    await this.account.addressChanged(changed.userId, changed.email);
    return changed.email;
  }

  async invitations(docId: string): Promise<PendingInvitation[]> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.invitations(token, docId));
  }

  async revokeInvitation(docId: string, invitationId: string): Promise<void> {
    const { api, token } = await this.account.authorized();
    await this.account.checked(api.revokeInvitation(token, docId, invitationId));
  }

  async acceptInvitation(code: string): Promise<{ docId: string; role: LedgerRole }> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(api.acceptInvitation(token, code));
  }

  /** A call to the relay's advisors, bookings or chat (`advisorApi`), with this device's session. */
  async relayCall<T>(call: (api: RelayApi, token: string) => Promise<T>): Promise<T> {
    const { api, token } = await this.account.authorized();
    return this.account.checked(call(api, token));
  }

  /** The address of the account's live events with a fresh token, those after `after` first. */
  async eventsUrl(after: number | undefined): Promise<string> {
    const { api, token } = await this.account.authorized();
    return api.eventsUrl(token, after);
  }

  /** The relay closed the events socket: its token may have expired, or the device been revoked. */
  eventsRefused(): void {
    this.account.checkStanding();
  }

  /** The relay account this device is linked to, to tell "you" among a ledger's members and people. */
  get accountUser(): { readonly userId: string; readonly email: string } | undefined {
    const session = this.account.session;
    return session && !session.revoked ? { userId: session.userId, email: session.email } : undefined;
  }

  /** The relay document of the open ledger; undefined without a relay or for a ledger not connected. */
  get ledgerDocId(): string | undefined {
    const session = this.account.session;
    if (!session || this.onRelay === 'none') return undefined;
    return this.onRelay === 'personal' ? session.docId : this.onRelay.docId;
  }

  /** Called when the relay says the account's role in the open ledger changed, or that it was removed. */
  onMembershipChanged(listener: () => void): () => void {
    this.membershipListeners.add(listener);
    return () => this.membershipListeners.delete(listener);
  }

  private ledgerId(): string {
    const docId = this.ledgerDocId;
    if (docId === undefined) throw new RelayApiError(401, 'no_session', 'this ledger is not linked to a relay');
    return docId;
  }

  getSnapshot = (): SyncState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  stop(): void {
    this.stopFollowing();
    this.disconnect();
    this.account.stop();
  }

  /** Without a link, an edit is known to be unsent only by comparing with what the relay stores. */
  private readonly ledgerChanged = (): void => {
    if (!this.link) this.publish();
  };

  private async openSession(
    action: 'register' | 'login',
    relayUrl: string,
    credentials: Credentials,
  ): Promise<'linked' | 'check-mail'> {
    if ((await this.account.open(action, relayUrl, credentials)) === 'check-mail') return 'check-mail';
    this.disconnect();
    this.lastSyncedSavedAt = undefined;
    await this.connect();
    return 'linked';
  }

  private async connect(): Promise<void> {
    const attempt = ++this.links;
    // Devices that never link to a relay never load the sync code.
    const { RelayLink } = await import('./relay-link.js');
    const session = this.account.session;
    const docId = this.ledgerDocId;
    if (attempt !== this.links || !session || session.revoked || docId === undefined) {
      this.publish();
      return;
    }
    const target = {
      syncUrl: new RelayApi(session.relayUrl).syncUrl,
      docId,
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
        membershipChanged: () => {
          for (const listener of this.membershipListeners) listener();
        },
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
