import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { verifyPassword } from '../auth/passwords.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { edit } from '../testing/fake-peer.js';
import { DataDir } from '../testing/relay-harness.js';
import { AdminCommands } from './admin-commands.js';

let dataDir: DataDir;
let storage: SqliteStorage;
let admin: AdminCommands;

beforeEach(() => {
  dataDir = new DataDir();
  storage = new SqliteStorage(dataDir.dbFile);
  admin = new AdminCommands(storage, 2 ** 10);
});

afterEach(async () => {
  await storage.close();
  dataDir.remove();
});

describe('the admin commands', () => {
  it('create a user who can sign in with that password, once per email', async () => {
    const created = await admin.createUser('Alice@Example.com', 'correct horse battery');
    expect(created).not.toBeNull();
    const user = await storage.accounts.findUserByEmail('alice@example.com');
    expect(await verifyPassword('correct horse battery', user?.passwordHash ?? '')).toBe(true);
    expect(await storage.accounts.ledgerOf(user?.id ?? '')).toBe(created?.docId);
    expect(await admin.createUser('alice@example.com', 'another password')).toBeNull();
    await expect(admin.createUser('bob@example.com', 'short')).rejects.toThrow('at least 8');
  });

  it('list users and their devices, and revoke a device', async () => {
    const created = await admin.createUser('alice@example.com', 'correct horse battery');
    await storage.accounts.createDevice({ id: 'phone', userId: created?.userId ?? '', name: 'Phone', createdAt: 0 });
    expect(await admin.listUsers()).toEqual([expect.stringContaining('alice@example.com')]);
    expect(await admin.listDevices('alice@example.com')).toEqual([
      expect.stringMatching(/^phone {2}Phone .*last synced never$/),
    ]);
    expect(await admin.revokeDevice('phone')).toBe(true);
    expect(await admin.revokeDevice('phone')).toBe(false);
    expect(await admin.listDevices('alice@example.com')).toEqual([expect.stringContaining('REVOKED')]);
    expect(await admin.listDevices('nobody@example.com')).toBeNull();
  });

  it('back up the live database to a file that holds everything', async () => {
    await admin.createUser('alice@example.com', 'correct horse battery');
    await storage.documents.appendUpdate(
      'ledger',
      edit(new Y.Doc(), (doc) => doc.getMap('accounts').set('cash', 'Cash')),
    );
    const file = join(dataDir.path, 'backup.db');
    await admin.backup(file);
    const copy = new SqliteStorage(file);
    expect(await copy.accounts.findUserByEmail('alice@example.com')).not.toBeNull();
    expect((await copy.documents.load('ledger')).updates).toHaveLength(1);
    await copy.close();
  });

  it('compact every log into a snapshot without changing any ledger', async () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 10; i++)
      await storage.documents.appendUpdate(
        'ledger',
        edit(doc, (d) => d.getMap('transactions').set(`t${i}`, i)),
      );
    expect(await admin.compact()).toBe(1);
    const stored = await storage.documents.load('ledger');
    expect(stored.updates).toEqual([]);
    expect(rebuildDoc(stored).getMap('transactions').toJSON()).toEqual(doc.getMap('transactions').toJSON());
    expect(await admin.compact()).toBe(0);
  });
});
