import type Database from 'better-sqlite3';
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

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  created_at: number;
}

interface DeviceRow {
  id: string;
  user_id: string;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  last_synced_at: number | null;
  revoked_at: number | null;
}

interface RefreshTokenRow {
  device_id: string;
  used_at: number | null;
}

/**
 * Accounts in the `users`, `devices` and `refresh_tokens` tables. A new user's ledger gets its
 * `docs` row and its owner's `doc_members` row in the same transaction as the user.
 */
export class SqliteAccounts implements Accounts {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async createUser(user: NewUser): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.statements.userByEmail.get(user.email) !== undefined) return false;
      this.statements.insertUser.run(user.id, user.email, user.passwordHash, user.createdAt);
      this.statements.insertDoc.run(user.docId);
      this.statements.insertMember.run(user.docId, user.id, 'owner', 1);
      return true;
    })();
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const row = this.statements.userByEmail.get(email) as UserRow | undefined;
    return row === undefined ? null : toUser(row);
  }

  async listUsers(): Promise<readonly UserRecord[]> {
    return (this.statements.listUsers.all() as UserRow[]).map(toUser);
  }

  async ledgerOf(userId: string): Promise<string | null> {
    const row = this.statements.ledgerOf.get(userId) as { doc_id: string } | undefined;
    return row?.doc_id ?? null;
  }

  async docRole(userId: string, docId: string): Promise<DocRole | null> {
    const row = this.statements.docRole.get(userId, docId) as { role: DocRole } | undefined;
    return row?.role ?? null;
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

  async addRefreshToken(deviceId: string, tokenHash: string, at: number): Promise<void> {
    this.statements.insertRefreshToken.run(tokenHash, deviceId, at);
  }

  async rotateRefreshToken(oldHash: string, newHash: string, at: number): Promise<RefreshOutcome> {
    return this.db.transaction((): RefreshOutcome => {
      const token = this.statements.refreshToken.get(oldHash) as RefreshTokenRow | undefined;
      if (token === undefined) return { kind: 'unknown' };
      const row = this.statements.deviceById.get(token.device_id) as DeviceRow | undefined;
      if (row === undefined || row.revoked_at !== null) return { kind: 'unknown' };
      if (token.used_at !== null) {
        this.revoke(row.user_id, row.id, at);
        return { kind: 'reused', deviceId: row.id };
      }
      this.statements.spendRefreshToken.run(at, oldHash);
      this.statements.insertRefreshToken.run(newHash, row.id, at);
      return { kind: 'rotated', device: toDevice(row) };
    })();
  }

  private revoke(userId: string, deviceId: string, at: number): boolean {
    return this.db.transaction(() => {
      const result = this.statements.revokeDevice.run(at, deviceId, userId);
      if (result.changes > 0) this.statements.deleteRefreshTokensOf.run(deviceId);
      return result.changes > 0;
    })();
  }
}

function prepare(db: Database.Database) {
  return {
    insertUser: db.prepare('INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)'),
    insertDoc: db.prepare('INSERT OR IGNORE INTO docs (id) VALUES (?)'),
    insertMember: db.prepare('INSERT INTO doc_members (doc_id, user_id, role, is_ledger) VALUES (?, ?, ?, ?)'),
    userByEmail: db.prepare('SELECT * FROM users WHERE email = ?'),
    listUsers: db.prepare('SELECT * FROM users ORDER BY created_at, id'),
    ledgerOf: db.prepare('SELECT doc_id FROM doc_members WHERE user_id = ? AND is_ledger = 1'),
    docRole: db.prepare('SELECT role FROM doc_members WHERE user_id = ? AND doc_id = ?'),
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
    refreshToken: db.prepare('SELECT device_id, used_at FROM refresh_tokens WHERE token_hash = ?'),
    spendRefreshToken: db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?'),
  };
}

function toUser(row: UserRow): UserRecord {
  return { id: row.id, email: row.email, passwordHash: row.password_hash, createdAt: row.created_at };
}

function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    lastSyncedAt: row.last_synced_at,
    revokedAt: row.revoked_at,
  };
}
