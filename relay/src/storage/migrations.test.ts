import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { migrations } from './migrations.js';
import { SqliteStorage } from './sqlite-storage.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database as a relay of the version before shared ledgers left it. */
function databaseAtVersion(version: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-migrations-'));
  dirs.push(dir);
  const file = join(dir, 'tally.db');
  const db = new Database(file);
  for (const migration of migrations.slice(0, version)) db.exec(migration);
  db.pragma(`user_version = ${version}`);
  db.exec(`
    INSERT INTO users (id, email, password_hash, created_at) VALUES ('alice', 'alice@example.com', 'h', 1);
    INSERT INTO users (id, email, password_hash, created_at) VALUES ('bob', 'bob@example.com', 'h', 2);
    INSERT INTO docs (id) VALUES ('ledger-alice');
    INSERT INTO doc_members (doc_id, user_id, role, is_ledger) VALUES ('ledger-alice', 'alice', 'owner', 1);
    INSERT INTO doc_members (doc_id, user_id, role, is_ledger) VALUES ('ledger-alice', 'bob', 'reader', 0);
    INSERT INTO invitations (code_hash, email, doc_id, doc_role, created_at, expires_at)
      VALUES ('code', 'carol@example.com', 'ledger-alice', 'writer', 1, 9999999999999);
    INSERT INTO access_changes (device_id, changed_at) VALUES ('old-phone', 1);
  `);
  db.close();
  return file;
}

it('a relay upgraded to shared ledgers keeps every membership, in the new role names', async () => {
  const storage = new SqliteStorage(databaseAtVersion(2));
  expect(await storage.accounts.listLedgers('alice')).toEqual([
    { docId: 'ledger-alice', name: null, role: 'owner', personal: true },
  ]);
  expect(await storage.accounts.docRole('bob', 'ledger-alice')).toBe('viewer');
  expect(await storage.accounts.listMembers('ledger-alice')).toEqual([
    { userId: 'alice', email: 'alice@example.com', role: 'owner' },
    { userId: 'bob', email: 'bob@example.com', role: 'viewer' },
  ]);
  expect((await storage.accounts.findUser('alice'))?.disabledAt).toBeNull();
  expect(await storage.accounts.lastAccessChange()).toBe(1);
  const created = await storage.accounts.admitUser(
    { id: 'carol', email: 'carol@example.com', passwordHash: 'h', docId: 'ledger-carol', createdAt: 3 },
    { kind: 'invitation', codeHash: 'code', at: 10 },
  );
  expect(created).toBe('created');
  expect(await storage.accounts.docRole('carol', 'ledger-alice')).toBe('editor');
  await storage.close();
});

it('a database a newer relay migrated is refused at open, untouched, naming both versions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-migrations-'));
  dirs.push(dir);
  const file = join(dir, 'tally.db');
  await new SqliteStorage(file).close();
  const newer = new Database(file);
  newer.exec("CREATE TABLE receipts (id TEXT PRIMARY KEY); INSERT INTO receipts VALUES ('kept');");
  newer.pragma(`user_version = ${migrations.length + 1}`);
  newer.close();

  expect(() => new SqliteStorage(file)).toThrow(
    `the database is at schema version ${migrations.length + 1}, written by a newer relay; this relay knows up to version ${migrations.length}.`,
  );
  const reopened = new Database(file);
  expect(reopened.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
  expect(reopened.prepare('SELECT id FROM receipts').pluck().all()).toEqual(['kept']);
  reopened.close();
});
