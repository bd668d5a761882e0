import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import type { NewInvitation, NewUser } from './accounts.js';

const alice = {
  id: 'user-alice',
  email: 'alice@example.com',
  passwordHash: 'hash-a',
  docId: 'ledger-alice',
  createdAt: 1,
};

describe.each(storageImplementations)('$name accounts keep their contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('a registered user owns their ledger and nothing else', async () => {
    expect(await storage.accounts.createUser(alice)).toBe(true);
    expect(await storage.accounts.ledgerOf(alice.id)).toBe(alice.docId);
    expect(await storage.accounts.docRole(alice.id, alice.docId)).toBe('owner');
    expect(await storage.accounts.docRole(alice.id, 'ledger-bob')).toBeNull();
    expect(await storage.accounts.docRole('user-bob', alice.docId)).toBeNull();
    expect(await storage.accounts.ownedDocs(alice.id)).toEqual([alice.docId]);
    expect(await storage.accounts.docOwner(alice.docId)).toBe(alice.id);
    expect(await storage.accounts.docOwner('ledger-bob')).toBeNull();
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

  function attempt(at: number, from = '203.0.113.7', graceMs = 10_000) {
    return { at, from, graceMs };
  }

  it('[S3] a refresh token rotates once; spending it again after the grace revokes the device', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);

    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(20))).toMatchObject({
      kind: 'rotated',
      device: { id: 'phone' },
    });
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(20 + 10_001))).toEqual({
      kind: 'reused',
      deviceId: 'phone',
    });
    expect((await storage.accounts.findDevice('phone'))?.revokedAt).toBe(20 + 10_001);
    expect(await storage.accounts.rotateRefreshToken('hash-2', 'hash-4', attempt(40_000))).toEqual({ kind: 'unknown' });
  });

  it('[S3] spending a token again within the grace, from the same address, replays its rotation', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);
    await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(20));
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(5_000))).toMatchObject({
      kind: 'replayed',
      device: { id: 'phone' },
      rotatedAt: 20,
    });
    expect(await storage.accounts.rotateRefreshToken('hash-2', 'hash-3', attempt(6_000))).toMatchObject({
      kind: 'rotated',
    });
    expect((await storage.accounts.findDevice('phone'))?.revokedAt).toBeNull();
  });

  it.each([
    ['from another address', 'hash-2', attempt(5_000, '198.51.100.9')],
    ['naming another successor', 'hash-other', attempt(5_000)],
  ])('[S3] spending a token again within the grace but %s revokes the device', async (_case, successor, again) => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);
    await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(20));
    expect(await storage.accounts.rotateRefreshToken('hash-1', successor, again)).toEqual({
      kind: 'reused',
      deviceId: 'phone',
    });
  });

  it('[S3] once the rotated token is spent too, the first one is never replayed', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);
    await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(20));
    await storage.accounts.rotateRefreshToken('hash-2', 'hash-3', attempt(30));
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(40))).toEqual({
      kind: 'reused',
      deviceId: 'phone',
    });
  });

  it('an unknown refresh token is refused', async () => {
    expect(await storage.accounts.rotateRefreshToken('never-issued', 'hash-2', attempt(20))).toEqual({
      kind: 'unknown',
    });
  });

  it('[S3] revoking a device kills its refresh tokens and only works for its owner', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);
    expect(await storage.accounts.revokeDevice('user-bob', 'phone', 20)).toBe(false);
    expect(await storage.accounts.revokeDevice(alice.id, 'phone', 20)).toBe(true);
    expect(await storage.accounts.revokeDevice(alice.id, 'phone', 30)).toBe(false);
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(40))).toEqual({ kind: 'unknown' });
    expect((await storage.accounts.findDevice('phone'))?.revokedAt).toBe(20);
  });

  it('[S8] every revocation, however it happened, is in the access-change feed of every connection', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.createDevice({ id: 'laptop', userId: alice.id, name: 'Laptop', createdAt: 10 });
    await storage.accounts.addRefreshToken('laptop', 'hash-1', 10);
    const watcher = await reopen();
    const start = await watcher.accounts.lastAccessChange();
    expect(await watcher.accounts.accessChangesSince(start)).toEqual({
      seq: start,
      deviceIds: [],
      userIds: [],
      memberships: [],
    });

    await storage.accounts.revokeDevice(alice.id, 'phone', 20);
    await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(30));
    await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(30 + 10_001));
    const changes = await watcher.accounts.accessChangesSince(start);
    expect(changes.deviceIds).toEqual(['phone', 'laptop']);
    expect(await watcher.accounts.accessChangesSince(changes.seq)).toMatchObject({
      seq: changes.seq,
      deviceIds: [],
    });
    if (watcher !== storage) await watcher.close();
  });

  const bob = { id: 'user-bob', email: 'bob@example.com', passwordHash: 'hash-b', docId: 'ledger-bob', createdAt: 2 };
  const carol = {
    id: 'user-carol',
    email: 'carol@example.com',
    passwordHash: 'hash-c',
    docId: 'ledger-carol',
    createdAt: 3,
  };

  function invitation(email: string, codeHash: string, ledger: NewInvitation['ledger'] = null): NewInvitation {
    return { codeHash, email, invitedBy: null, ledger, createdAt: 100, expiresAt: 1_000 };
  }

  it('[A1] the relay’s first account is its admin; the accounts after it are users until made otherwise', async () => {
    expect(await storage.accounts.hasUsers()).toBe(false);
    expect(await storage.accounts.admitUser(alice, { kind: 'first' })).toBe('created');
    expect(await storage.accounts.hasUsers()).toBe(true);
    expect(await storage.accounts.admitUser(bob, { kind: 'first' })).toBe('not_first');
    expect(await storage.accounts.admitUser(bob, { kind: 'open' })).toBe('created');
    expect((await storage.accounts.findUser(alice.id))?.role).toBe('admin');
    expect((await storage.accounts.findUserByEmail(bob.email))?.role).toBe('user');
    expect(await storage.accounts.setUserRole(bob.id, 'advisor')).toBe(true);
    expect(await storage.accounts.setUserRole('user-nobody', 'admin')).toBe(false);
    expect((await storage.accounts.findUser(bob.id))?.role).toBe('advisor');
    expect(await storage.accounts.findUser('user-nobody')).toBeNull();
  });

  it('[M5] a password reset replaces the password hash of that user alone', async () => {
    await storage.accounts.createUser(alice);
    expect(await storage.accounts.setPasswordHash(alice.id, 'hash-new')).toBe(true);
    expect(await storage.accounts.setPasswordHash('user-nobody', 'hash-new')).toBe(false);
    expect((await storage.accounts.findUserByEmail(alice.email))?.passwordHash).toBe('hash-new');
  });

  it('[A2] an invitation lets its own email in once, before it expires', async () => {
    await storage.accounts.createUser(alice);
    expect(await storage.accounts.createInvitation(invitation(bob.email, 'code-b'))).toBe(true);
    expect(await storage.accounts.createInvitation(invitation(carol.email, 'code-c'))).toBe(true);
    const admit = (user: NewUser, codeHash: string, at = 500) =>
      storage.accounts.admitUser(user, { kind: 'invitation', codeHash, at });

    expect(await admit(bob, 'never-made')).toBe('invitation_invalid');
    expect(await admit(bob, 'code-c')).toBe('invitation_invalid');
    expect(await admit(carol, 'code-c', 1_000)).toBe('invitation_invalid');
    expect(await admit(bob, 'code-b')).toBe('created');
    expect(await admit({ ...bob, id: 'user-bob-2', docId: 'ledger-bob-2' }, 'code-b')).toBe('invitation_invalid');
    expect(await admit(carol, 'code-c', 999)).toBe('created');
    expect((await storage.accounts.listUsers()).map((user) => user.role)).toEqual(['admin', 'user', 'user']);
  });

  it('[A2] a new invitation for an email replaces its unused one; an email with an account is not invited', async () => {
    await storage.accounts.createUser(alice);
    expect(await storage.accounts.createInvitation(invitation(alice.email, 'code-a'))).toBe(false);
    await storage.accounts.createInvitation(invitation(bob.email, 'code-1'));
    await storage.accounts.createInvitation(invitation(bob.email, 'code-2'));
    expect(await storage.accounts.admitUser(bob, { kind: 'invitation', codeHash: 'code-1', at: 500 })).toBe(
      'invitation_invalid',
    );
    expect(await storage.accounts.admitUser(bob, { kind: 'invitation', codeHash: 'code-2', at: 500 })).toBe('created');
  });

  it('[A2] an invitation to a ledger also makes its invitee a member of that ledger, in the role it names', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createInvitation(invitation(bob.email, 'code-b', { docId: alice.docId, role: 'viewer' }));
    expect(await storage.accounts.admitUser(bob, { kind: 'invitation', codeHash: 'code-b', at: 500 })).toBe('created');
    expect(await storage.accounts.docRole(bob.id, alice.docId)).toBe('viewer');
    expect(await storage.accounts.ledgerOf(bob.id)).toBe(bob.docId);
    expect(await storage.accounts.ownedDocs(bob.id)).toEqual([bob.docId]);
    expect(await storage.accounts.docOwner(alice.docId)).toBe(alice.id);
  });

  it('what was written is still there after reopening', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.close();
    storage = await reopen();
    expect(await storage.accounts.findUserByEmail(alice.email)).toMatchObject({ id: alice.id });
    expect(await storage.accounts.findDevice('phone')).toMatchObject({ userId: alice.id, name: 'Phone' });
  });
  const household = { docId: 'ledger-household', name: 'Household', ownerId: alice.id, createdAt: 50 };

  function ledgerInvitation(email: string, codeHash: string, role: 'editor' | 'viewer' = 'editor', expiresAt = 1_000) {
    return {
      id: `invitation-${codeHash}`,
      codeHash,
      docId: household.docId,
      email,
      role,
      invitedBy: alice.id,
      createdAt: 100,
      expiresAt,
    };
  }

  it('[L1] an account lists its personal ledger first, then the ledgers it made or joined', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createUser(bob);
    await storage.accounts.createLedger(household);
    expect(await storage.accounts.listLedgers(alice.id)).toEqual([
      { docId: alice.docId, name: null, role: 'owner', personal: true },
      { docId: household.docId, name: 'Household', role: 'owner', personal: false },
    ]);
    expect(await storage.accounts.listLedgers(bob.id)).toEqual([
      { docId: bob.docId, name: null, role: 'owner', personal: true },
    ]);
    expect(await storage.accounts.ledgerOf(alice.id)).toBe(alice.docId);
    expect(await storage.accounts.ownedDocs(alice.id)).toEqual([alice.docId, household.docId].sort());
  });

  it('[D9] a member added as a viewer can read the ledger, and the access-change feed tells of it', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createUser(bob);
    const before = await storage.accounts.lastAccessChange();
    expect(await storage.accounts.addMember(alice.docId, bob.id, 'viewer', 50)).toBe('added');
    expect(await storage.accounts.docRole(bob.id, alice.docId)).toBe('viewer');
    expect((await storage.accounts.accessChangesSince(before)).memberships).toEqual([
      { userId: bob.id, docId: alice.docId },
    ]);
    expect(await storage.accounts.addMember(alice.docId, alice.id, 'viewer', 60)).toBe('already_member');
    expect(await storage.accounts.docRole(alice.id, alice.docId)).toBe('owner');
  });

  it('[L5] a ledger invitation makes its own email a member once, unless used, revoked or expired', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createUser(bob);
    await storage.accounts.createUser(carol);
    await storage.accounts.createLedger(household);
    await storage.accounts.createLedgerInvitation(ledgerInvitation(bob.email, 'code-b', 'viewer'));
    await storage.accounts.createLedgerInvitation(ledgerInvitation(carol.email, 'code-c', 'editor', 400));
    await storage.accounts.createLedgerInvitation(ledgerInvitation(carol.email, 'code-r'));

    expect(await storage.accounts.acceptLedgerInvitation('code-b', carol.id, 200)).toEqual({ kind: 'invalid' });
    expect(await storage.accounts.acceptLedgerInvitation('code-c', carol.id, 400)).toEqual({ kind: 'invalid' });
    expect(await storage.accounts.acceptLedgerInvitation('never-made', bob.id, 200)).toEqual({ kind: 'invalid' });
    expect((await storage.accounts.pendingLedgerInvitations(household.docId, 200)).map((i) => i.email)).toEqual([
      bob.email,
      carol.email,
      carol.email,
    ]);
    expect(await storage.accounts.revokeLedgerInvitation(household.docId, 'invitation-code-r', 200)).toBe(true);
    expect(await storage.accounts.revokeLedgerInvitation(household.docId, 'invitation-code-r', 200)).toBe(false);
    expect(await storage.accounts.acceptLedgerInvitation('code-r', carol.id, 200)).toEqual({ kind: 'invalid' });

    expect(await storage.accounts.acceptLedgerInvitation('code-b', bob.id, 200)).toEqual({
      kind: 'joined',
      docId: household.docId,
      role: 'viewer',
    });
    expect(await storage.accounts.acceptLedgerInvitation('code-b', bob.id, 201)).toEqual({ kind: 'invalid' });
    expect(await storage.accounts.docRole(bob.id, household.docId)).toBe('viewer');
    expect(await storage.accounts.docRole(carol.id, household.docId)).toBeNull();
    expect(await storage.accounts.listMembers(household.docId)).toEqual([
      { userId: alice.id, email: alice.email, role: 'owner' },
      { userId: bob.id, email: bob.email, role: 'viewer' },
    ]);
  });

  it('[L5] an invitation to a ledger its invitee is in already is left unspent', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createLedger(household);
    await storage.accounts.createLedgerInvitation(ledgerInvitation(alice.email, 'code-a'));
    expect(await storage.accounts.acceptLedgerInvitation('code-a', alice.id, 200)).toEqual({
      kind: 'already_member',
      docId: household.docId,
    });
    expect(await storage.accounts.pendingLedgerInvitations(household.docId, 200)).toHaveLength(1);
  });

  it('[L4] a ledger keeps an owner, a personal ledger its own; every change is in the access-change feed', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createUser(bob);
    await storage.accounts.createLedger(household);
    await storage.accounts.createLedgerInvitation(ledgerInvitation(bob.email, 'code-b'));
    await storage.accounts.acceptLedgerInvitation('code-b', bob.id, 200);
    const watcher = await reopen();
    const start = await watcher.accounts.lastAccessChange();

    expect(await storage.accounts.setMemberRole(household.docId, alice.id, 'editor', 300)).toBe('last_owner');
    expect(await storage.accounts.removeMember(household.docId, alice.id, 300)).toBe('last_owner');
    expect(await storage.accounts.setMemberRole(alice.docId, alice.id, 'viewer', 300)).toBe('personal_ledger');
    expect(await storage.accounts.setMemberRole(household.docId, carol.id, 'editor', 300)).toBe('not_member');
    expect(await storage.accounts.setMemberRole(household.docId, bob.id, 'owner', 300)).toBe('changed');
    expect(await storage.accounts.setMemberRole(household.docId, alice.id, 'viewer', 300)).toBe('changed');
    expect(await storage.accounts.removeMember(household.docId, alice.id, 300)).toBe('changed');
    expect(await storage.accounts.docRole(alice.id, household.docId)).toBeNull();
    expect(await storage.accounts.removeMember(household.docId, bob.id, 300)).toBe('last_owner');

    const changes = await watcher.accounts.accessChangesSince(start);
    expect(changes.memberships).toEqual(
      expect.arrayContaining([
        { userId: bob.id, docId: household.docId },
        { userId: alice.id, docId: household.docId },
      ]),
    );
    expect(changes.memberships).toHaveLength(2);
    if (watcher !== storage) await watcher.close();
  });

  it('[A6] a disabled account is marked until re-enabled, and each change is in the access-change feed', async () => {
    await storage.accounts.createUser(alice);
    const start = await storage.accounts.lastAccessChange();
    expect(await storage.accounts.setUserDisabled(alice.id, 500)).toBe(true);
    expect((await storage.accounts.findUser(alice.id))?.disabledAt).toBe(500);
    expect(await storage.accounts.setUserDisabled(alice.id, null)).toBe(true);
    expect((await storage.accounts.findUser(alice.id))?.disabledAt).toBeNull();
    expect(await storage.accounts.setUserDisabled('user-nobody', 500)).toBe(false);
    expect((await storage.accounts.accessChangesSince(start)).userIds).toEqual([alice.id]);
  });

  it('[A6] a disabled account’s refresh token is refused and left unspent, to work once it is enabled', async () => {
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 10 });
    await storage.accounts.addRefreshToken('phone', 'hash-1', 10);
    await storage.accounts.setUserDisabled(alice.id, 20);
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(30))).toEqual({ kind: 'disabled' });
    await storage.accounts.setUserDisabled(alice.id, null);
    expect(await storage.accounts.rotateRefreshToken('hash-1', 'hash-2', attempt(100_000))).toMatchObject({
      kind: 'rotated',
    });
  });
});
