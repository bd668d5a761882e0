import type {
  AcceptOutcome,
  AccessChanges,
  AccountRole,
  Accounts,
  Admission,
  AdmissionOutcome,
  DeviceActivity,
  DeviceRecord,
  DocRole,
  InvitedRole,
  LedgerRecord,
  MemberRecord,
  MembershipChange,
  MembershipOutcome,
  NewDevice,
  NewInvitation,
  NewLedger,
  NewLedgerInvitation,
  NewUser,
  PendingLedgerInvitation,
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

interface MemoryLedgerInvitation extends NewLedgerInvitation {
  usedAt: number | null;
  revokedAt: number | null;
}

interface MemoryMembership {
  readonly userId: string;
  readonly docId: string;
  role: DocRole;
  readonly personal: boolean;
}

type MemoryAccessChange =
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'membership'; readonly change: MembershipChange };

/** Accounts that live and die with the process: for fast tests. */
export class MemoryAccounts implements Accounts {
  private readonly users = new Map<string, UserRecord>();
  private readonly ledgerNames = new Map<string, { readonly name: string; readonly createdAt: number }>();
  private readonly memberships = new Map<string, MemoryMembership>();
  private readonly invitations = new Map<string, MemoryInvitation>();
  private readonly ledgerInvitations = new Map<string, MemoryLedgerInvitation>();
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly refreshTokens = new Map<string, MemoryRefreshToken>();
  private readonly accessChanges: MemoryAccessChange[] = [];

