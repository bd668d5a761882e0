import { closeCodes } from '@tally/schema';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { RelaySession, SettingsStore } from '../storage/index.js';
import { accessTokenExpiry } from './access-token.js';
import { type Credentials, RelayApi, type RelayDevice, type SessionGrant } from './relay-api.js';
import { RelayApiError } from './relay-api-error.js';
import type { SyncProblem, SyncState, SyncStateName } from './sync-state.js';

/** Refresh the access token this long before it expires. */
const REFRESH_MARGIN_MS = 60_000;
/** Retry a refresh that failed for want of a network after this long. */
const REFRESH_RETRY_MS = 15_000;
/** Ask the relay whether this device still stands no more often than this while it is refused. */
const STANDING_CHECK_INTERVAL_MS = 10_000;
const LAST_SYNCED_SAVE_INTERVAL_MS = 5_000;
/** The relay closes sockets of a revoked device with this code (design §3). */
const POLICY_VIOLATION = 1008;
/** The relay closes a socket that sent a frame larger than it accepts (design §3). */
const MESSAGE_TOO_BIG = 1009;

/**
 * The link between this device's ledger and a relay: register or log in, the stock y-websocket
 * provider with the access token, token rotation before expiry, and the sync state the UI shows.
 * A device the relay revoked stops syncing and keeps its ledger.
 */
