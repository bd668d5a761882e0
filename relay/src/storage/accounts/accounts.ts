/** Who may do what in a document, from the relay's own records (S2). Readers' updates are dropped (S7). */
export type DocRole = 'owner' | 'writer' | 'reader';

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

/** Users with their own ledger, their devices, and each device's chain of refresh tokens. */
export interface Accounts {
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
   * bug; either way the device is revoked (S3).
   */
  rotateRefreshToken(oldHash: string, newHash: string, at: number): Promise<RefreshOutcome>;
}
