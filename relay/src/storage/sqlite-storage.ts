import Database from 'better-sqlite3';
import { migrations } from './migrations.js';
import type {
  DeviceActivity,
  DeviceRecord,
  DocRole,
  NewDevice,
  NewUser,
  RefreshOutcome,
  RelayStorage,
  StoredDoc,
  UserRecord,
} from './storage.js';

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

interface PendingAppend {
  readonly docId: string;
  readonly update: Uint8Array;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
}

interface RefreshTokenRow {
  device_id: string;
  used_at: number | null;
}

/**
 * better-sqlite3 in WAL mode. `synchronous = NORMAL` keeps every committed update through a
 * crash of the relay process (kill -9); only a power loss can take the last few commits.
 * Updates appended in one turn of the event loop are committed together (group commit), and
 * each append resolves only once its transaction has committed.
 */
export class SqliteStorage implements RelayStorage {
  readonly db: Database.Database;
  private readonly statements;
  private pendingAppends: PendingAppend[] = [];
  private flushScheduled = false;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.statements = prepare(this.db);
  }

  async loadDoc(docId: string): Promise<StoredDoc> {
    this.flushAppends();
    const doc = this.statements.docSnapshot.get(docId) as
      | { snapshot: Buffer | null; state_vector: Buffer | null }
      | undefined;
    const rows = this.statements.docUpdates.all(docId) as { seq: number; update_data: Buffer }[];
    return {
      snapshot: doc?.snapshot == null ? null : bytes(doc.snapshot),
      stateVector: doc?.snapshot == null || doc.state_vector === null ? null : bytes(doc.state_vector),
      updates: rows.map((row) => bytes(row.update_data)),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  }

  appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ docId, update, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flushAppends());
    });
  }

  private flushAppends(): void {
    this.flushScheduled = false;
    const batch = this.pendingAppends;
    if (batch.length === 0) return;
    this.pendingAppends = [];
    let seqs: number[];
    try {
      seqs = this.db.transaction(() =>
        batch.map((append) => Number(this.statements.appendUpdate.run(append.docId, append.update).lastInsertRowid)),
      )();
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    for (const [index, append] of batch.entries()) append.resolve(seqs[index] ?? 0);
  }

  async compactDoc(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void> {
    this.flushAppends();
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(docId, snapshot, stateVector, Date.now());
      this.statements.deleteUpdatesUpTo.run(docId, upToSeq);
    })();
  }

  async countUpdates(docId: string): Promise<number> {
    this.flushAppends();
    return (this.statements.countUpdates.get(docId) as { n: number }).n;
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

  private revoke(userId: string, deviceId: string, at: number): boolean {
    return this.db.transaction(() => {
      const result = this.statements.revokeDevice.run(at, deviceId, userId);
      if (result.changes > 0) this.statements.deleteRefreshTokensOf.run(deviceId);
      return result.changes > 0;
    })();
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

  /** Documents whose update log is not empty, for offline compaction. */
  docsWithLog(): string[] {
    this.flushAppends();
    return (this.statements.docsWithLog.all() as { doc_id: string }[]).map((row) => row.doc_id);
  }

  /** A consistent copy of the live database, taken without stopping the relay (SQLite backup API). */
  async backup(file: string): Promise<void> {
    this.flushAppends();
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.flushAppends();
    this.db.close();
  }
}

function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let version = applied; version < migrations.length; version++) {
      db.exec(migrations[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }
  })();
}

function prepare(db: Database.Database) {
  return {
    docSnapshot: db.prepare('SELECT snapshot, state_vector FROM docs WHERE id = ?'),
    docUpdates: db.prepare('SELECT seq, update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq'),
    appendUpdate: db.prepare('INSERT INTO doc_updates (doc_id, update_data) VALUES (?, ?)'),
    upsertSnapshot: db.prepare(
      `INSERT INTO docs (id, snapshot, state_vector, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, state_vector = excluded.state_vector,
         updated_at = excluded.updated_at`,
    ),
    deleteUpdatesUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?'),
    countUpdates: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?'),
    docsWithLog: db.prepare('SELECT DISTINCT doc_id FROM doc_updates ORDER BY doc_id'),
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

function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
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
