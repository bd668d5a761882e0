import type pg from 'pg';
import { advisoryLocks, isUniqueViolation, type Sql, transaction } from '../postgres-database.js';
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

const userColumns = 'id, email, password_hash, role, created_at, disabled_at';
const deviceColumns = 'id, user_id, name, created_at, last_seen_at, last_synced_at, revoked_at';

/**
 * Accounts in the same tables as `SqliteAccounts`, in PostgreSQL, shared by every relay on the
 * database. What SQLite does in one transaction is one Postgres transaction here; rows two relays
 * could change at once (a refresh token, an invitation) are locked (`FOR UPDATE`) before they are
 * checked, and the relay's first account and the access-change feed take an advisory lock.
 */
export class PostgresAccounts implements Accounts {
  constructor(private readonly pool: pg.Pool) {}

  async createUser(user: NewUser): Promise<boolean> {
    return (await this.admitUser(user, { kind: 'open' })) === 'created';
  }

  async admitUser(user: NewUser, admission: Admission): Promise<AdmissionOutcome> {
    return transaction(this.pool, (tx) => this.admitUserIn(tx, user, admission));
  }

  /** `admitUser` inside the caller's transaction, so another area's writes commit with it. */
  async admitUserIn(tx: Sql, user: NewUser, admission: Admission): Promise<AdmissionOutcome> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [advisoryLocks.admission]);
    const first = (await tx.query('SELECT 1 FROM users LIMIT 1')).rowCount === 0;
    if (admission.kind === 'first' && !first) return 'not_first';
    let invitation: { doc_id: string | null; doc_role: InvitedRole | null } | undefined;
    if (admission.kind === 'invitation') {
      const row = (
        await tx.query<{
          email: string;
          doc_id: string | null;
          doc_role: InvitedRole | null;
          expires_at: number;
          used_at: number | null;
        }>('SELECT email, doc_id, doc_role, expires_at, used_at FROM invitations WHERE code_hash = $1 FOR UPDATE', [
          admission.codeHash,
        ])
      ).rows[0];
      if (row === undefined || row.email !== user.email || row.used_at !== null || row.expires_at <= admission.at) {
        return 'invitation_invalid';
      }
      invitation = row;
    }
    if ((await tx.query('SELECT 1 FROM users WHERE email = $1', [user.email])).rowCount !== 0) return 'email_taken';
    await tx.query('INSERT INTO users (id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5)', [
      user.id,
      user.email,
      user.passwordHash,
      first ? 'admin' : 'user',
      user.createdAt,
    ]);
    await insertDoc(tx, user.docId);
    await insertMember(tx, user.docId, user.id, 'owner', 1);
    if (admission.kind === 'invitation' && invitation !== undefined) {
      await tx.query('UPDATE invitations SET used_at = $1, used_by = $2 WHERE code_hash = $3', [
        admission.at,
        user.id,
        admission.codeHash,
      ]);
      if (invitation.doc_id !== null && invitation.doc_role !== null) {
        await insertMember(tx, invitation.doc_id, user.id, invitation.doc_role, 0);
      }
    }
    return 'created';
  }

  async hasUsers(): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM users LIMIT 1')).rowCount !== 0;
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const row = (await this.pool.query<UserRow>(`SELECT ${userColumns} FROM users WHERE email = $1`, [email])).rows[0];
    return row === undefined ? null : toUser(row);
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    const row = (await this.pool.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1`, [userId])).rows[0];
    return row === undefined ? null : toUser(row);
  }

  async listUsers(): Promise<readonly UserRecord[]> {
    return (
      await this.pool.query<UserRow>(`SELECT ${userColumns} FROM users ORDER BY created_at, id COLLATE "C"`)
    ).rows.map(toUser);
  }

  async setUserRole(userId: string, role: AccountRole): Promise<boolean> {
    return (await this.pool.query('UPDATE users SET role = $1 WHERE id = $2', [role, userId])).rowCount !== 0;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
    return (
      (await this.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId])).rowCount !==
      0
    );
  }

  async createInvitation(invitation: NewInvitation): Promise<boolean> {
    return transaction(this.pool, async (tx) => {
      if ((await tx.query('SELECT 1 FROM users WHERE email = $1', [invitation.email])).rowCount !== 0) return false;
      await tx.query(
        'DELETE FROM invitations WHERE email = $1 AND doc_id IS NOT DISTINCT FROM $2 AND used_at IS NULL',
        [invitation.email, invitation.ledger?.docId ?? null],
      );
      await tx.query(
        `INSERT INTO invitations (code_hash, email, invited_by, doc_id, doc_role, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          invitation.codeHash,
          invitation.email,
          invitation.invitedBy,
          invitation.ledger?.docId ?? null,
          invitation.ledger?.role ?? null,
          invitation.createdAt,
          invitation.expiresAt,
        ],
      );
      return true;
    });
  }

  async setUserDisabled(userId: string, at: number | null): Promise<boolean> {
    return transaction(this.pool, async (tx) => {
      if ((await tx.query('UPDATE users SET disabled_at = $1 WHERE id = $2', [at, userId])).rowCount === 0)
        return false;
      await recordAccessChange(tx, { userId, at: at ?? Date.now() });
      return true;
    });
  }

  async ledgerOf(userId: string): Promise<string | null> {
    const rows = (
      await this.pool.query<{ doc_id: string }>('SELECT doc_id FROM doc_members WHERE user_id = $1 AND is_ledger = 1', [
        userId,
      ])
    ).rows;
    return rows[0]?.doc_id ?? null;
  }

  async ownedDocs(userId: string): Promise<readonly string[]> {
    const result = await this.pool.query<{ doc_id: string }>(
      'SELECT doc_id FROM doc_members WHERE user_id = $1 AND role = \'owner\' ORDER BY doc_id COLLATE "C"',
      [userId],
    );
    return result.rows.map((row) => row.doc_id);
  }

  async docOwner(docId: string): Promise<string | null> {
    const result = await this.pool.query<{ user_id: string }>(
      'SELECT user_id FROM doc_members WHERE doc_id = $1 AND role = \'owner\' ORDER BY user_id COLLATE "C" LIMIT 1',
      [docId],
    );
    return result.rows[0]?.user_id ?? null;
  }

  async docRole(userId: string, docId: string): Promise<DocRole | null> {
    const result = await this.pool.query<{ role: DocRole }>(
      'SELECT role FROM doc_members WHERE user_id = $1 AND doc_id = $2',
      [userId, docId],
    );
    return result.rows[0]?.role ?? null;
  }

  async createLedger(ledger: NewLedger): Promise<void> {
    await transaction(this.pool, async (tx) => {
      await insertDoc(tx, ledger.docId);
      await tx.query('INSERT INTO ledgers (doc_id, name, created_by, created_at) VALUES ($1, $2, $3, $4)', [
        ledger.docId,
        ledger.name,
        ledger.ownerId,
        ledger.createdAt,
      ]);
      await insertMember(tx, ledger.docId, ledger.ownerId, 'owner', 0);
    });
  }

  async listLedgers(userId: string): Promise<readonly LedgerRecord[]> {
    const result = await this.pool.query<{ doc_id: string; name: string | null; role: DocRole; is_ledger: number }>(
      `SELECT m.doc_id, l.name, m.role, m.is_ledger FROM doc_members m LEFT JOIN ledgers l ON l.doc_id = m.doc_id
       WHERE m.user_id = $1 ORDER BY m.is_ledger DESC, l.created_at NULLS FIRST, m.doc_id COLLATE "C"`,
      [userId],
    );
    return result.rows.map((row) => ({
      docId: row.doc_id,
      name: row.name,
      role: row.role,
      personal: row.is_ledger === 1,
    }));
  }

  async listMembers(docId: string): Promise<readonly MemberRecord[]> {
    const result = await this.pool.query<{ user_id: string; email: string; role: DocRole }>(
      `SELECT m.user_id, u.email, m.role FROM doc_members m JOIN users u ON u.id = m.user_id
       WHERE m.doc_id = $1 ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, u.email COLLATE "C"`,
      [docId],
    );
    return result.rows.map((row) => ({ userId: row.user_id, email: row.email, role: row.role }));
  }

  async setMemberRole(docId: string, userId: string, role: DocRole, at: number): Promise<MembershipOutcome> {
    return transaction(this.pool, async (tx): Promise<MembershipOutcome> => {
      const refusal = await membershipRefusal(tx, docId, userId, role);
      if (refusal !== null) return refusal;
      await tx.query('UPDATE doc_members SET role = $1 WHERE doc_id = $2 AND user_id = $3', [role, docId, userId]);
      await recordAccessChange(tx, { userId, docId, at });
      return 'changed';
    });
  }

  async addMember(docId: string, userId: string, role: InvitedRole, at: number): Promise<'added' | 'already_member'> {
    return transaction(this.pool, async (tx): Promise<'added' | 'already_member'> => {
      const inserted = await tx.query(
        `INSERT INTO doc_members (doc_id, user_id, role, is_ledger) VALUES ($1, $2, $3, 0)
         ON CONFLICT (user_id, doc_id) DO NOTHING`,
        [docId, userId, role],
      );
      if (inserted.rowCount === 0) return 'already_member';
      await recordAccessChange(tx, { userId, docId, at });
      return 'added';
    });
  }

  async removeMember(docId: string, userId: string, at: number): Promise<MembershipOutcome> {
    return transaction(this.pool, async (tx): Promise<MembershipOutcome> => {
      const refusal = await membershipRefusal(tx, docId, userId, null);
      if (refusal !== null) return refusal;
      await tx.query('DELETE FROM doc_members WHERE doc_id = $1 AND user_id = $2', [docId, userId]);
      await recordAccessChange(tx, { userId, docId, at });
      return 'changed';
    });
  }

  async createLedgerInvitation(invitation: NewLedgerInvitation): Promise<void> {
    await this.pool.query(
      `INSERT INTO ledger_invitations (id, code_hash, doc_id, email, role, invited_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        invitation.id,
        invitation.codeHash,
        invitation.docId,
        invitation.email,
        invitation.role,
        invitation.invitedBy,
        invitation.createdAt,
        invitation.expiresAt,
      ],
    );
  }

  async pendingLedgerInvitations(docId: string, at: number): Promise<readonly PendingLedgerInvitation[]> {
    const result = await this.pool.query<{ id: string; email: string; role: InvitedRole; expires_at: number }>(
      `SELECT id, email, role, expires_at FROM ledger_invitations
       WHERE doc_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at, id COLLATE "C"`,
      [docId, at],
    );
    return result.rows.map((row) => ({ id: row.id, email: row.email, role: row.role, expiresAt: row.expires_at }));
  }

  async revokeLedgerInvitation(docId: string, invitationId: string, at: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ledger_invitations SET revoked_at = $1
       WHERE id = $2 AND doc_id = $3 AND used_at IS NULL AND revoked_at IS NULL`,
      [at, invitationId, docId],
    );
    return result.rowCount !== 0;
  }

  async acceptLedgerInvitation(codeHash: string, userId: string, at: number): Promise<AcceptOutcome> {
    return transaction(this.pool, async (tx): Promise<AcceptOutcome> => {
      const invitation = (
        await tx.query<{
          doc_id: string;
          email: string;
          role: InvitedRole;
          expires_at: number;
          used_at: number | null;
          revoked_at: number | null;
        }>(
          'SELECT doc_id, email, role, expires_at, used_at, revoked_at FROM ledger_invitations WHERE code_hash = $1 FOR UPDATE',
          [codeHash],
        )
      ).rows[0];
      const user = (await tx.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId])).rows[0];
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
      const member = await tx.query('SELECT 1 FROM doc_members WHERE doc_id = $1 AND user_id = $2', [
        invitation.doc_id,
        userId,
      ]);
      if (member.rowCount !== 0) return { kind: 'already_member', docId: invitation.doc_id };
      await tx.query('UPDATE ledger_invitations SET used_at = $1, used_by = $2 WHERE code_hash = $3', [
        at,
        userId,
        codeHash,
      ]);
      await insertMember(tx, invitation.doc_id, userId, invitation.role, 0);
      return { kind: 'joined', docId: invitation.doc_id, role: invitation.role };
    });
  }

  async createDevice(device: NewDevice): Promise<void> {
    await this.pool.query('INSERT INTO devices (id, user_id, name, created_at) VALUES ($1, $2, $3, $4)', [
      device.id,
      device.userId,
      device.name,
      device.createdAt,
    ]);
  }

  async findDevice(deviceId: string): Promise<DeviceRecord | null> {
    const row = (await this.pool.query<DeviceRow>(`SELECT ${deviceColumns} FROM devices WHERE id = $1`, [deviceId]))
      .rows[0];
    return row === undefined ? null : toDevice(row);
  }

  async listDevices(userId: string): Promise<readonly DeviceRecord[]> {
    const result = await this.pool.query<DeviceRow>(
      `SELECT ${deviceColumns} FROM devices WHERE user_id = $1 ORDER BY created_at, id COLLATE "C"`,
      [userId],
    );
    return result.rows.map(toDevice);
  }

  async recordDeviceActivity(deviceId: string, activity: DeviceActivity): Promise<void> {
    await this.pool.query(
      `UPDATE devices SET last_seen_at = coalesce($1, last_seen_at), last_synced_at = coalesce($2, last_synced_at)
       WHERE id = $3`,
      [activity.lastSeenAt ?? null, activity.lastSyncedAt ?? null, deviceId],
    );
  }

  async revokeDevice(userId: string, deviceId: string, at: number): Promise<boolean> {
    return transaction(this.pool, (tx) => revoke(tx, userId, deviceId, at));
  }

  async lastAccessChange(): Promise<number> {
    return (
      (await this.pool.query<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM access_changes')).rows[0]
        ?.seq ?? 0
    );
  }

  async accessChangesSince(seq: number): Promise<AccessChanges> {
    const rows = (
      await this.pool.query<AccessChangeRow>(
        'SELECT seq, device_id, user_id, doc_id FROM access_changes WHERE seq > $1 ORDER BY seq',
        [seq],
      )
    ).rows;
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
    await this.pool.query('INSERT INTO refresh_tokens (token_hash, device_id, created_at) VALUES ($1, $2, $3)', [
      tokenHash,
      deviceId,
      at,
    ]);
  }

  async rotateRefreshToken(oldHash: string, newHash: string, attempt: RefreshAttempt): Promise<RefreshOutcome> {
    try {
      return await transaction(this.pool, (tx) => rotate(tx, oldHash, newHash, attempt));
    } catch (error) {
      // Two relays spent the same unspent token at once and both stored `newHash`: the loser replays.
      if (isUniqueViolation(error)) return transaction(this.pool, (tx) => rotate(tx, oldHash, newHash, attempt));
      throw error;
    }
  }
}

