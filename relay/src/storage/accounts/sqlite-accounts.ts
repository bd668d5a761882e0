import type Database from 'better-sqlite3';
import {
  type AccessChangeRow,
  type DeviceRow,
  type MemberRow,
  toDevice,
  toUser,
  type UserRow,
} from './account-rows.js';
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

interface LedgerRow {
  doc_id: string;
  name: string | null;
  role: DocRole;
  is_ledger: number;
}

interface LedgerInvitationRow {
  doc_id: string;
  email: string;
  role: InvitedRole;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

interface InvitationRow {
  email: string;
  doc_id: string | null;
  doc_role: DocRole | null;
  expires_at: number;
  used_at: number | null;
}

interface RefreshTokenRow {
  device_id: string;
  used_at: number | null;
  used_from: string | null;
}

/**
 * Accounts in the `users`, `invitations`, `devices`, `refresh_tokens` and `access_changes`
 * tables, and who may open which ledger in `ledgers`, `doc_members` and `ledger_invitations`. A
 * new user's ledger gets its `docs` row and its owner's `doc_members` row in the same transaction
 * as the user, and so does the spending of the invitation that let them in.
 */
export class SqliteAccounts implements Accounts {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async createUser(user: NewUser): Promise<boolean> {
    return (await this.admitUser(user, { kind: 'open' })) === 'created';
  }

  async admitUser(user: NewUser, admission: Admission): Promise<AdmissionOutcome> {
    return this.admitUserNow(user, admission);
  }

  /** `admitUser`, synchronously, so a caller can wrap it in a transaction of its own with another area's writes. */
  admitUserNow(user: NewUser, admission: Admission): AdmissionOutcome {
    return this.db.transaction((): AdmissionOutcome => {
      const first = this.statements.anyUser.get() === undefined;
      if (admission.kind === 'first' && !first) return 'not_first';
      let invitation: InvitationRow | undefined;
      if (admission.kind === 'invitation') {
        invitation = this.statements.invitation.get(admission.codeHash) as InvitationRow | undefined;
        if (
          invitation === undefined ||
          invitation.email !== user.email ||
          invitation.used_at !== null ||
          invitation.expires_at <= admission.at
        ) {
          return 'invitation_invalid';
        }
      }
      if (this.statements.userByEmail.get(user.email) !== undefined) return 'email_taken';
      this.statements.insertUser.run(user.id, user.email, user.passwordHash, first ? 'admin' : 'user', user.createdAt);
      this.statements.insertDoc.run(user.docId);
      this.statements.insertMember.run(user.docId, user.id, 'owner', 1);
      if (admission.kind === 'invitation' && invitation !== undefined) {
        this.statements.spendInvitation.run(admission.at, user.id, admission.codeHash);
        if (invitation.doc_id !== null && invitation.doc_role !== null) {
          this.statements.insertMember.run(invitation.doc_id, user.id, invitation.doc_role, 0);
        }
      }
      return 'created';
    })();
  }

  async hasUsers(): Promise<boolean> {
    return this.statements.anyUser.get() !== undefined;
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const row = this.statements.userByEmail.get(email) as UserRow | undefined;
    return row === undefined ? null : toUser(row);
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    const row = this.statements.userById.get(userId) as UserRow | undefined;
    return row === undefined ? null : toUser(row);
  }

  async listUsers(): Promise<readonly UserRecord[]> {
    return (this.statements.listUsers.all() as UserRow[]).map(toUser);
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
    return this.statements.setPasswordHash.run(passwordHash, userId).changes > 0;
  }

  async setUserRole(userId: string, role: AccountRole): Promise<boolean> {
    return this.statements.setRole.run(role, userId).changes > 0;
  }

