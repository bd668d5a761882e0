import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashInvitationCode } from '../auth/invitation-codes.js';
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
  admin = new AdminCommands(storage, { passwordCost: 2 ** 10, invitationTtlHours: 24 });
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
    await expect(admin.createUser('bob@example.com', 'short')).rejects.toThrow('at least 10 characters');
    await expect(admin.createUser('bob@example.com', 'password123')).rejects.toThrow('most commonly used');
  });

  it('[A2] invite an email once it has no account, with a code that lets only it in', async () => {
    await admin.createUser('alice@example.com', 'correct horse battery');
    expect(await admin.invite('alice@example.com')).toBeNull();
    const invitation = await admin.invite('Bob@Example.com');
    expect(invitation).toMatchObject({
      email: 'bob@example.com',
      code: expect.stringMatching(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/),
    });
    const bob = { id: 'user-bob', email: 'bob@example.com', passwordHash: 'x', docId: 'ledger-bob', createdAt: 2 };
    const admitted = await storage.accounts.admitUser(bob, {
      kind: 'invitation',
      codeHash: hashInvitationCode(invitation?.code.toLowerCase() ?? ''),
      at: Date.now(),
    });
    expect(admitted).toBe('created');
  });

  it('[A1] make an account an admin', async () => {
    await admin.createUser('alice@example.com', 'correct horse battery');
    await storage.accounts.createUser({
      id: 'user-bob',
      email: 'bob@example.com',
      passwordHash: 'x',
      docId: 'ledger-bob',
      createdAt: 2,
    });
    expect((await storage.accounts.findUserByEmail('bob@example.com'))?.role).toBe('user');
    expect(await admin.makeAdmin('BOB@example.com')).toBe(true);
    expect((await storage.accounts.findUserByEmail('bob@example.com'))?.role).toBe('admin');
    expect(await admin.makeAdmin('nobody@example.com')).toBe(false);
  });

  it('[A6] grant an account the advisor role, and disable and enable it', async () => {
    await admin.createUser('alice@example.com', 'correct horse battery');
    expect(await admin.grantAdvisor('Alice@example.com')).toBe(true);
    expect(await admin.grantAdvisor('nobody@example.com')).toBe(false);
    expect((await storage.accounts.findUserByEmail('alice@example.com'))?.role).toBe('advisor');
    expect(await admin.setDisabled('alice@example.com', true)).toBe(true);
    expect(await admin.listUsers()).toEqual([expect.stringContaining('advisor')]);
    expect(await admin.listUsers()).toEqual([expect.stringContaining('DISABLED')]);
    expect(await admin.setDisabled('alice@example.com', false)).toBe(true);
    expect((await storage.accounts.findUserByEmail('alice@example.com'))?.disabledAt).toBeNull();
    expect(await admin.setDisabled('nobody@example.com', true)).toBe(false);
  });

  it('list users and their devices, and revoke a device', async () => {
    const created = await admin.createUser('alice@example.com', 'correct horse battery');
    await storage.accounts.createDevice({ id: 'phone', userId: created?.userId ?? '', name: 'Phone', createdAt: 0 });
    expect(await admin.listUsers()).toEqual([expect.stringContaining('alice@example.com  admin')]);
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