async function rotate(tx: Sql, oldHash: string, newHash: string, attempt: RefreshAttempt): Promise<RefreshOutcome> {
  const token = (
    await tx.query<{ device_id: string; used_at: number | null; used_from: string | null }>(
      'SELECT device_id, used_at, used_from FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
      [oldHash],
    )
  ).rows[0];
  if (token === undefined) return { kind: 'unknown' };
  const row = (await tx.query<DeviceRow>(`SELECT ${deviceColumns} FROM devices WHERE id = $1`, [token.device_id]))
    .rows[0];
  if (row === undefined || row.revoked_at !== null) return { kind: 'unknown' };
  const user = (
    await tx.query<{ disabled_at: number | null }>('SELECT disabled_at FROM users WHERE id = $1', [row.user_id])
  ).rows[0];
  if (user !== undefined && user.disabled_at !== null) return { kind: 'disabled' };
  if (token.used_at === null) {
    await tx.query('UPDATE refresh_tokens SET used_at = $1, used_from = $2 WHERE token_hash = $3', [
      attempt.at,
      attempt.from,
      oldHash,
    ]);
    await tx.query('INSERT INTO refresh_tokens (token_hash, device_id, created_at) VALUES ($1, $2, $3)', [
      newHash,
      row.id,
      attempt.at,
    ]);
    return { kind: 'rotated', device: toDevice(row) };
  }
  const successor = (
    await tx.query<{ device_id: string; used_at: number | null }>(
      'SELECT device_id, used_at FROM refresh_tokens WHERE token_hash = $1',
      [newHash],
    )
  ).rows[0];
  const replay =
    attempt.graceMs > 0 &&
    attempt.at - token.used_at <= attempt.graceMs &&
    token.used_from === attempt.from &&
    successor?.device_id === row.id &&
    successor.used_at === null;
  if (replay) return { kind: 'replayed', device: toDevice(row), rotatedAt: token.used_at };
  await revoke(tx, row.user_id, row.id, attempt.at);
  return { kind: 'reused', deviceId: row.id };
}

