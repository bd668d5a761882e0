import type { RelaySession } from '../storage/index.js';
import { accessTokenExpiry } from './access-token.js';
import type { Clock, Lock, Timer } from './device-clock.js';
import { type Credentials, RelayApi } from './relay-api.js';
import { RelayApiError } from './relay-api-error.js';

/** Where the relay session is kept: every tab of the device reads and writes the same one. */
export interface SessionStore {
  session(): Promise<RelaySession | undefined>;
  saveSession(session: RelaySession): Promise<void>;
  forgetSession(): Promise<void>;
}

/** Refresh the access token this long before it expires. */
export const REFRESH_MARGIN_MS = 60_000;
/** Retry a refresh the relay could not answer (no network, a refusal that is not about this device) after this long. */
export const REFRESH_RETRY_MS = 15_000;
/** Ask the relay whether this device still stands no more often than this while it is refused. */
export const STANDING_CHECK_INTERVAL_MS = 10_000;
/** Held by the tab rotating the tokens: a refresh token used twice revokes the device. */
const ROTATION_LOCK = 'tally-token-refresh';

/**
 * This device's account on a relay: the session a register or log-in grants, its tokens rotated
 * before the access token expires, and whether the relay still lets this device in. Every tab
 * of the device shares the stored session; one rotates at a time, and the others adopt what it
 * stored. A device the relay no longer knows is marked revoked and keeps everything else.
 */
