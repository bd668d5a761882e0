/** Who may do what in a document, from the relay's own records (S2). Readers' updates are dropped (S7). */
export type DocRole = 'owner' | 'writer' | 'reader';

/** What an account may do on the relay as a whole; the relay's first account is its `admin` (A1). */
export type AccountRole = 'user' | 'advisor' | 'admin';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly role: AccountRole;
  readonly createdAt: number;
}

export interface DeviceRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: number;
  readonly lastSeenAt: number | null;
  readonly lastSyncedAt: number | null;
  readonly revokedAt: number | null;
}

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  /** The user's ledger, created with the user as its owner. */
  readonly docId: string;
  readonly createdAt: number;
}

export interface NewDevice {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: number;
}

/**
 * How a new account is let in (A1): by anyone (`open` registration, the admin CLI), only as the
 * relay's first account, or by an invitation for its email (its code's hash, checked at `at`).
 */
export type Admission =
  | { readonly kind: 'open' }
  | { readonly kind: 'first' }
  | { readonly kind: 'invitation'; readonly codeHash: string; readonly at: number };

export type AdmissionOutcome = 'created' | 'email_taken' | 'not_first' | 'invitation_invalid';

/**
 * An invitation to create an account for one email (A2): single use, until it expires. A ledger
 * owner's invitation (shared ledgers) also names the ledger the invitee joins, and as what.
 */
export interface NewInvitation {
  readonly codeHash: string;
  readonly email: string;
  /** The account that invited; null when an administrator invited from the CLI. */
  readonly invitedBy: string | null;
  readonly ledger: { readonly docId: string; readonly role: Exclude<DocRole, 'owner'> } | null;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** The grace a refresh may take (S3): a token spent at most `graceMs` ago, from the same address, is replayed. */
export interface RefreshAttempt {
  readonly at: number;
  readonly from: string;
  readonly graceMs: number;
}

export type RefreshOutcome =
  | { readonly kind: 'rotated'; readonly device: DeviceRecord }
  | { readonly kind: 'replayed'; readonly device: DeviceRecord; readonly rotatedAt: number }
  | { readonly kind: 'reused'; readonly deviceId: string }
  | { readonly kind: 'unknown' };

/** Devices revoked since a point of the access-change feed (S8), by any process sharing the storage. */
export interface AccessChanges {
  readonly seq: number;
  readonly deviceIds: readonly string[];
}

export interface DeviceActivity {
  readonly lastSeenAt?: number;
  readonly lastSyncedAt?: number;
}

/** Users with their own ledger, their devices, and each device's chain of refresh tokens. */
export interface Accounts {
  /** Creates the user and their ledger, letting anyone in; false when the email is taken. */
  createUser(user: NewUser): Promise<boolean>;
  /**
   * Creates the user and their ledger if `admission` lets them in, all in one transaction: an
   * invitation is spent by it, and the relay's first account becomes its admin (A1).
   */
  admitUser(user: NewUser, admission: Admission): Promise<AdmissionOutcome>;
  /** Whether any account exists: a relay without one lets its first register whatever its policy. */
  hasUsers(): Promise<boolean>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUser(userId: string): Promise<UserRecord | null>;
  listUsers(): Promise<readonly UserRecord[]>;
  /** False when there is no such user. */
  setUserRole(userId: string, role: AccountRole): Promise<boolean>;
  /**
   * Stores an invitation, replacing the email's unused one to the same ledger (or to none);
   * false when the email already has an account.
   */
  createInvitation(invitation: NewInvitation): Promise<boolean>;
  /** The ledger created with the user. */
  ledgerOf(userId: string): Promise<string | null>;
  /** The documents the user owns: what counts against the account's storage quota (L4). */
  ownedDocs(userId: string): Promise<readonly string[]>;
  /** The account that owns a document, whose quota its bytes count against (L4). */
  docOwner(docId: string): Promise<string | null>;
  docRole(userId: string, docId: string): Promise<DocRole | null>;

  createDevice(device: NewDevice): Promise<void>;
  findDevice(deviceId: string): Promise<DeviceRecord | null>;
  listDevices(userId: string): Promise<readonly DeviceRecord[]>;
  recordDeviceActivity(deviceId: string, activity: DeviceActivity): Promise<void>;
  /**
   * Revokes the device and all its refresh tokens, and records the change in the access-change
   * feed; false if the user has no such live device.
   */
  revokeDevice(userId: string, deviceId: string, at: number): Promise<boolean>;
  /** The newest point of the access-change feed. */
  lastAccessChange(): Promise<number>;
  accessChangesSince(seq: number): Promise<AccessChanges>;

  addRefreshToken(deviceId: string, tokenHash: string, at: number): Promise<void>;
  /**
   * Spends `oldHash` and stores `newHash` in its place. Spending it again with the same `newHash`
   * within the grace, from the same address, while `newHash` is unspent, replays that rotation (a
   * lost reply, or refreshes racing). Any other second spending is theft or a bug; either way the
   * device is revoked (S3).
   */
  rotateRefreshToken(oldHash: string, newHash: string, attempt: RefreshAttempt): Promise<RefreshOutcome>;
}
