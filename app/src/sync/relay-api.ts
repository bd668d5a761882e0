import { type RelayErrorCode, relayErrorCodes } from '@tally/schema';
import { RelayApiError } from './relay-api-error.js';

export interface SessionGrant {
  readonly userId: string;
  readonly deviceId: string;
  readonly docId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export interface RelayDevice {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly lastSyncedAt: string | null;
  readonly current: boolean;
}

/** A point-in-time version of the ledger the relay keeps, to restore from. */
export interface LedgerVersion {
  readonly versionId: string;
  readonly takenAt: string;
  readonly bytes: number;
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
  readonly deviceName: string;
  /** Registering on a relay that takes new accounts by invitation. */
  readonly invitationCode?: string;
}

/** What a member may do in a shared ledger, from the relay's records: a viewer only reads. */
export type LedgerRole = 'owner' | 'editor' | 'viewer';

const LEDGER_ROLES: readonly LedgerRole[] = ['owner', 'editor', 'viewer'];

/** A ledger the account may open; its personal one has no name of its own. */
export interface RelayLedger {
  readonly docId: string;
  readonly name: string | null;
  readonly role: LedgerRole;
  readonly personal: boolean;
}

export interface LedgerMember {
  readonly userId: string;
  readonly email: string;
  readonly role: LedgerRole;
}

export interface LedgerInvitation {
  readonly email: string;
  readonly role: Exclude<LedgerRole, 'owner'>;
  /** Unset, the relay's default: a week. */
  readonly expiresInHours?: number;
}

/** An invitation not yet accepted, as its ledger's owner sees it. */
export interface PendingInvitation {
  readonly invitationId: string;
  readonly email: string;
  readonly role: Exclude<LedgerRole, 'owner'>;
  readonly expiresAt: string;
}

export interface IssuedInvitation {
  readonly invitationId: string;
  /** Shown once: the relay keeps only its hash. */
  readonly code: string;
  readonly expiresAt: string;
  /** Whether the relay mailed the invitee a link with the code; if not, the owner passes it on (relay SPEC L7). */
  readonly mailed: boolean;
}

/** An account as the relay's admin sees it. */
export interface RelayAccountSummary {
  readonly userId: string;
  readonly email: string;
  readonly role: 'user' | 'advisor' | 'admin';
  readonly createdAt: string;
  readonly disabledAt: string | null;
  readonly devices: number;
  /** Bytes the ledgers the account owns take on the relay. */
  readonly storageBytes: number;
}

const ACCOUNT_ROLES: readonly RelayAccountSummary['role'][] = ['user', 'advisor', 'admin'];

/** Who may create an account on a relay now: anyone, people with an invitation code, or no one. */
export type RegistrationPolicy = 'open' | 'invite' | 'closed';

/** A browser's push subscription as the relay stores it (relay SPEC N1). */
export interface PushSubscriptionKeys {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/** What a person is told about, and how (relay SPEC N3). */
export const notificationKinds = ['billReminders', 'invitations', 'bookings', 'messages', 'payments'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationChannels = ['email', 'push'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** An account's notification preferences, with the time zone its reminders are timed in. */
export interface NotificationPreferences {
  readonly timeZone: string | null;
  readonly kinds: Readonly<Record<NotificationKind, Readonly<Record<NotificationChannel, boolean>>>>;
}

const REGISTRATION_POLICIES: readonly RegistrationPolicy[] = ['open', 'invite', 'closed'];

export type Fields = Record<string, unknown>;

export function fieldsOf(value: unknown): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed();
  return { ...value };
}

export function text(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') throw malformed();
  return value;
}

export function textOrNull(fields: Fields, name: string): string | null {
  return fields[name] === null ? null : text(fields, name);
}

function role(fields: Fields): LedgerRole {
  const found = LEDGER_ROLES.find((known) => known === fields.role);
  if (found === undefined) throw malformed();
  return found;
}

export function listOf(reply: unknown): Fields[] {
  if (!Array.isArray(reply)) throw malformed();
  return reply.map((item: unknown) => fieldsOf(item));
}

function parseLedger(fields: Fields): RelayLedger {
  return {
    docId: text(fields, 'docId'),
    name: textOrNull(fields, 'name'),
    role: role(fields),
    personal: fields.personal === true,
  };
}

function parsePreferences(reply: unknown): NotificationPreferences {
  const fields = fieldsOf(reply);
  const kinds = fieldsOf(fields.kinds);
  const channelsOf = (kind: NotificationKind): Record<NotificationChannel, boolean> => {
    const channels = fieldsOf(kinds[kind]);
    if (typeof channels.email !== 'boolean' || typeof channels.push !== 'boolean') throw malformed();
    return { email: channels.email, push: channels.push };
  };
  return {
    timeZone: textOrNull(fields, 'timeZone'),
    kinds: {
      billReminders: channelsOf('billReminders'),
      invitations: channelsOf('invitations'),
      bookings: channelsOf('bookings'),
      messages: channelsOf('messages'),
      payments: channelsOf('payments'),
    },
  };
}

export function malformed(): RelayApiError {
  return new RelayApiError(502, 'bad_reply', 'the relay sent a reply Tally does not understand');
}

/** The relay's HTTP API (relay/src/http/), with every reply parsed into typed values here at the edge. */
export class RelayApi {
  private readonly base: string;

  constructor(relayUrl: string) {
    this.base = relayUrl.replace(/\/+$/, '');
  }

  /** `ws(s)://host/events?token=…&after=…`: the account's live events, those after `after` first (relay `/events`). */
  eventsUrl(accessToken: string, after: number | undefined): string {
    const query = new URLSearchParams({ token: accessToken });
    if (after !== undefined) query.set('after', String(after));
    return `${this.base.replace(/^http/, 'ws')}/events?${query}`;
  }

  /** `ws(s)://host/sync`, where the stock y-websocket provider appends the document id. */
  get syncUrl(): string {
    return `${this.base.replace(/^http/, 'ws')}/sync`;
  }

  /**
   * A new account's session, or `check-mail` when the relay (open registration, mail on) mailed
   * the address a link that finishes the registration instead (relay SPEC A5).
   */
  async register({ invitationCode, ...credentials }: Credentials): Promise<SessionGrant | 'check-mail'> {
    const body =
      invitationCode === undefined || invitationCode === '' ? credentials : { ...credentials, invitationCode };
    const reply = await this.request('POST', '/api/auth/register', body);
    return fieldsOf(reply).status === 'check_mail' ? 'check-mail' : parseGrant(reply);
  }

  async login({ email, password, deviceName }: Credentials): Promise<SessionGrant> {
    return parseGrant(await this.request('POST', '/api/auth/login', { email, password, deviceName }));
  }

  async registrationPolicy(): Promise<RegistrationPolicy> {
    const registration = fieldsOf(await this.request('GET', '/api/auth/policy')).registration;
    const policy = REGISTRATION_POLICIES.find((known) => known === registration);
    if (policy === undefined) throw malformed();
    return policy;
  }

  /**
   * Verifies the account's address with the token of the link mailed to it (relay SPEC M4); a
   * link that finishes an open registration comes with the password chosen then (A5).
   */
  async verifyEmail(token: string, password?: string): Promise<void> {
    await this.request('POST', '/api/auth/verify', password === undefined ? { token } : { token, password });
  }

  /** Asks for a new verification link; the relay answers the same whether or not it mails one (M6). */
  async resendVerification(accessToken: string): Promise<void> {
    await this.request('POST', '/api/auth/verify/resend', undefined, accessToken);
  }

  /** Asks for a reset link; the relay answers the same whether or not the address has an account (M5). */
  async requestPasswordReset(email: string): Promise<void> {
    await this.request('POST', '/api/auth/password-reset', { email });
  }

  /** Sets a new password with the token of a reset link; the relay signs out every device of the account (M5). */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    await this.request('POST', '/api/auth/password-reset/confirm', { token, password });
  }

  /**
   * Asks to change the account's address: the relay mails a link to the new one and answers the
   * same whether or not another account has it (relay SPEC M7).
   */
  async changeEmail(accessToken: string, newEmail: string, password: string): Promise<void> {
    await this.request('POST', '/api/auth/email', { newEmail, password }, accessToken);
  }

  /** Opens the link mailed to the new address: the account whose address it now is, and that address (M7). */
  async confirmEmailChange(token: string): Promise<{ readonly userId: string; readonly email: string }> {
    const fields = fieldsOf(await this.request('POST', '/api/auth/email/confirm', { token }));
    return { userId: text(fields, 'userId'), email: text(fields, 'email') };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const fields = fieldsOf(await this.request('POST', '/api/auth/refresh', { refreshToken }));
    return { accessToken: text(fields, 'accessToken'), refreshToken: text(fields, 'refreshToken') };
  }

  async devices(accessToken: string): Promise<RelayDevice[]> {
    const reply = fieldsOf(await this.request('GET', '/api/devices', undefined, accessToken));
    const devices = reply.devices;
    if (!Array.isArray(devices)) throw malformed();
    return devices.map((device: unknown) => {
      const fields = fieldsOf(device);
      return {
        id: text(fields, 'id'),
        name: text(fields, 'name'),
        createdAt: text(fields, 'createdAt'),
        lastSeenAt: textOrNull(fields, 'lastSeenAt'),
        lastSyncedAt: textOrNull(fields, 'lastSyncedAt'),
        current: fields.current === true,
      };
    });
  }

  async revokeDevice(accessToken: string, deviceId: string): Promise<void> {
    await this.request('DELETE', `/api/devices/${encodeURIComponent(deviceId)}`, undefined, accessToken);
  }

  /** Every ledger the account may open, its personal one first, each with the account's role in it. */
  async ledgers(accessToken: string): Promise<RelayLedger[]> {
    return listOf(await this.request('GET', '/api/ledgers', undefined, accessToken)).map(parseLedger);
  }

  async createLedger(accessToken: string, name: string): Promise<RelayLedger> {
    const fields = fieldsOf(await this.request('POST', '/api/ledgers', { name }, accessToken));
    return parseLedger({ ...fields, personal: false });
  }

  async members(accessToken: string, docId: string): Promise<LedgerMember[]> {
    const reply = await this.request('GET', `${ledgerPath(docId)}/members`, undefined, accessToken);
    return listOf(reply).map((fields) => ({
      userId: text(fields, 'userId'),
      email: text(fields, 'email'),
      role: role(fields),
    }));
  }

  async changeRole(accessToken: string, docId: string, userId: string, newRole: LedgerRole): Promise<void> {
    const path = `${ledgerPath(docId)}/members/${encodeURIComponent(userId)}`;
    await this.request('PATCH', path, { role: newRole }, accessToken);
  }

  /** Removes a member (an owner's act), or leaves the ledger when `userId` is the account's own. */
  async removeMember(accessToken: string, docId: string, userId: string): Promise<void> {
    const path = `${ledgerPath(docId)}/members/${encodeURIComponent(userId)}`;
    await this.request('DELETE', path, undefined, accessToken);
  }

  async invite(accessToken: string, docId: string, invitation: LedgerInvitation): Promise<IssuedInvitation> {
    const reply = await this.request('POST', `${ledgerPath(docId)}/invitations`, invitation, accessToken);
    const fields = fieldsOf(reply);
    return {
      invitationId: text(fields, 'invitationId'),
      code: text(fields, 'code'),
      expiresAt: text(fields, 'expiresAt'),
      mailed: fields.mailed === true,
    };
  }

  /** The ledger's invitations not yet accepted, revoked or expired; its owner's to see. */
  async invitations(accessToken: string, docId: string): Promise<PendingInvitation[]> {
    const reply = await this.request('GET', `${ledgerPath(docId)}/invitations`, undefined, accessToken);
    return listOf(reply).map((fields) => {
      const invited = role(fields);
      if (invited === 'owner') throw malformed();
      return {
        invitationId: text(fields, 'invitationId'),
        email: text(fields, 'email'),
        role: invited,
        expiresAt: text(fields, 'expiresAt'),
      };
    });
  }

  async revokeInvitation(accessToken: string, docId: string, invitationId: string): Promise<void> {
    const path = `${ledgerPath(docId)}/invitations/${encodeURIComponent(invitationId)}`;
    await this.request('DELETE', path, undefined, accessToken);
  }

  /** Joins the ledger an invitation for this account's email names; its role there is the invitation's. */
  async acceptInvitation(accessToken: string, code: string): Promise<{ docId: string; role: LedgerRole }> {
    const fields = fieldsOf(await this.request('POST', '/api/invitations/accept', { code }, accessToken));
    return { docId: text(fields, 'docId'), role: role(fields) };
  }

  /** Every account on the relay, for its admin; anyone else is refused with `admin_required`. */
  async accounts(accessToken: string): Promise<RelayAccountSummary[]> {
    return listOf(await this.request('GET', '/api/admin/users', undefined, accessToken)).map((fields) => {
      const accountRole = ACCOUNT_ROLES.find((known) => known === fields.role);
      if (accountRole === undefined) throw malformed();
      return {
        userId: text(fields, 'userId'),
        email: text(fields, 'email'),
        role: accountRole,
        createdAt: text(fields, 'createdAt'),
        disabledAt: textOrNull(fields, 'disabledAt'),
        devices: count(fields, 'devices'),
        storageBytes: count(fields, 'storageBytes'),
      };
    });
  }

  async setAccountDisabled(accessToken: string, userId: string, disabled: boolean): Promise<void> {
    const path = `/api/admin/users/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`;
    await this.request('POST', path, undefined, accessToken);
  }

  /** The ledger's versions on the relay, newest first; only its owner may list them. */
  async ledgerVersions(accessToken: string, docId: string): Promise<LedgerVersion[]> {
    const reply = await this.request(
      'GET',
      `/api/ledgers/${encodeURIComponent(docId)}/versions`,
      undefined,
      accessToken,
    );
    if (!Array.isArray(reply)) throw malformed();
    return reply.map((version: unknown) => {
      const fields = fieldsOf(version);
      if (typeof fields.bytes !== 'number') throw malformed();
      return { versionId: text(fields, 'versionId'), takenAt: text(fields, 'takenAt'), bytes: fields.bytes };
    });
  }

  /** Writes a version's values back as new edits; returns how many records changed. */
  async restoreLedgerVersion(accessToken: string, docId: string, versionId: string): Promise<number> {
    const path = `/api/ledgers/${encodeURIComponent(docId)}/versions/${encodeURIComponent(versionId)}/restore`;
    const records = fieldsOf(await this.request('POST', path, undefined, accessToken)).records;
    if (typeof records !== 'number') throw malformed();
    return records;
  }

  /** The relay's VAPID public key (base64url), which a device subscribes to Web Push with. */
  async pushKey(): Promise<string> {
    return text(fieldsOf(await this.request('GET', '/api/push/key')), 'publicKey');
  }

  async subscribePush(accessToken: string, subscription: PushSubscriptionKeys): Promise<void> {
    await this.request('POST', '/api/push/subscriptions', subscription, accessToken);
  }

  async unsubscribePush(accessToken: string, endpoint: string): Promise<void> {
    await this.request('DELETE', '/api/push/subscriptions', { endpoint }, accessToken);
  }

  async notificationPreferences(accessToken: string): Promise<NotificationPreferences> {
    return parsePreferences(await this.request('GET', '/api/notifications/preferences', undefined, accessToken));
  }

  async setNotificationPreferences(
    accessToken: string,
    preferences: NotificationPreferences,
  ): Promise<NotificationPreferences> {
    return parsePreferences(await this.request('PUT', '/api/notifications/preferences', preferences, accessToken));
  }

  /** The largest file the relay keeps, in bytes (relay SPEC BLOB8). */
  async blobMaxBytes(): Promise<number> {
    const maxBytes = fieldsOf(await this.request('GET', '/api/blobs/limits')).maxBytes;
    if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw malformed();
    return maxBytes;
  }

  /** Stores an attachment's bytes on the relay, content-addressed by their sha256 (hex); the same hash twice is stored once. */
  async putBlob(accessToken: string, hash: string, type: string, bytes: ArrayBuffer): Promise<void> {
    const response = await this.send(blobPath(hash), {
      method: 'PUT',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': type },
      body: bytes,
    });
    if (!response.ok) throw refusal(response.status, await response.json().catch(() => null));
  }

  /** An attachment's bytes and their type, as the relay decided it from the bytes. */
  async getBlob(accessToken: string, hash: string): Promise<{ readonly type: string; readonly bytes: ArrayBuffer }> {
    const response = await this.send(blobPath(hash), { headers: { authorization: `Bearer ${accessToken}` } });
    if (!response.ok) throw refusal(response.status, await response.json().catch(() => null));
    const type = response.headers.get('content-type')?.split(';')[0]?.trim();
    if (!type) throw malformed();
    try {
      return { type, bytes: await response.arrayBuffer() };
    } catch {
      throw unreachable(this.base);
    }
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, init);
    } catch {
      throw unreachable(this.base);
    }
  }