export class RelayAccount {
  private current: RelaySession | undefined;
  private readonly listeners = new Set<(session: RelaySession) => void>();
  private refreshTimer: Timer | undefined;
  private refreshing: Promise<void> | undefined;
  private standingTimer: Timer | undefined;
  private lastStandingCheck = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
    private readonly lock: Lock,
  ) {}

  get session(): RelaySession | undefined {
    return this.current;
  }

  /** Called with the session whenever it changes here: rotated tokens, or the device revoked. */
  onChange(listener: (session: RelaySession) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes up the session this device stored, if any, and keeps its tokens fresh. */
  async restore(): Promise<RelaySession | undefined> {
    this.current = await this.store.session();
    if (this.current && !this.current.revoked) this.scheduleRefresh(this.current.accessToken);
    return this.current;
  }

  /**
   * Registers a new account, or logs in to one, as a new device; stores the session it is granted.
   * `check-mail` when the relay mailed a link that finishes the registration: no session yet.
   */
  async open(
    action: 'register' | 'login',
    relayUrl: string,
    credentials: Credentials,
  ): Promise<RelaySession | 'check-mail'> {
    const origin = new URL(relayUrl).origin;
    const api = new RelayApi(origin);
    const granted = await (action === 'register' ? api.register(credentials) : api.login(credentials));
    if (granted === 'check-mail') return granted;
    this.stop();
    const session: RelaySession = {
      ...granted,
      relayUrl: origin,
      email: credentials.email,
      deviceName: credentials.deviceName,
      revoked: false,
    };
    await this.store.saveSession(session);
    this.current = session;
    this.scheduleRefresh(session.accessToken);
    return session;
  }

  /** Forgets the session on this device; the account and the ledger on the relay stay. */
  async forget(): Promise<void> {
    this.stop();
    this.current = undefined;
    await this.store.forgetSession();
  }

  /** A fresh access token and the API to use it with, rotating first when it is about to expire. */
  async authorized(): Promise<{ readonly api: RelayApi; readonly token: string }> {
    const session = this.current;
    if (!session || session.revoked) throw new RelayApiError(401, 'no_session', 'this device is not linked to a relay');
    const expiry = accessTokenExpiry(session.accessToken) ?? 0;
    if (expiry - REFRESH_MARGIN_MS <= this.clock.now()) await this.refreshTokens();
    const current = this.current ?? session;
    return { api: new RelayApi(current.relayUrl), token: current.accessToken };
  }

  /** Awaits a request; one the relay refuses for want of a valid token makes the device ask whether it still stands. */
  async checked<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof RelayApiError && error.status === 401) this.checkStanding();
      throw error;
    }
  }

  /**
   * Asks the relay, through a token refresh, whether this device still stands: after a socket
   * refused or closed by the relay. At most once per interval, however often it is asked.
   */
  checkStanding(): void {
    if (this.standingTimer !== undefined || !this.current || this.current.revoked) return;
    const wait = this.lastStandingCheck + STANDING_CHECK_INTERVAL_MS - this.clock.now();
    if (wait > 0) {
      this.standingTimer = this.clock.setTimeout(() => {
        this.standingTimer = undefined;
        this.checkStanding();
      }, wait);
      return;
    }
    this.lastStandingCheck = this.clock.now();
    void this.refreshTokens();
  }

  /** Renews the access token now if it is about to expire: a device that slept through its renewal. */
  renewIfExpiring(): void {
    const expiry = this.current && !this.current.revoked ? accessTokenExpiry(this.current.accessToken) : undefined;
    if (expiry !== undefined && expiry - REFRESH_MARGIN_MS <= this.clock.now()) void this.refreshTokens();
  }

  /** The account's address changed (relay SPEC M7): a session of that account keeps the new one. */
  async addressChanged(userId: string, email: string): Promise<void> {
    const session = this.current;
    if (!session || session.userId !== userId || session.email === email) return;
    const next = { ...session, email };
    await this.store.saveSession(next);
    this.adopt(next);
  }

  /** Stops rotating and checking; the session stays stored. */
  stop(): void {
    this.clock.clearTimeout(this.refreshTimer);
    this.clock.clearTimeout(this.standingTimer);
    this.refreshTimer = undefined;
    this.standingTimer = undefined;
  }

  private scheduleRefresh(accessToken: string): void {
    this.clock.clearTimeout(this.refreshTimer);
    const expiry = accessTokenExpiry(accessToken);
    if (expiry === undefined) return;
    const delay = Math.max(0, expiry - REFRESH_MARGIN_MS - this.clock.now());
    this.refreshTimer = this.clock.setTimeout(() => void this.refreshTokens(), delay);
  }

  /** One rotation at a time in this tab, and across tabs one at a time. */
  private refreshTokens(): Promise<void> {
    this.refreshing ??= this.lock(ROTATION_LOCK, () => this.rotateTokens()).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rotateTokens(): Promise<void> {
    const session = this.current;
    const stored = await this.store.session();
    if (!session || session.revoked || !stored || stored.deviceId !== session.deviceId) return;
    if (stored.refreshToken !== session.refreshToken || stored.revoked) {
      // Another tab rotated (or learned of a revocation) first: its refresh token is the one that counts.
      this.adopt(stored);
      return;
    }
    try {
      const tokens = await new RelayApi(session.relayUrl).refresh(session.refreshToken);
      // Logged out, or into another account, while the relay answered: that session is not to be stored again.
      if (this.current !== session) return;
      const next = { ...session, ...tokens };
      await this.store.saveSession(next);
      this.adopt(next);
    } catch (error) {
      if (this.current !== session) return;
      if (error instanceof RelayApiError && error.code === 'invalid_refresh_token') await this.markRevoked(session);
      else {
        this.clock.clearTimeout(this.refreshTimer);
        this.refreshTimer = this.clock.setTimeout(() => void this.refreshTokens(), REFRESH_RETRY_MS);
      }
    }
  }

  private async markRevoked(session: RelaySession): Promise<void> {
    const revoked = { ...session, revoked: true };
    await this.store.saveSession(revoked);
    this.adopt(revoked);
  }

  private adopt(session: RelaySession): void {
    this.current = session;
    if (session.revoked) this.stop();
    else this.scheduleRefresh(session.accessToken);
    for (const listener of this.listeners) listener(session);
  }
}