  async createInvitation(invitation: NewInvitation): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.statements.userByEmail.get(invitation.email) !== undefined) return false;
      this.statements.dropUnusedInvitations.run(invitation.email, invitation.ledger?.docId ?? null);
      this.statements.insertInvitation.run(
        invitation.codeHash,
        invitation.email,
        invitation.invitedBy,
        invitation.ledger?.docId ?? null,
        invitation.ledger?.role ?? null,
        invitation.createdAt,
        invitation.expiresAt,
      );
      return true;
    })();
  }

  async setUserDisabled(userId: string, at: number | null): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.statements.setDisabled.run(at, userId).changes === 0) return false;
      this.statements.insertAccessChange.run(null, userId, null, at ?? Date.now());
      return true;
    })();
  }

  async ledgerOf(userId: string): Promise<string | null> {
    const row = this.statements.ledgerOf.get(userId) as { doc_id: string } | undefined;
    return row?.doc_id ?? null;
  }

  async ownedDocs(userId: string): Promise<readonly string[]> {
    return (this.statements.ownedDocs.all(userId) as { doc_id: string }[]).map((row) => row.doc_id);
  }

  async docOwner(docId: string): Promise<string | null> {
    const row = this.statements.docOwner.get(docId) as { user_id: string } | undefined;
    return row?.user_id ?? null;
  }

  async docRole(userId: string, docId: string): Promise<DocRole | null> {
    const row = this.statements.docRole.get(userId, docId) as { role: DocRole } | undefined;
    return row?.role ?? null;
  }

  async createLedger(ledger: NewLedger): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertDoc.run(ledger.docId);
      this.statements.insertLedger.run(ledger.docId, ledger.name, ledger.ownerId, ledger.createdAt);
      this.statements.insertMember.run(ledger.docId, ledger.ownerId, 'owner', 0);
    })();
  }

  async listLedgers(userId: string): Promise<readonly LedgerRecord[]> {
    return (this.statements.ledgersOf.all(userId) as LedgerRow[]).map((row) => ({
      docId: row.doc_id,
      name: row.name,
      role: row.role,
      personal: row.is_ledger === 1,
    }));
  }

  async listMembers(docId: string): Promise<readonly MemberRecord[]> {
    return (this.statements.membersOf.all(docId) as (MemberRow & { email: string })[]).map((row) => ({
      userId: row.user_id,
      email: row.email,
      role: row.role,
    }));
  }

  async setMemberRole(docId: string, userId: string, role: DocRole, at: number): Promise<MembershipOutcome> {
    return this.db.transaction((): MembershipOutcome => {
      const refusal = this.membershipRefusal(docId, userId, role);
      if (refusal !== null) return refusal;
      this.statements.setMemberRole.run(role, docId, userId);
      this.statements.insertAccessChange.run(null, userId, docId, at);
      return 'changed';
    })();
  }

  async addMember(docId: string, userId: string, role: InvitedRole, at: number): Promise<'added' | 'already_member'> {
    return this.db.transaction((): 'added' | 'already_member' => {
      if (this.statements.member.get(docId, userId) !== undefined) return 'already_member';
      this.statements.insertMember.run(docId, userId, role, 0);
      this.statements.insertAccessChange.run(null, userId, docId, at);
      return 'added';
    })();
  }

  async removeMember(docId: string, userId: string, at: number): Promise<MembershipOutcome> {
    return this.db.transaction((): MembershipOutcome => {
      const refusal = this.membershipRefusal(docId, userId, null);
      if (refusal !== null) return refusal;
      this.statements.deleteMember.run(docId, userId);
      this.statements.insertAccessChange.run(null, userId, docId, at);
      return 'changed';
    })();
  }

  /** Why a member may not become `role` (null: leave), if they may not: L4. */
  private membershipRefusal(docId: string, userId: string, role: DocRole | null): MembershipOutcome | null {
    const member = this.statements.member.get(docId, userId) as MemberRow | undefined;
    if (member === undefined) return 'not_member';
    if (member.role !== 'owner' || role === 'owner') return null;
    if (member.is_ledger === 1) return 'personal_ledger';
    const owners = (this.statements.countOwners.get(docId) as { owners: number }).owners;
    return owners <= 1 ? 'last_owner' : null;
  }

  async createLedgerInvitation(invitation: NewLedgerInvitation): Promise<void> {
    this.statements.insertLedgerInvitation.run(
      invitation.id,
      invitation.codeHash,
      invitation.docId,
      invitation.email,
      invitation.role,
      invitation.invitedBy,
      invitation.createdAt,
      invitation.expiresAt,
    );
  }

  async pendingLedgerInvitations(docId: string, at: number): Promise<readonly PendingLedgerInvitation[]> {
    return (
      this.statements.pendingLedgerInvitations.all(docId, at) as {
        id: string;
        email: string;
        role: InvitedRole;
        expires_at: number;
      }[]
    ).map((row) => ({ id: row.id, email: row.email, role: row.role, expiresAt: row.expires_at }));
  }

  async revokeLedgerInvitation(docId: string, invitationId: string, at: number): Promise<boolean> {
    return this.statements.revokeLedgerInvitation.run(at, invitationId, docId).changes > 0;
  }

  async acceptLedgerInvitation(codeHash: string, userId: string, at: number): Promise<AcceptOutcome> {
    return this.db.transaction((): AcceptOutcome => {
      const invitation = this.statements.ledgerInvitation.get(codeHash) as LedgerInvitationRow | undefined;
      const user = this.statements.userById.get(userId) as UserRow | undefined;
      if (
        invitation === undefined ||
        user === undefined ||
        invitation.email !== user.email ||
        invitation.used_at !== null ||
        invitation.revoked_at !== null ||
        invitation.expires_at <= at
      ) {
        return { kind: 'invalid' };
      }
      if (this.statements.member.get(invitation.doc_id, userId) !== undefined) {
        return { kind: 'already_member', docId: invitation.doc_id };
      }
      this.statements.spendLedgerInvitation.run(at, userId, codeHash);
      this.statements.insertMember.run(invitation.doc_id, userId, invitation.role, 0);
      return { kind: 'joined', docId: invitation.doc_id, role: invitation.role };
    })();
  }

  async createDevice(device: NewDevice): Promise<void> {
    this.statements.insertDevice.run(device.id, device.userId, device.name, device.createdAt);
  }

  async findDevice(deviceId: string): Promise<DeviceRecord | null> {
    const row = this.statements.deviceById.get(deviceId) as DeviceRow | undefined;
    return row === undefined ? null : toDevice(row);
  }

  async listDevices(userId: string): Promise<readonly DeviceRecord[]> {
    return (this.statements.devicesOfUser.all(userId) as DeviceRow[]).map(toDevice);
  }

  async recordDeviceActivity(deviceId: string, activity: DeviceActivity): Promise<void> {
    this.statements.deviceActivity.run(activity.lastSeenAt ?? null, activity.lastSyncedAt ?? null, deviceId);
  }

  async revokeDevice(userId: string, deviceId: string, at: number): Promise<boolean> {
    return this.revoke(userId, deviceId, at);
  }

  async lastAccessChange(): Promise<number> {
    return (this.statements.lastAccessChange.get() as { seq: number }).seq;
  }

  async accessChangesSince(seq: number): Promise<AccessChanges> {
    const rows = this.statements.accessChangesSince.all(seq) as AccessChangeRow[];
    const deviceIds = new Set<string>();
    const userIds = new Set<string>();
    const memberships = new Map<string, { userId: string; docId: string }>();
    for (const row of rows) {
      if (row.device_id !== null) deviceIds.add(row.device_id);
      else if (row.user_id !== null && row.doc_id !== null) {
        memberships.set(`${row.user_id}\u0000${row.doc_id}`, { userId: row.user_id, docId: row.doc_id });
      } else if (row.user_id !== null) userIds.add(row.user_id);
    }
    return {
      seq: rows.at(-1)?.seq ?? seq,
      deviceIds: [...deviceIds],
      userIds: [...userIds],
      memberships: [...memberships.values()],
    };
  }

  async addRefreshToken(deviceId: string, tokenHash: string, at: number): Promise<void> {
    this.statements.insertRefreshToken.run(tokenHash, deviceId, at);
  }

  async rotateRefreshToken(oldHash: string, newHash: string, attempt: RefreshAttempt): Promise<RefreshOutcome> {
    return this.db.transaction((): RefreshOutcome => {
      const token = this.statements.refreshToken.get(oldHash) as RefreshTokenRow | undefined;
      if (token === undefined) return { kind: 'unknown' };
      const row = this.statements.deviceById.get(token.device_id) as DeviceRow | undefined;
      if (row === undefined || row.revoked_at !== null) return { kind: 'unknown' };
      const user = this.statements.userById.get(row.user_id) as UserRow | undefined;
      if (user?.disabled_at != null) return { kind: 'disabled' };
      if (token.used_at === null) {
        this.statements.spendRefreshToken.run(attempt.at, attempt.from, oldHash);
        this.statements.insertRefreshToken.run(newHash, row.id, attempt.at);
        return { kind: 'rotated', device: toDevice(row) };
      }
      const successor = this.statements.refreshToken.get(newHash) as RefreshTokenRow | undefined;
      const replay =
        attempt.graceMs > 0 &&
        attempt.at - token.used_at <= attempt.graceMs &&
        token.used_from === attempt.from &&
        successor?.device_id === row.id &&
        successor.used_at === null;
      if (replay) return { kind: 'replayed', device: toDevice(row), rotatedAt: token.used_at };
      this.revoke(row.user_id, row.id, attempt.at);
      return { kind: 'reused', deviceId: row.id };
    })();
  }

  private revoke(userId: string, deviceId: string, at: number): boolean {
    return this.db.transaction(() => {
      const result = this.statements.revokeDevice.run(at, deviceId, userId);
      if (result.changes === 0) return false;
      this.statements.deleteRefreshTokensOf.run(deviceId);
      this.statements.insertAccessChange.run(deviceId, null, null, at);
      return true;
    })();
  }
}

