import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';

const alice = {
  id: 'user-alice',
  email: 'alice@example.com',
  passwordHash: 'hash-a',
  docId: 'ledger-alice',
  createdAt: 1,
};

describe.each(storageImplementations)('$name accounts keep their contract', (implementation) => {
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

  it('a registered user owns their ledger and nothing else', async () => {
    expect(await storage.accounts.createUser(alice)).toBe(true);
    expect(await storage.accounts.ledgerOf(alice.id)).toBe(alice.docId);
    expect(await storage.accounts.docRole(alice.id, alice.docId)).toBe('owner');
    expect(await storage.accounts.docRole(alice.id, 'ledger-bob')).toBeNull();
    expect(await storage.accounts.docRole('user-bob', alice.docId)).toBeNull();
  });

  it('an email can register only once', async () => {
    await storage.accounts.createUser(alice);
    expect(await storage.accounts.createUser({ ...alice, id: 'user-other', docId: 'ledger-other' })).toBe(false);
    expect(await storage.accounts.listUsers()).toHaveLength(1);
    expect(await storage.accounts.findUserByEmail('nobody@example.com')).toBeNull();
  });

  it('users are listed oldest first', async () => {
    await storage.accounts.createUser({ ...alice, createdAt: 20 });
    await storage.accounts.createUser({
      id: 'user-bob',
      email: 'bob@example.com',
      passwordHash: 'hash-b',
      docId: 'ledger-bob',
      createdAt: 10,
    });
    expect((await storage.accounts.listUsers()).map((user) => user.email)).toEqual([
      'bob@example.com',
      'alice@example.com',
    ]);
  });

  it('devices are listed per user with their activity', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.createDevice({ id: 'laptop', userId: alice.id, name: 'Laptop', createdAt: 20 });
    await storage.accounts.recordDeviceActivity('phone', { lastSeenAt: 30 });
    await storage.accounts.recordDeviceActivity('phone', { lastSyncedAt: 40 });
    const devices = await storage.accounts.listDevices(alice.id);
    expect(devices.map((device) => device.name)).toEqual(['Phone', 'Laptop']);
    expect(devices[0]).toMatchObject({ lastSeenAt: 30, lastSyncedAt: 40, revokedAt: null });
    expect(await storage.accounts.listDevices('user-bob')).toEqual([]);
  });

  it('[S3] a refresh token rotates once; spending it again revokes the device', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);

    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', 20)).toMatchObject({
      kind: 'rotated',
      device: { id: 'phone' },
    });
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-3', 30)).toEqual({
      kind: 'reused',
      deviceId: 'phone',
    });
    expect((await storage.accounts.findDevice('phone'))?.revokedAt).toBe(30);
    expect(await storage.accounts.rotateRefreshToken('hash-2', 'hash-4', 40)).toEqual({ kind: 'unknown' });
  });

  it('an unknown refresh token is refused', async () => {
    expect(await storage.accounts.rotateRefreshToken('never-issued', 'hash-2', 20)).toEqual({ kind: 'unknown' });
  });

  it('[S3] revoking a device kills its refresh tokens and only works for its owner', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);
    expect(await storage.accounts.revokeDevice('user-bob', 'phone', 20)).toBe(false);
    expect(await storage.accounts.revokeDevice(alice.id, 'phone', 20)).toBe(true);
    expect(await storage.accounts.revokeDevice(alice.id, 'phone', 30)).toBe(false);
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', 40)).toEqual({ kind: 'unknown' });
    expect((await storage.accounts.findDevice('phone'))?.revokedAt).toBe(20);
  });

  it('what was written is still there after reopening', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.close();
    storage = reopen();
    expect(await storage.accounts.findUserByEmail(alice.email)).toMatchObject({ id: alice.id });
    expect(await storage.accounts.findDevice('phone')).toMatchObject({ userId: alice.id, name: 'Phone' });
  });
});
