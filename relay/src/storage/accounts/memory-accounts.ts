import type {
  Accounts,
  DeviceActivity,
  DeviceRecord,
  DocRole,
  NewDevice,
  NewUser,
  RefreshOutcome,
  UserRecord,
} from './accounts.js';

interface MemoryRefreshToken {
  readonly deviceId: string;
  usedAt: number | null;
}

/** Accounts that live and die with the process: for fast tests. */
export class MemoryAccounts implements Accounts {
  private readonly users = new Map<string, UserRecord>();
  private readonly ledgers = new Map<string, string>();
  private readonly roles = new Map<string, DocRole>();
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly refreshTokens = new Map<string, MemoryRefreshToken>();

  async createUser(user: NewUser): Promise<boolean> {
    for (const existing of this.users.values()) {
      if (existing.email === user.email) return false;
    }
    this.users.set(user.id, {
      id: user.id,
      email: user.email,
      passwordHash: user.passwordHash,
      createdAt: user.createdAt,
    });
    this.ledgers.set(user.id, user.docId);
    this.roles.set(roleKey(user.id, user.docId), 'owner');
    return true;
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    for (const user of this.users.values()) {
      if (user.email === email) return user;
    }
    return null;
  }

  async listUsers(): Promise<readonly UserRecord[]> {
    return [...this.users.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async ledgerOf(userId: string): Promise<string | null> {
    return this.ledgers.get(userId) ?? null;
  }

  async docRole(userId: string, docId: string): Promise<DocRole | null> {
    return this.roles.get(roleKey(userId, docId)) ?? null;
  }

  async createDevice(device: NewDevice): Promise<void> {
    this.devices.set(device.id, { ...device, lastSeenAt: null, lastSyncedAt: null, revokedAt: null });
  }

  async findDevice(deviceId: string): Promise<DeviceRecord | null> {
    return this.devices.get(deviceId) ?? null;
  }

  async listDevices(userId: string): Promise<readonly DeviceRecord[]> {
    return [...this.devices.values()]
      .filter((device) => device.userId === userId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async recordDeviceActivity(deviceId: string, activity: DeviceActivity): Promise<void> {
    const device = this.devices.get(deviceId);
    if (device === undefined) return;
    this.devices.set(deviceId, {
      ...device,
      lastSeenAt: activity.lastSeenAt ?? device.lastSeenAt,
      lastSyncedAt: activity.lastSyncedAt ?? device.lastSyncedAt,
    });
  }

  async revokeDevice(userId: string, deviceId: string, at: number): Promise<boolean> {
    const device = this.devices.get(deviceId);
    if (device === undefined || device.userId !== userId || device.revokedAt !== null) return false;
    this.devices.set(deviceId, { ...device, revokedAt: at });
    for (const [hash, token] of this.refreshTokens) {
      if (token.deviceId === deviceId) this.refreshTokens.delete(hash);
    }
    return true;
  }

  async addRefreshToken(deviceId: string, tokenHash: string, _at: number): Promise<void> {
    this.refreshTokens.set(tokenHash, { deviceId, usedAt: null });
  }

  async rotateRefreshToken(oldHash: string, newHash: string, at: number): Promise<RefreshOutcome> {
    const token = this.refreshTokens.get(oldHash);
    if (token === undefined) return { kind: 'unknown' };
    const device = this.devices.get(token.deviceId);
    if (device === undefined || device.revokedAt !== null) return { kind: 'unknown' };
    if (token.usedAt !== null) {
      await this.revokeDevice(device.userId, device.id, at);
      return { kind: 'reused', deviceId: device.id };
    }
    token.usedAt = at;
    this.refreshTokens.set(newHash, { deviceId: device.id, usedAt: null });
    return { kind: 'rotated', device };
  }
}

function roleKey(userId: string, docId: string): string {
  return `${userId}\u0000${docId}`;
}