  /** One call to the relay: its reply, or a `RelayApiError`; the advisors' calls (advisor-api.ts) go through it too. */
  async request(method: string, path: string, body?: unknown, accessToken?: string): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch {
      throw unreachable(this.base);
    }
    const reply: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.ok) return reply;
    throw refusal(response.status, reply);
  }
}

function count(fields: Fields, name: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw malformed();
  return value;
}

function unreachable(base: string): RelayApiError {
  return new RelayApiError(0, 'network', `could not reach the relay at ${base}`);
}

function blobPath(hash: string): string {
  return `/api/blobs/${encodeURIComponent(hash)}`;
}

function ledgerPath(docId: string): string {
  return `/api/ledgers/${encodeURIComponent(docId)}`;
}

function parseGrant(reply: unknown): SessionGrant {
  const fields = fieldsOf(reply);
  return {
    userId: text(fields, 'userId'),
    deviceId: text(fields, 'deviceId'),
    docId: text(fields, 'docId'),
    accessToken: text(fields, 'accessToken'),
    refreshToken: text(fields, 'refreshToken'),
  };
}

function isRelayErrorCode(code: string): code is RelayErrorCode {
  return relayErrorCodes.some((known) => known === code);
}

/** The relay's refusal; a code this Tally does not know (a newer relay's) keeps the relay's own words. */
function refusal(status: number, reply: unknown): RelayApiError {
  const error = refusalOf(reply);
  if (!error) return new RelayApiError(status, 'http_error', `the relay answered ${status}`);
  return new RelayApiError(status, isRelayErrorCode(error.code) ? error.code : 'http_error', error.message);
}

function refusalOf(reply: unknown): { readonly code: string; readonly message: string } | undefined {
  try {
    const error = fieldsOf(fieldsOf(reply).error);
    return { code: text(error, 'code'), message: text(error, 'message') };
  } catch {
    return undefined;
  }
}