export class RelaySync {
  private session: RelaySession | undefined;
  private provider: WebsocketProvider | undefined;
  private snapshot: SyncState = { state: 'local', lastSyncedAt: undefined, account: undefined, problem: undefined };
  private problem: SyncProblem | undefined;
  private readonly listeners = new Set<() => void>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | undefined;
  /** Counts connections begun, so one overtaken while the sync code loads never starts. */
  private connections = 0;
  private lastStandingCheck = 0;
  private standingTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSyncedSavedAt = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly settings: SettingsStore,
  ) {}

  async start(): Promise<void> {
    this.session = await this.settings.session();
    this.snapshot = { ...this.snapshot, lastSyncedAt: await this.settings.lastSyncedAt() };
    if (this.session && !this.session.revoked) await this.connect(this.session);
    else this.publish();
  }

  register(relayUrl: string, credentials: Credentials): Promise<void> {
    return this.openSession(relayUrl, credentials, (api) => api.register(credentials));
  }

  login(relayUrl: string, credentials: Credentials): Promise<void> {
    return this.openSession(relayUrl, credentials, (api) => api.login(credentials));
  }

  /** Stops syncing and forgets the account; the ledger on this device is left as it is. */
  async logOut(): Promise<void> {
    this.disconnect();
    this.session = undefined;
    this.snapshot = { ...this.snapshot, lastSyncedAt: undefined };
    await this.settings.forgetSession();
    this.publish();
  }

  async devices(): Promise<RelayDevice[]> {
    const { api, token } = await this.authorized();
    return this.checked(api.devices(token));
  }

  async revokeDevice(deviceId: string): Promise<void> {
    const { api, token } = await this.authorized();
    await this.checked(api.revokeDevice(token, deviceId));
  }

  getSnapshot = (): SyncState => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  stop(): void {
    this.disconnect();
  }

  private async openSession(
    relayUrl: string,
    credentials: Credentials,
    grant: (api: RelayApi) => Promise<SessionGrant>,
  ): Promise<void> {
    const url = new URL(relayUrl).origin;
    const granted = await grant(new RelayApi(url));
    this.disconnect();
    const session: RelaySession = {
      ...granted,
      relayUrl: url,
      email: credentials.email,
      deviceName: credentials.deviceName,
      revoked: false,
    };
    await this.settings.saveSession(session);
    this.session = session;
    await this.connect(session);
  }

  private async connect(session: RelaySession): Promise<void> {
    const connection = ++this.connections;
    // Devices that never link to a relay never load the sync code.
    const { WebsocketProvider } = await import('y-websocket');
    if (connection !== this.connections) return;
    const provider = new WebsocketProvider(new RelayApi(session.relayUrl).syncUrl, session.docId, this.doc, {
      params: { token: session.accessToken },
      // Retrying cannot help after these: a revoked device asks the relay instead, a refused
      // large update waits for the relay's limit to change.
      shouldReconnect: (event) => event.code !== POLICY_VIOLATION && event.code !== MESSAGE_TOO_BIG,
      maxBackoffTime: 5_000,
    });
    let opened = false;
    provider.on('status', ({ status }) => {
      if (status === 'connected') opened = true;
      this.publish();
    });
    provider.on('sync', (synced) => {
      if (synced) {
        this.problem = undefined;
        this.markSynced();
      }
      this.publish();
    });
    provider.on('connection-close', (event) => {
      // The relay closes a socket when its token expires; the provider reconnects with the token
      // renewed a minute before, or, if the device slept through that, with one renewed now.
      if (event?.code === closeCodes.tokenExpired) this.renewExpiringToken();
      // Refused before opening: the token may have expired while the device slept, or been revoked.
      else if (!opened) this.checkStanding();
      opened = false;
    });
    provider.on('closed', ({ code }) => {
      if (code === MESSAGE_TOO_BIG) this.problem = 'too-large';
      else this.checkStanding();
      this.publish();
    });
    this.doc.on('update', this.onUpdate);
    this.provider = provider;
    this.scheduleRefresh(session.accessToken);
    this.publish();
  }

  private disconnect(): void {
    this.connections++;
    this.problem = undefined;
    clearTimeout(this.refreshTimer);
    clearTimeout(this.standingTimer);
    this.standingTimer = undefined;
    this.doc.off('update', this.onUpdate);
    this.provider?.destroy();
    this.provider = undefined;
  }

  private readonly onUpdate = (): void => {
    if (this.provider?.synced) this.markSynced();
  };

  private markSynced(): void {
    const now = Date.now();
    this.snapshot = { ...this.snapshot, lastSyncedAt: now };
    if (now - this.lastSyncedSavedAt >= LAST_SYNCED_SAVE_INTERVAL_MS) {
      this.lastSyncedSavedAt = now;
      void this.settings.saveLastSyncedAt(now);
    }
    this.publish();
  }

  private scheduleRefresh(accessToken: string): void {
    clearTimeout(this.refreshTimer);
    const expiry = accessTokenExpiry(accessToken);
    if (expiry === undefined) return;
    const delay = Math.max(0, expiry - REFRESH_MARGIN_MS - Date.now());
    this.refreshTimer = setTimeout(() => void this.refreshTokens(), delay);
  }

  private renewExpiringToken(): void {
    const expiry = this.session && accessTokenExpiry(this.session.accessToken);
    if (expiry === undefined || expiry - REFRESH_MARGIN_MS <= Date.now()) void this.refreshTokens();
  }

  /** Asks the relay, through a token refresh, whether this device still stands; at most once per interval. */
  private checkStanding(): void {
    if (this.standingTimer !== undefined) return;
    const wait = this.lastStandingCheck + STANDING_CHECK_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.standingTimer = setTimeout(() => {
        this.standingTimer = undefined;
        this.checkStanding();
      }, wait);
      return;
    }
    this.lastStandingCheck = Date.now();
    void this.refreshTokens();
  }

  /** One rotation at a time, and across tabs one at a time: a reused refresh token revokes the device. */
  private refreshTokens(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    const rotation: Promise<void> =
      'locks' in navigator
        ? navigator.locks.request('tally-token-refresh', () => this.rotateTokens()).then(() => undefined)
        : this.rotateTokens();
    const refreshing = rotation.finally(() => {
      this.refreshing = undefined;
    });
    this.refreshing = refreshing;
    return refreshing;
  }

  private async rotateTokens(): Promise<void> {
    const session = this.session;
    const stored = await this.settings.session();
    if (!session || session.revoked || !stored || stored.deviceId !== session.deviceId) return;
    if (stored.refreshToken !== session.refreshToken || stored.revoked) {
      // Another tab rotated (or learned of a revocation) first.
      this.adopt(stored);
      return;
    }
    try {
      const tokens = await new RelayApi(session.relayUrl).refresh(session.refreshToken);
      const next = { ...session, ...tokens };
      await this.settings.saveSession(next);
      this.adopt(next);
    } catch (error) {
      if (error instanceof RelayApiError && error.status === 401) await this.markRevoked();
      else {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refreshTokens(), REFRESH_RETRY_MS);
      }
    }
  }

  private adopt(session: RelaySession): void {
    this.session = session;
    if (session.revoked) {
      this.disconnect();
      this.publish();
      return;
    }
    if (this.provider) {
      this.provider.params = { token: session.accessToken };
      if (!this.provider.shouldConnect) this.provider.connect();
    }
    this.scheduleRefresh(session.accessToken);
  }

  private async markRevoked(): Promise<void> {
    if (!this.session) return;
    const revoked = { ...this.session, revoked: true };
    await this.settings.saveSession(revoked);
    this.adopt(revoked);
  }

  private async authorized(): Promise<{ api: RelayApi; token: string }> {
    const session = this.session;
    if (!session || session.revoked) throw new RelayApiError(401, 'no_session', 'this device is not linked to a relay');
    const expiry = accessTokenExpiry(session.accessToken) ?? 0;
    if (expiry - REFRESH_MARGIN_MS <= Date.now()) await this.refreshTokens();
    const current = this.session ?? session;
    return { api: new RelayApi(current.relayUrl), token: current.accessToken };
  }

  private async checked<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof RelayApiError && error.status === 401) this.checkStanding();
      throw error;
    }
  }

  private publish(): void {
    const session = this.session;
    this.snapshot = {
      state: this.stateName(),
      lastSyncedAt: this.snapshot.lastSyncedAt,
      problem: this.problem,
      account: session && {
        relayUrl: session.relayUrl,
        email: session.email,
        deviceName: session.deviceName,
        deviceId: session.deviceId,
        revoked: session.revoked,
      },
    };
    for (const listener of this.listeners) listener();
  }

  private stateName(): SyncStateName {
    const provider = this.provider;
    if (!this.session || this.session.revoked || !provider) return 'local';
    if (!provider.wsconnected) return 'offline';
    return provider.synced ? 'synced' : 'syncing';
  }
}
