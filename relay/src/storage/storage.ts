/** Who may do what in a document, from the relay's own records. Readers' updates are dropped (design §7). */
export type DocRole = 'owner' | 'writer' | 'reader';

export interface StoredDoc {
  /** The compacted state, or null if the log has never been compacted. */
  readonly snapshot: Uint8Array | null;
  /** The snapshot's state vector, as given to `compactDoc`; null with the snapshot. */
  readonly stateVector: Uint8Array | null;
  /** Accepted updates appended since the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the newest update in `updates`, or 0 when there is none. */
  readonly lastSeq: number;
}

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
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

export type RefreshOutcome =
  | { readonly kind: 'rotated'; readonly device: DeviceRecord }
  | { readonly kind: 'reused'; readonly deviceId: string }
  | { readonly kind: 'unknown' };

export interface DeviceActivity {
  readonly lastSeenAt?: number;
  readonly lastSyncedAt?: number;
}

/**
 * Everything the relay keeps. Rooms, routes and the admin CLI see only this, so the same code
 * runs over SQLite in production and over memory in fast tests (one contract suite for both).
 */
export interface RelayStorage {
  loadDoc(docId: string): Promise<StoredDoc>;
  /** Durably appends one accepted update and returns its sequence number. */
  appendUpdate(docId: string, update: Uint8Array): Promise<number>;
  /** Replaces the snapshot and drops the log up to `upToSeq`, in one transaction. */
  compactDoc(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void>;
  /** Number of log entries not yet compacted. */
  countUpdates(docId: string): Promise<number>;

  /** Creates the user and their ledger; false when the email is taken. */
  createUser(user: NewUser): Promise<boolean>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  listUsers(): Promise<readonly UserRecord[]>;
  /** The ledger created with the user. */
  ledgerOf(userId: string): Promise<string | null>;
  docRole(userId: string, docId: string): Promise<DocRole | null>;

  createDevice(device: NewDevice): Promise<void>;
  findDevice(deviceId: string): Promise<DeviceRecord | null>;
  listDevices(userId: string): Promise<readonly DeviceRecord[]>;
  recordDeviceActivity(deviceId: string, activity: DeviceActivity): Promise<void>;
  /** Revokes the device and all its refresh tokens; false if the user has no such live device. */
  revokeDevice(userId: string, deviceId: string, at: number): Promise<boolean>;

  addRefreshToken(deviceId: string, tokenHash: string, at: number): Promise<void>;
  /**
   * Spends `oldHash` and stores `newHash` in its place. Spending a token twice is theft or a
   * bug; either way the device is revoked (design §3).
   */
  rotateRefreshToken(oldHash: string, newHash: string, at: number): Promise<RefreshOutcome>;

  close(): Promise<void>;
}