  private join(userId: string, docId: string, role: DocRole, personal: boolean): void {
    this.memberships.set(roleKey(userId, docId), { userId, docId, role, personal });
  }

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
      disabledAt: null,
    });
    this.join(user.id, user.docId, 'owner', true);
    if (admission.kind === 'invitation' && invitation !== undefined) {
      invitation.usedAt = admission.at;
      if (invitation.ledger !== null) this.join(user.id, invitation.ledger.docId, invitation.ledger.role, false);
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

  async setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
    const user = this.users.get(userId);
    if (user === undefined) return false;
    this.users.set(userId, { ...user, passwordHash });
    return true;
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

  async setUserDisabled(userId: string, at: number | null): Promise<boolean> {
    const user = this.users.get(userId);
    if (user === undefined) return false;
    this.users.set(userId, { ...user, disabledAt: at });
    this.accessChanges.push({ kind: 'user', userId });
    return true;
  }

  async ledgerOf(userId: string): Promise<string | null> {
    for (const membership of this.memberships.values()) {
      if (membership.userId === userId && membership.personal) return membership.docId;
    }
    return null;
  }

  async ownedDocs(userId: string): Promise<readonly string[]> {
    return [...this.memberships.values()]
      .filter((membership) => membership.userId === userId && membership.role === 'owner')
      .map((membership) => membership.docId)
      .sort();
  }

  async docOwner(docId: string): Promise<string | null> {
    const owners = [...this.memberships.values()]
      .filter((membership) => membership.docId === docId && membership.role === 'owner')
      .map((membership) => membership.userId)
      .sort();
    return owners[0] ?? null;
  }

  async docRole(userId: string, docId: string): Promise<DocRole | null> {
    return this.memberships.get(roleKey(userId, docId))?.role ?? null;
  }

  async createLedger(ledger: NewLedger): Promise<void> {
    this.ledgerNames.set(ledger.docId, { name: ledger.name, createdAt: ledger.createdAt });
    this.join(ledger.ownerId, ledger.docId, 'owner', false);
  }

  async listLedgers(userId: string): Promise<readonly LedgerRecord[]> {
    return [...this.memberships.values()]
      .filter((membership) => membership.userId === userId)
      .map((membership) => ({ membership, named: this.ledgerNames.get(membership.docId) }))
      .sort(
        (a, b) =>
          Number(b.membership.personal) - Number(a.membership.personal) ||
          (a.named?.createdAt ?? 0) - (b.named?.createdAt ?? 0) ||
          a.membership.docId.localeCompare(b.membership.docId),
      )
      .map(({ membership, named }) => ({
        docId: membership.docId,
        name: named?.name ?? null,
        role: membership.role,
        personal: membership.personal,
      }));
  }

  async listMembers(docId: string): Promise<readonly MemberRecord[]> {
    const order: Record<DocRole, number> = { owner: 0, editor: 1, viewer: 2 };
    return [...this.memberships.values()]
      .filter((membership) => membership.docId === docId)
      .map((membership) => ({
        userId: membership.userId,
        email: this.users.get(membership.userId)?.email ?? '',
        role: membership.role,
      }))
      .sort((a, b) => order[a.role] - order[b.role] || a.email.localeCompare(b.email));
  }

  async setMemberRole(docId: string, userId: string, role: DocRole, _at: number): Promise<MembershipOutcome> {
    const refusal = this.membershipRefusal(docId, userId, role);
    if (refusal !== null) return refusal;
    const membership = this.memberships.get(roleKey(userId, docId));
    if (membership !== undefined) membership.role = role;
    this.accessChanges.push({ kind: 'membership', change: { userId, docId } });
    return 'changed';
  }

  async addMember(docId: string, userId: string, role: InvitedRole, _at: number): Promise<'added' | 'already_member'> {
    if (this.memberships.has(roleKey(userId, docId))) return 'already_member';
    this.join(userId, docId, role, false);
    this.accessChanges.push({ kind: 'membership', change: { userId, docId } });
    return 'added';
  }

  async removeMember(docId: string, userId: string, _at: number): Promise<MembershipOutcome> {
    const refusal = this.membershipRefusal(docId, userId, null);
    if (refusal !== null) return refusal;
    this.memberships.delete(roleKey(userId, docId));
    this.accessChanges.push({ kind: 'membership', change: { userId, docId } });
    return 'changed';
  }

  private membershipRefusal(docId: string, userId: string, role: DocRole | null): MembershipOutcome | null {
    const member = this.memberships.get(roleKey(userId, docId));
    if (member === undefined) return 'not_member';
    if (member.role !== 'owner' || role === 'owner') return null;
    if (member.personal) return 'personal_ledger';
    const owners = [...this.memberships.values()].filter((other) => other.docId === docId && other.role === 'owner');
    return owners.length <= 1 ? 'last_owner' : null;
  }

  async createLedgerInvitation(invitation: NewLedgerInvitation): Promise<void> {
    this.ledgerInvitations.set(invitation.codeHash, { ...invitation, usedAt: null, revokedAt: null });
  }

  async pendingLedgerInvitations(docId: string, at: number): Promise<readonly PendingLedgerInvitation[]> {
    return [...this.ledgerInvitations.values()]
      .filter(
        (invitation) =>
          invitation.docId === docId &&
          invitation.usedAt === null &&
          invitation.revokedAt === null &&
          invitation.expiresAt > at,
      )
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      }));
  }

  async revokeLedgerInvitation(docId: string, invitationId: string, at: number): Promise<boolean> {
    for (const invitation of this.ledgerInvitations.values()) {
      if (invitation.id !== invitationId || invitation.docId !== docId) continue;
      if (invitation.usedAt !== null || invitation.revokedAt !== null) return false;
      invitation.revokedAt = at;
      return true;
    }
    return false;
  }

  async acceptLedgerInvitation(codeHash: string, userId: string, at: number): Promise<AcceptOutcome> {
    const invitation = this.ledgerInvitations.get(codeHash);
    const user = this.users.get(userId);
    if (
      invitation === undefined ||
      user === undefined ||
      invitation.email !== user.email ||
      invitation.usedAt !== null ||
      invitation.revokedAt !== null ||
      invitation.expiresAt <= at
    ) {
      return { kind: 'invalid' };
    }
    if (this.memberships.has(roleKey(userId, invitation.docId))) {
      return { kind: 'already_member', docId: invitation.docId };
    }
    invitation.usedAt = at;
    this.join(userId, invitation.docId, invitation.role, false);
    return { kind: 'joined', docId: invitation.docId, role: invitation.role };
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
    this.accessChanges.push({ kind: 'device', deviceId });
    return true;
  }

  async lastAccessChange(): Promise<number> {
    return this.accessChanges.length;
  }

  async accessChangesSince(seq: number): Promise<AccessChanges> {
    const deviceIds = new Set<string>();
    const userIds = new Set<string>();
    const memberships = new Map<string, MembershipChange>();
    for (const change of this.accessChanges.slice(seq)) {
      if (change.kind === 'device') deviceIds.add(change.deviceId);
      else if (change.kind === 'user') userIds.add(change.userId);
      else memberships.set(roleKey(change.change.userId, change.change.docId), change.change);
    }
    return {
      seq: this.accessChanges.length,
      deviceIds: [...deviceIds],
      userIds: [...userIds],
      memberships: [...memberships.values()],
    };
  }

  async addRefreshToken(deviceId: string, tokenHash: string, _at: number): Promise<void> {
    this.refreshTokens.set(tokenHash, { deviceId, usedAt: null, usedFrom: null });
  }

  async rotateRefreshToken(oldHash: string, newHash: string, attempt: RefreshAttempt): Promise<RefreshOutcome> {
    const token = this.refreshTokens.get(oldHash);
    if (token === undefined) return { kind: 'unknown' };
    const device = this.devices.get(token.deviceId);
    if (device === undefined || device.revokedAt !== null) return { kind: 'unknown' };
    if (this.users.get(device.userId)?.disabledAt != null) return { kind: 'disabled' };
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
