import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from './memory-storage.js';
import { SqliteStorage } from './sqlite-storage.js';
import type { RelayStorage } from './storage.js';

interface Implementation {
  readonly name: string;
  open(): { storage: RelayStorage; reopen: () => RelayStorage; dispose: () => void };
}

const implementations: Implementation[] = [
  {
    name: 'MemoryStorage',
    open() {
      const storage = new MemoryStorage();
      return { storage, reopen: () => storage, dispose: () => {} };
    },
  },
  {
    name: 'SqliteStorage',
    open() {
      const dir = mkdtempSync(join(tmpdir(), 'tally-storage-'));
      const file = join(dir, 'relay.db');
      return {
        storage: new SqliteStorage(file),
        reopen: () => new SqliteStorage(file),
        dispose: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

function updateSetting(doc: Y.Doc, key: string, value: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => {
    update = u;
  });
  doc.getMap('settings').set(key, value);
  return update;
}

async function rebuild(storage: RelayStorage, docId: string): Promise<Y.Doc> {
  const stored = await storage.loadDoc(docId);
  const doc = new Y.Doc();
  if (stored.snapshot !== null) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

const alice = {
  id: 'user-alice',
  email: 'alice@example.com',
  passwordHash: 'hash-a',
  docId: 'ledger-alice',
  createdAt: 1,
};

describe.each(implementations)('$name keeps the relay storage contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => RelayStorage;
  let dispose: () => void;

  beforeEach(() => {
    ({ storage, reopen, dispose } = implementation.open());
  });
  afterEach(async () => {
    await storage.close();
    dispose();
  });

  it('an unknown document loads as empty', async () => {
    expect(await storage.loadDoc('nothing-here')).toEqual({
      snapshot: null,
      stateVector: null,
      updates: [],
      lastSeq: 0,
    });
  });

  it('appended updates load back in order with increasing sequence numbers', async () => {
    const doc = new Y.Doc();
    const first = updateSetting(doc, 'currency', 'EUR');
    const second = updateSetting(doc, 'locale', 'fr-FR');
    const seq1 = await storage.appendUpdate('ledger-1', first);
    const seq2 = await storage.appendUpdate('ledger-1', second);
    expect(seq2).toBeGreaterThan(seq1);
    const stored = await storage.loadDoc('ledger-1');
    expect(stored.updates).toEqual([first, second]);
    expect(stored.lastSeq).toBe(seq2);
    expect(await storage.countUpdates('ledger-1')).toBe(2);
  });

  it('documents do not see each other’s updates', async () => {
    await storage.appendUpdate('ledger-1', updateSetting(new Y.Doc(), 'currency', 'EUR'));
    expect((await storage.loadDoc('ledger-2')).updates).toEqual([]);
  });

  it('compaction folds the log into a snapshot and keeps later updates', async () => {
    const doc = new Y.Doc();
    await storage.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    const upTo = await storage.appendUpdate('ledger-1', updateSetting(doc, 'locale', 'fr-FR'));
    const snapshot = Y.encodeStateAsUpdate(doc);
    const stateVector = Y.encodeStateVector(doc);
    const late = updateSetting(doc, 'theme', 'dark');
    await storage.appendUpdate('ledger-1', late);

    await storage.compactDoc('ledger-1', snapshot, stateVector, upTo);

    const stored = await storage.loadDoc('ledger-1');
    expect(stored.snapshot).toEqual(snapshot);
    expect(stored.stateVector).toEqual(stateVector);
    expect(stored.updates).toEqual([late]);
    expect((await rebuild(storage, 'ledger-1')).getMap('settings').toJSON()).toEqual(doc.getMap('settings').toJSON());
  });

  it('sequence numbers keep increasing after compaction', async () => {
    const doc = new Y.Doc();
    const seq = await storage.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    await storage.compactDoc('ledger-1', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), seq);
    expect(await storage.appendUpdate('ledger-1', updateSetting(doc, 'locale', 'fr-FR'))).toBeGreaterThan(seq);
  });

  it('what was written is still there after reopening', async () => {
    const doc = new Y.Doc();
    await storage.createUser(alice);
    await storage.appendUpdate(alice.docId, updateSetting(doc, 'currency', 'EUR'));
    await storage.close();
    storage = reopen();
    expect((await rebuild(storage, alice.docId)).getMap('settings').get('currency')).toBe('EUR');
    expect(await storage.findUserByEmail(alice.email)).toMatchObject({ id: alice.id });
  });

  it('a registered user owns their ledger and nothing else', async () => {
    expect(await storage.createUser(alice)).toBe(true);
    expect(await storage.ledgerOf(alice.id)).toBe(alice.docId);
    expect(await storage.docRole(alice.id, alice.docId)).toBe('owner');
    expect(await storage.docRole(alice.id, 'ledger-bob')).toBeNull();
    expect(await storage.docRole('user-bob', alice.docId)).toBeNull();
  });

  it('an email can register only once', async () => {
    await storage.createUser(alice);
    expect(await storage.createUser({ ...alice, id: 'user-other', docId: 'ledger-other' })).toBe(false);
    expect(await storage.listUsers()).toHaveLength(1);
    expect(await storage.findUserByEmail('nobody@example.com')).toBeNull();
  });

  it('devices are listed per user with their activity', async () => {
    await storage.createUser(alice);
    await storage.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.createDevice({ id: 'laptop', userId: alice.id, name: 'Laptop', createdAt: 20 });
    await storage.recordDeviceActivity('phone', { lastSeenAt: 30 });
    await storage.recordDeviceActivity('phone', { lastSyncedAt: 40 });
    const devices = await storage.listDevices(alice.id);
    expect(devices.map((device) => device.name)).toEqual(['Phone', 'Laptop']);
    expect(devices[0]).toMatchObject({ lastSeenAt: 30, lastSyncedAt: 40, revokedAt: null });
    expect(await storage.listDevices('user-bob')).toEqual([]);
  });

  it('a refresh token rotates once; spending it again revokes the device', async () => {
    await storage.createUser(alice);
    await storage.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.addRefreshToken('phone', 'hash-1', 10);

    expect(await storage.rotateRefreshToken('hash-1', 'hash-2', 20)).toMatchObject({
      kind: 'rotated',
      device: { id: 'phone' },
    });
    expect(await storage.rotateRefreshToken('hash-1', 'hash-3', 30)).toEqual({ kind: 'reused', deviceId: 'phone' });
    expect((await storage.findDevice('phone'))?.revokedAt).toBe(30);
    expect(await storage.rotateRefreshToken('hash-2', 'hash-4', 40)).toEqual({ kind: 'unknown' });
  });

  it('an unknown refresh token is refused', async () => {
    expect(await storage.rotateRefreshToken('never-issued', 'hash-2', 20)).toEqual({ kind: 'unknown' });
  });

  it('revoking a device kills its refresh tokens and only works for its owner', async () => {
    await storage.createUser(alice);
    await storage.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.addRefreshToken('phone', 'hash-1', 10);
    expect(await storage.revokeDevice('user-bob', 'phone', 20)).toBe(false);
    expect(await storage.revokeDevice(alice.id, 'phone', 20)).toBe(true);
    expect(await storage.revokeDevice(alice.id, 'phone', 30)).toBe(false);
    expect(await storage.rotateRefreshToken('hash-1', 'hash-2', 40)).toEqual({ kind: 'unknown' });
    expect((await storage.findDevice('phone'))?.revokedAt).toBe(20);
  });
});