function prepare(db: Database.Database) {
  return {
    anyUser: db.prepare('SELECT 1 FROM users LIMIT 1'),
    insertUser: db.prepare('INSERT INTO users (id, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)'),
    insertDoc: db.prepare('INSERT OR IGNORE INTO docs (id) VALUES (?)'),
    insertMember: db.prepare('INSERT INTO doc_members (doc_id, user_id, role, is_ledger) VALUES (?, ?, ?, ?)'),
    userByEmail: db.prepare('SELECT * FROM users WHERE email = ?'),
    userById: db.prepare('SELECT * FROM users WHERE id = ?'),
    listUsers: db.prepare('SELECT * FROM users ORDER BY created_at, id'),
    setRole: db.prepare('UPDATE users SET role = ? WHERE id = ?'),
    setDisabled: db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?'),
    insertLedger: db.prepare('INSERT INTO ledgers (doc_id, name, created_by, created_at) VALUES (?, ?, ?, ?)'),
    ledgersOf: db.prepare(
      `SELECT m.doc_id, l.name, m.role, m.is_ledger FROM doc_members m LEFT JOIN ledgers l ON l.doc_id = m.doc_id
       WHERE m.user_id = ? ORDER BY m.is_ledger DESC, l.created_at, m.doc_id`,
    ),
    membersOf: db.prepare(
      `SELECT m.user_id, u.email, m.role, m.is_ledger FROM doc_members m JOIN users u ON u.id = m.user_id
       WHERE m.doc_id = ? ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, u.email`,
    ),
    member: db.prepare('SELECT user_id, role, is_ledger FROM doc_members WHERE doc_id = ? AND user_id = ?'),
    countOwners: db.prepare("SELECT count(*) AS owners FROM doc_members WHERE doc_id = ? AND role = 'owner'"),
    setMemberRole: db.prepare('UPDATE doc_members SET role = ? WHERE doc_id = ? AND user_id = ?'),
    deleteMember: db.prepare('DELETE FROM doc_members WHERE doc_id = ? AND user_id = ?'),
    insertLedgerInvitation: db.prepare(
      `INSERT INTO ledger_invitations (id, code_hash, doc_id, email, role, invited_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    pendingLedgerInvitations: db.prepare(
      `SELECT id, email, role, expires_at FROM ledger_invitations
       WHERE doc_id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at, id`,
    ),
    revokeLedgerInvitation: db.prepare(
      'UPDATE ledger_invitations SET revoked_at = ? WHERE id = ? AND doc_id = ? AND used_at IS NULL AND revoked_at IS NULL',
    ),
    ledgerInvitation: db.prepare(
      'SELECT doc_id, email, role, expires_at, used_at, revoked_at FROM ledger_invitations WHERE code_hash = ?',
    ),
    spendLedgerInvitation: db.prepare('UPDATE ledger_invitations SET used_at = ?, used_by = ? WHERE code_hash = ?'),
    setPasswordHash: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    invitation: db.prepare('SELECT email, doc_id, doc_role, expires_at, used_at FROM invitations WHERE code_hash = ?'),
    dropUnusedInvitations: db.prepare('DELETE FROM invitations WHERE email = ? AND doc_id IS ? AND used_at IS NULL'),
    insertInvitation: db.prepare(
      `INSERT INTO invitations (code_hash, email, invited_by, doc_id, doc_role, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    spendInvitation: db.prepare('UPDATE invitations SET used_at = ?, used_by = ? WHERE code_hash = ?'),
    ledgerOf: db.prepare('SELECT doc_id FROM doc_members WHERE user_id = ? AND is_ledger = 1'),
    docRole: db.prepare('SELECT role FROM doc_members WHERE user_id = ? AND doc_id = ?'),
    ownedDocs: db.prepare("SELECT doc_id FROM doc_members WHERE user_id = ? AND role = 'owner' ORDER BY doc_id"),
    docOwner: db.prepare(
      "SELECT user_id FROM doc_members WHERE doc_id = ? AND role = 'owner' ORDER BY user_id LIMIT 1",
    ),
    insertDevice: db.prepare('INSERT INTO devices (id, user_id, name, created_at) VALUES (?, ?, ?, ?)'),
    deviceById: db.prepare('SELECT * FROM devices WHERE id = ?'),
    devicesOfUser: db.prepare('SELECT * FROM devices WHERE user_id = ? ORDER BY created_at, id'),
    deviceActivity: db.prepare(
      `UPDATE devices SET last_seen_at = coalesce(?, last_seen_at), last_synced_at = coalesce(?, last_synced_at)
       WHERE id = ?`,
    ),
    revokeDevice: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL'),
    deleteRefreshTokensOf: db.prepare('DELETE FROM refresh_tokens WHERE device_id = ?'),
    insertRefreshToken: db.prepare('INSERT INTO refresh_tokens (token_hash, device_id, created_at) VALUES (?, ?, ?)'),
    refreshToken: db.prepare('SELECT device_id, used_at, used_from FROM refresh_tokens WHERE token_hash = ?'),
    spendRefreshToken: db.prepare('UPDATE refresh_tokens SET used_at = ?, used_from = ? WHERE token_hash = ?'),
    insertAccessChange: db.prepare(
      'INSERT INTO access_changes (device_id, user_id, doc_id, changed_at) VALUES (?, ?, ?, ?)',
    ),
    lastAccessChange: db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM access_changes'),
    accessChangesSince: db.prepare(
      'SELECT seq, device_id, user_id, doc_id FROM access_changes WHERE seq > ? ORDER BY seq',
    ),
  };
}
