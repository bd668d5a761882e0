/**
 * What a member may do in a ledger, from the relay's own records (S2): an `owner` everything,
 * members included; an `editor` read and write; a `viewer` only read — its updates are dropped (L2).
 */
export type DocRole = 'owner' | 'editor' | 'viewer';

/** The roles an invitation can give: a ledger gets a new owner only from one of its owners (L4). */
export type InvitedRole = Exclude<DocRole, 'owner'>;

/** What an account may do on the relay as a whole; the relay's first account is its `admin` (A1). */
export type AccountRole = 'user' | 'advisor' | 'admin';

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly role: AccountRole;
  readonly createdAt: number;
  /** When an admin disabled the account (A6); null while it may sign in. */
  readonly disabledAt: number | null;
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
  readonly ledger: { readonly docId: string; readonly role: InvitedRole } | null;
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
  /** The account is disabled (A6): the token is left unspent, to work again once it is enabled. */
  | { readonly kind: 'disabled' }
  | { readonly kind: 'unknown' };

/** A ledger one account may open (L1): its personal ledger has no name and `personal` set. */
export interface LedgerRecord {
  readonly docId: string;
  readonly name: string | null;
  readonly role: DocRole;
  readonly personal: boolean;
}

export interface NewLedger {
  readonly docId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly createdAt: number;
}

export interface MemberRecord {
  readonly userId: string;
  readonly email: string;
  readonly role: DocRole;
}

/**
 * What came of changing or ending a membership (L4): a ledger always keeps an owner, and a
 * personal ledger its own.
 */
export type MembershipOutcome = 'changed' | 'not_member' | 'last_owner' | 'personal_ledger';

/** An owner's invitation into a ledger, for one email (L5). */
export interface NewLedgerInvitation {
  readonly id: string;
  readonly codeHash: string;
  readonly docId: string;
  readonly email: string;
  readonly role: InvitedRole;
  readonly invitedBy: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface PendingLedgerInvitation {
  readonly id: string;
  readonly email: string;
  readonly role: InvitedRole;
  readonly expiresAt: number;
}

export type AcceptOutcome =
  | { readonly kind: 'joined'; readonly docId: string; readonly role: InvitedRole }
  | { readonly kind: 'already_member'; readonly docId: string }
  | { readonly kind: 'invalid' };

/** One membership changed or ended: its sockets are closed and reopen with the new role, if any (L3). */
export interface MembershipChange {
  readonly userId: string;
  readonly docId: string;
}

/**
 * What changed in who may open what since a point of the access-change feed (S8, L3, A6), by any
 * process sharing the storage: devices revoked, accounts disabled, memberships changed or ended.
 */
export interface AccessChanges {
  readonly seq: number;
  readonly deviceIds: readonly string[];
  readonly userIds: readonly string[];
  readonly memberships: readonly MembershipChange[];
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
  /** Replaces the user's password hash (a password reset, M5); false when there is no such user. */
  setPasswordHash(userId: string, passwordHash: string): Promise<boolean>;
  /**
   * Stores an invitation, replacing the email's unused one to the same ledger (or to none);
   * false when the email already has an account.
   */
  createInvitation(invitation: NewInvitation): Promise<boolean>;
  /**
   * Disables (`at`) or re-enables (null) an account, and records the change in the access-change
   * feed; false when there is no such user.
   */
  setUserDisabled(userId: string, at: number | null): Promise<boolean>;
  /** The ledger created with the user: their personal ledger. */
  ledgerOf(userId: string): Promise<string | null>;
  /** The documents the user owns: what counts against the account's storage quota (B4). */
  ownedDocs(userId: string): Promise<readonly string[]>;
  /** The account that owns a document, whose quota its bytes count against (B4). */
  docOwner(docId: string): Promise<string | null>;
  docRole(userId: string, docId: string): Promise<DocRole | null>;

  /** Creates a ledger with its creator as its owner. */
  createLedger(ledger: NewLedger): Promise<void>;
  /** Every ledger the user may open: the personal one first, then by creation. */
  listLedgers(userId: string): Promise<readonly LedgerRecord[]>;
  /** A ledger's members, owners first. */
  listMembers(docId: string): Promise<readonly MemberRecord[]>;
  /** Changes a member's role and records it in the access-change feed. */
  setMemberRole(docId: string, userId: string, role: DocRole, at: number): Promise<MembershipOutcome>;
  /**
   * Makes the account a member of the ledger with `role` and records it in the access-change feed;
   * an account that is a member already keeps its role (`already_member`).
   */
  addMember(docId: string, userId: string, role: InvitedRole, at: number): Promise<'added' | 'already_member'>;
  /** Ends a membership and records it in the access-change feed. */
  removeMember(docId: string, userId: string, at: number): Promise<MembershipOutcome>;

  createLedgerInvitation(invitation: NewLedgerInvitation): Promise<void>;
  /** Invitations to the ledger neither used, revoked nor expired at `at`. */
  pendingLedgerInvitations(docId: string, at: number): Promise<readonly PendingLedgerInvitation[]>;
  /** False when the ledger has no such invitation still unused and unrevoked. */
  revokeLedgerInvitation(docId: string, invitationId: string, at: number): Promise<boolean>;
  /**
   * Spends the invitation and makes the user a member, in one transaction, if it is theirs (same
   * email), unused, unrevoked and unexpired at `at`; an invitation to a ledger the user is in
   * already is left unspent.
   */
  acceptLedgerInvitation(codeHash: string, userId: string, at: number): Promise<AcceptOutcome>;

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
