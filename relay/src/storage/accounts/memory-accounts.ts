import type {
  AccessChanges,
  AccountRole,
  Accounts,
  Admission,
  AdmissionOutcome,
  DeviceActivity,
  DeviceRecord,
  DocRole,
  NewDevice,
  NewInvitation,
  NewUser,
  RefreshAttempt,
  RefreshOutcome,
  UserRecord,
} from './accounts.js';

interface MemoryRefreshToken {
  readonly deviceId: string;
  usedAt: number | null;
  usedFrom: string | null;
}

interface MemoryInvitation extends NewInvitation {
  usedAt: number | null;
}

/** Accounts that live and die with the process: for fast tests. */
export class MemoryAccounts implements Accounts {
  private readonly users = new Map<string, UserRecord>();
  private readonly ledgers = new Map<string, string>();
  private readonly roles = new Map<string, DocRole>();
  private readonly invitations = new Map<string, MemoryInvitation>();
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly refreshTokens = new Map<string, MemoryRefreshToken>();
  private readonly accessChanges: string[] = [];

  async createUser(user: NewUser): Promise<boolean> {
    return (await this.admitUser(user, { kind: 'open' })) === 'created';
  }

  async admitUser(user: NewUser, admission: Admission): Promise<AdmissionOutcome> {
    const first = this.users.size === 0;
    if (admission.kind === 'first' && !first) return 'not_first';
    const invitation = admission.kind === 'invitation' ? this.invitations.get(admission.codeHash) : undefined;
    if (
      admission.kind === 'invitation' &&
      (invitation === undefined ||
        invitation.email !== user.email ||
        invitation.usedAt !== null ||
        invitation.expiresAt <= admission.at)
    ) {
      return 'invitation_invalid';
    }
    if ((await this.findUserByEmail(user.email)) !== null) return 'email_taken';
    this.users.set(user.id, {
      id: user.id,
      email: user.email,
      passwordHash: user.passwordHash,
      role: first ? 'admin' : 'user',
      createdAt: user.createdAt,
    });
    this.ledgers.set(user.id, user.docId);
    this.roles.set(roleKey(user.id, user.docId), 'owner');
    if (admission.kind === 'invitation' && invitation !== undefined) {
      invitation.usedAt = admission.at;
      if (invitation.ledger !== null) this.roles.set(roleKey(user.id, invitation.ledger.docId), invitation.ledger.role);
    }
    return 'created';
  }

  async hasUsers(): Promise<boolean> {
    return this.users.size > 0;
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    for (const user of this.users.values()) {
      if (user.email === email) return user;
    }
    return null;
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    return this.users.get(userId) ?? null;
  }

  async listUsers(): Promise<readonly UserRecord[]> {
    return [...this.users.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async setUserRole(userId: string, role: AccountRole): Promise<boolean> {
    const user = this.users.get(userId);
    if (user === undefined) return false;
    this.users.set(userId, { ...user, role });
    return true;
  }

  async createInvitation(invitation: NewInvitation): Promise<boolean> {
    if ((await this.findUserByEmail(invitation.email)) !== null) return false;
    for (const [hash, existing] of this.invitations) {
      const sameLedger = (existing.ledger?.docId ?? null) === (invitation.ledger?.docId ?? null);
      if (existing.email === invitation.email && sameLedger && existing.usedAt === null) this.invitations.delete(hash);
    }
    this.invitations.set(invitation.codeHash, { ...invitation, usedAt: null });
    return true;
  }

  async ledgerOf(userId: string): Promise<string | null> {
    return this.ledgers.get(userId) ?? null;
  }

  async ownedDocs(userId: string): Promise<readonly string[]> {
    return [...this.roles]
      .filter(([key, role]) => role === 'owner' && key.startsWith(`${userId}\u0000`))
      .map(([key]) => key.slice(userId.length + 1))
      .sort();
  }

  async docOwner(docId: string): Promise<string | null> {
    const owners = [...this.roles]
      .filter(([key, role]) => role === 'owner' && key.endsWith(`\u0000${docId}`))
      .map(([key]) => key.slice(0, key.length - docId.length - 1))
      .sort();
    return owners[0] ?? null;
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
    this.accessChanges.push(deviceId);
    return true;
  }

  async lastAccessChange(): Promise<number> {
    return this.accessChanges.length;
  }

  async accessChangesSince(seq: number): Promise<AccessChanges> {
    return { seq: this.accessChanges.length, deviceIds: [...new Set(this.accessChanges.slice(seq))] };
  }

  async addRefreshToken(deviceId: string, tokenHash: string, _at: number): Promise<void> {
    this.refreshTokens.set(tokenHash, { deviceId, usedAt: null, usedFrom: null });
  }

  async rotateRefreshToken(oldHash: string, newHash: string, attempt: RefreshAttempt): Promise<RefreshOutcome> {
    const token = this.refreshTokens.get(oldHash);
    if (token === undefined) return { kind: 'unknown' };
    const device = this.devices.get(token.deviceId);
    if (device === undefined || device.revokedAt !== null) return { kind: 'unknown' };
    if (token.usedAt === null) {
      token.usedAt = attempt.at;
      token.usedFrom = attempt.from;
      this.refreshTokens.set(newHash, { deviceId: device.id, usedAt: null, usedFrom: null });
      return { kind: 'rotated', device };
    }
    const successor = this.refreshTokens.get(newHash);
    const replay =
      attempt.graceMs > 0 &&
      attempt.at - token.usedAt <= attempt.graceMs &&
      token.usedFrom === attempt.from &&
      successor?.deviceId === device.id &&
      successor.usedAt === null;
    if (replay) return { kind: 'replayed', device, rotatedAt: token.usedAt };
    await this.revokeDevice(device.userId, device.id, attempt.at);
    return { kind: 'reused', deviceId: device.id };
  }
}

function roleKey(userId: string, docId: string): string {
  return `${userId}\u0000${docId}`;
}