async function revoke(tx: Sql, userId: string, deviceId: string, at: number): Promise<boolean> {
  const result = await tx.query(
    'UPDATE devices SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL',
    [at, deviceId, userId],
  );
  if (result.rowCount === 0) return false;
  await tx.query('DELETE FROM refresh_tokens WHERE device_id = $1', [deviceId]);
  await recordAccessChange(tx, { deviceId, at });
  return true;
}

/**
 * Appends to the access-change feed. Its numbers come from a sequence, which hands them out
 * before commit: under the advisory lock the entries commit in number order, so a relay reading
 * "everything after n" never sees n + 2 while n + 1 is still to commit, and never skips it.
 */
async function recordAccessChange(
  tx: Sql,
  change: { readonly deviceId?: string; readonly userId?: string; readonly docId?: string; readonly at: number },
): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [advisoryLocks.accessChanges]);
  await tx.query('INSERT INTO access_changes (device_id, user_id, doc_id, changed_at) VALUES ($1, $2, $3, $4)', [
    change.deviceId ?? null,
    change.userId ?? null,
    change.docId ?? null,
    change.at,
  ]);
}

/** Why a member may not become `role` (null: leave), if they may not: L4. */
async function membershipRefusal(
  tx: Sql,
  docId: string,
  userId: string,
  role: DocRole | null,
): Promise<MembershipOutcome | null> {
  // Every change to the ledger's members waits its turn, so two owners leaving at once leave one.
  await tx.query('SELECT 1 FROM docs WHERE id = $1 FOR UPDATE', [docId]);
  const member = (
    await tx.query<MemberRow>('SELECT user_id, role, is_ledger FROM doc_members WHERE doc_id = $1 AND user_id = $2', [
      docId,
      userId,
    ])
  ).rows[0];
  if (member === undefined) return 'not_member';
  if (member.role !== 'owner' || role === 'owner') return null;
  if (member.is_ledger === 1) return 'personal_ledger';
  const owners = (
    await tx.query<{ owners: number }>(
      "SELECT count(*) AS owners FROM doc_members WHERE doc_id = $1 AND role = 'owner'",
      [docId],
    )
  ).rows[0]?.owners;
  return (owners ?? 0) <= 1 ? 'last_owner' : null;
}

async function insertDoc(tx: Sql, docId: string): Promise<void> {
  await tx.query('INSERT INTO docs (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [docId]);
}

async function insertMember(tx: Sql, docId: string, userId: string, role: DocRole, isLedger: 0 | 1): Promise<void> {
  await tx.query('INSERT INTO doc_members (doc_id, user_id, role, is_ledger) VALUES ($1, $2, $3, $4)', [
    docId,
    userId,
    role,
    isLedger,
  ]);
}
