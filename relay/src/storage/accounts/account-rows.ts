import type { AccountRole, DeviceRecord, DocRole, UserRecord } from './accounts.js';

/** How accounts, devices and memberships come out of a SQL row: the same columns in SQLite and PostgreSQL. */
export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: AccountRole;
  created_at: number;
  disabled_at: number | null;
}

export interface DeviceRow {
  id: string;
  user_id: string;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  last_synced_at: number | null;
  revoked_at: number | null;
}

export interface MemberRow {
  user_id: string;
  role: DocRole;
  is_ledger: number;
}

export interface AccessChangeRow {
  seq: number;
  device_id: string | null;
  user_id: string | null;
  doc_id: string | null;
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export function toDevice(row: DeviceRow): DeviceRecord {
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
