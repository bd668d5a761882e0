import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { hashInvitationCode } from '../auth/invitation-codes.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { runAdminCli } from '../testing/admin-cli.js';
import { accountNames, addAccount } from '../testing/ledger-edits.js';
import {
  closedWith,
  connect,
  DataDir,
  eventually,
  openSocket,
  RunningRelay,
  register,
  type Session,
  synced,
} from '../testing/relay-harness.js';
import { closeCodes } from './peer-socket.js';

let dataDir: DataDir;
let relay: RunningRelay;
let alice: Session;
let bob: Session;
let household: string;
const providers: WebsocketProvider[] = [];

async function call(
  session: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${relay.httpUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${session.accessToken}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

async function invite(email: string, role: 'editor' | 'viewer'): Promise<string> {
  const reply = await call(alice, 'POST', `/api/ledgers/${household}/invitations`, { email, role });
  expect(reply.status).toBe(201);
  return (reply.body as { code: string }).code;
}

async function join(session: Session, role: 'editor' | 'viewer'): Promise<void> {
  const email = session === bob ? 'bob@example.com' : 'carol@example.com';
  const accepted = await call(session, 'POST', '/api/invitations/accept', { code: await invite(email, role) });
  expect(accepted).toEqual({ status: 200, body: { docId: household, role } });
}

/** Alice's household ledger as a device of `session` sees it, through the stock provider. */
async function open(session: Session): Promise<WebsocketProvider> {
  const provider = connect(relay.syncUrl, { docId: household, accessToken: session.accessToken });
  providers.push(provider);
  await synced(provider);
  return provider;
}

function closes(provider: WebsocketProvider): number[] {
  const codes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event !== null) codes.push(event.code);
  });
  return codes;
}

/** Whether the device's copy of the ledger holds an account of that name. */
function holds(provider: WebsocketProvider, name: string): boolean {
  return accountNames(provider.doc).includes(name);
}

async function storedAccounts(): Promise<string[]> {
  const storage = new SqliteStorage(dataDir.dbFile);
  const doc = rebuildDoc(await storage.documents.load(household));
  await storage.close();
  return accountNames(doc);
}

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
  alice = await register(relay.httpUrl, 'alice@example.com');
  bob = await register(relay.httpUrl, 'bob@example.com');
  const created = await call(alice, 'POST', '/api/ledgers', { name: 'Household' });
  expect(created).toMatchObject({ status: 201, body: { name: 'Household', role: 'owner' } });
  household = (created.body as { docId: string }).docId;
});

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await relay.stop();
  dataDir.remove();
});

describe('a shared ledger, through the stock y-websocket provider', () => {
  it('[L1] an account lists its personal ledger and the ones it made or joined, each with its role', async () => {
    await join(bob, 'viewer');
    expect((await call(bob, 'GET', '/api/ledgers')).body).toEqual([
      { docId: bob.docId, name: null, role: 'owner', personal: true },
      { docId: household, name: 'Household', role: 'viewer', personal: false },
    ]);
    expect((await call(alice, 'GET', '/api/ledgers')).body).toEqual([
      { docId: alice.docId, name: null, role: 'owner', personal: true },
      { docId: household, name: 'Household', role: 'owner', personal: false },
    ]);
  });

  it('[L2] a viewer receives the owner’s edits live; its own updates reach neither the owner nor storage', async () => {
    await join(bob, 'viewer');
    const owner = await open(alice);
    const viewer = await open(bob);
    addAccount(owner.doc, 'groceries');
    await eventually(() => holds(viewer, 'groceries'));

    addAccount(viewer.doc, 'from the viewer');
    // Sent after the update on the same socket: once the owner hears it, the relay has handled the update.
    viewer.awareness.setLocalStateField('user', { name: 'Bob' });
    await eventually(() => [...owner.awareness.getStates().values()].some((state) => state.user !== undefined));
    addAccount(owner.doc, 'rent');
    await eventually(() => holds(viewer, 'rent'));
    await relay.stop();

    expect(holds(owner, 'from the viewer')).toBe(false);
    expect(await storedAccounts()).toEqual(['groceries', 'rent']);
  });

  it('[L3] a viewer made editor is reconnected with its new role, and its edits arrive', async () => {
    await join(bob, 'viewer');
    const owner = await open(alice);
    const member = await open(bob);
    const closed = closes(member);
    const changed = await call(alice, 'PATCH', `/api/ledgers/${household}/members/${bob.userId}`, { role: 'editor' });
    expect(changed).toEqual({ status: 200, body: { userId: bob.userId, role: 'editor' } });
    await eventually(() => closed.length > 0);
    expect(closed).toEqual([closeCodes.roleChanged]);
    await synced(member);
    addAccount(member.doc, 'from the editor');
    await eventually(() => holds(owner, 'from the editor'));
    expect((await call(bob, 'GET', '/api/ledgers')).body).toContainEqual(
      expect.objectContaining({ docId: household, role: 'editor' }),
    );
  });

  it('[L3] a removed member’s socket closes for good, and a new connection is refused', async () => {
    await join(bob, 'editor');
    const member = await open(bob);
    const closed = new Promise<{ code: number }>((resolve) => member.once('closed', resolve));
    expect((await call(alice, 'DELETE', `/api/ledgers/${household}/members/${bob.userId}`)).status).toBe(204);
    expect((await closed).code).toBe(closeCodes.membershipEnded);
    expect(member.shouldConnect).toBe(false);
    expect(await openSocket(`${relay.syncUrl}/${household}?token=${bob.accessToken}`)).toEqual({
      kind: 'refused',
      status: 403,
    });
    expect((await call(bob, 'GET', `/api/ledgers/${household}/members`)).status).toBe(404);
  });

  it('[L3] a removal by another process sharing the database closes the member’s socket within the feed’s beat', async () => {
    await join(bob, 'editor');
    const opened = await openSocket(`${relay.syncUrl}/${household}?token=${bob.accessToken}`);
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    const closing = closedWith(opened.socket).then((close) => ({ ...close, at: Date.now() }));
    const otherRelay = new SqliteStorage(dataDir.dbFile);
    const removedAt = Date.now();
    expect(await otherRelay.accounts.removeMember(household, bob.userId, removedAt)).toBe('changed');
    await otherRelay.close();
    const closed = await closing;
    expect(closed).toMatchObject({ code: closeCodes.membershipEnded, reason: 'no longer a member of this ledger' });
    console.log(`the open socket closed ${closed.at - removedAt} ms after another process removed the member`);
  });

  it('[S2] an account that is no member of a ledger is refused', async () => {
    expect(await openSocket(`${relay.syncUrl}/${household}?token=${bob.accessToken}`)).toEqual({
      kind: 'refused',
      status: 403,
    });
    expect((await call(bob, 'GET', `/api/ledgers/${household}/members`)).status).toBe(404);
  });

  it('[L4] an editor cannot remove the owner; the owner stays, and still syncs', async () => {
    await join(bob, 'editor');
    const removal = await call(bob, 'DELETE', `/api/ledgers/${household}/members/${alice.userId}`);
    expect(removal).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const demotion = await call(bob, 'PATCH', `/api/ledgers/${household}/members/${alice.userId}`, { role: 'viewer' });
    expect(demotion.status).toBe(403);
    expect((await call(bob, 'GET', `/api/ledgers/${household}/members`)).body).toEqual([
      { userId: alice.userId, email: 'alice@example.com', role: 'owner' },
      { userId: bob.userId, email: 'bob@example.com', role: 'editor' },
    ]);
    const owner = await open(alice);
    const editor = await open(bob);
    addAccount(editor.doc, 'still here');
    await eventually(() => holds(owner, 'still here'));
  });

  it('[L4] a member may leave; the last owner may not', async () => {
    await join(bob, 'viewer');
    expect((await call(alice, 'DELETE', `/api/ledgers/${household}/members/${alice.userId}`)).status).toBe(409);
    expect((await call(bob, 'DELETE', `/api/ledgers/${household}/members/${bob.userId}`)).status).toBe(204);
    expect((await call(bob, 'GET', '/api/ledgers')).body).toHaveLength(1);
  });
});

describe('ledger invitations', () => {
  let carol: Session;
  beforeEach(async () => {
    carol = await register(relay.httpUrl, 'carol@example.com');
  });

  async function accept(session: Session, code: string) {
    return call(session, 'POST', '/api/invitations/accept', { code });
  }

  const refused = { status: 410, body: { error: expect.objectContaining({ code: 'invitation_invalid' }) } };

  it('[L5] a code works once, for its own email only', async () => {
    const code = await invite('bob@example.com', 'editor');
    expect(await accept(carol, code)).toMatchObject(refused);
    expect(await accept(bob, code.toLowerCase().replaceAll('-', ''))).toEqual({
      status: 200,
      body: { docId: household, role: 'editor' },
    });
    await call(alice, 'DELETE', `/api/ledgers/${household}/members/${bob.userId}`);
    expect(await accept(bob, code)).toMatchObject(refused);
    expect(await accept(bob, 'AAAA-BBBB-CCCC-DDDD')).toMatchObject(refused);
  });

  it('[L5] a revoked code is refused, and is no longer pending', async () => {
    const reply = await call(alice, 'POST', `/api/ledgers/${household}/invitations`, {
      email: 'Bob@Example.com',
      role: 'viewer',
      expiresInHours: 2,
    });
    const { invitationId, code } = reply.body as { invitationId: string; code: string };
    expect((await call(alice, 'GET', `/api/ledgers/${household}/invitations`)).body).toEqual([
      { invitationId, email: 'bob@example.com', role: 'viewer', expiresAt: expect.any(String) },
    ]);
    expect((await call(alice, 'DELETE', `/api/ledgers/${household}/invitations/${invitationId}`)).status).toBe(204);
    expect(await accept(bob, code)).toMatchObject(refused);
    expect((await call(alice, 'GET', `/api/ledgers/${household}/invitations`)).body).toEqual([]);
  });

  it('[L5] an expired code is refused', async () => {
    await relay.storage.accounts.createLedgerInvitation({
      id: 'expired',
      codeHash: hashInvitationCode('EXPI-REDC-ODE0-0000'),
      docId: household,
      email: 'bob@example.com',
      role: 'editor',
      invitedBy: alice.userId,
      createdAt: Date.now() - 2_000,
      expiresAt: Date.now() - 1_000,
    });
    expect(await accept(bob, 'EXPI-REDC-ODE0-0000')).toMatchObject(refused);
    expect(await relay.storage.accounts.docRole(bob.userId, household)).toBeNull();
  });

  it('[L5] only an owner invites, and never someone who is a member already', async () => {
    await join(bob, 'editor');
    const byEditor = await call(bob, 'POST', `/api/ledgers/${household}/invitations`, {
      email: 'carol@example.com',
      role: 'editor',
    });
    expect(byEditor.status).toBe(403);
    const again = await call(alice, 'POST', `/api/ledgers/${household}/invitations`, {
      email: 'bob@example.com',
      role: 'viewer',
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });
});

describe('a disabled account', () => {
  it('[A6] is refused at once: its open sockets close, its tokens stop working, until it is enabled', async () => {
    await join(bob, 'editor');
    const member = await open(bob);
    const closed = new Promise<{ code: number }>((resolve) => member.once('closed', resolve));
    expect((await call(alice, 'POST', `/api/admin/users/${bob.userId}/disable`)).status).toBe(204);
    expect((await closed).code).toBe(closeCodes.accountDisabled);
    expect(await openSocket(`${relay.syncUrl}/${bob.docId}?token=${bob.accessToken}`)).toEqual({
      kind: 'refused',
      status: 403,
    });
    expect(await call(bob, 'GET', '/api/ledgers')).toMatchObject({
      status: 403,
      body: { error: { code: 'account_disabled' } },
    });
    const refresh = await fetch(`${relay.httpUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: bob.refreshToken }),
    });
    expect(refresh.status).toBe(403);

    expect((await call(alice, 'POST', `/api/admin/users/${bob.userId}/enable`)).status).toBe(204);
    expect((await call(bob, 'GET', '/api/ledgers')).status).toBe(200);
  });

  it('[A6] disabled by the admin CLI in another process, its open socket closes too', async () => {
    const opened = await openSocket(`${relay.syncUrl}/${bob.docId}?token=${bob.accessToken}`);
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    const closing = closedWith(opened.socket);
    expect(await runAdminCli(dataDir.path, ['disable-user', 'bob@example.com'])).toMatchObject({ code: 0 });
    expect(await closing).toEqual({ code: closeCodes.accountDisabled, reason: 'account disabled' });
  });

  it('[A6] an admin sees every account with its storage use', async () => {
    const owner = await open(alice);
    for (let i = 0; i < 20; i++) addAccount(owner.doc, `Account ${i} ${'x'.repeat(40)}`);
    await relay.stop();
    relay = await RunningRelay.start(dataDir);
    const users = (await call(alice, 'GET', '/api/admin/users')).body as { email: string; storageBytes: number }[];
    expect(users.map((user) => user.email)).toEqual(['alice@example.com', 'bob@example.com']);
    expect(users[0]?.storageBytes).toBeGreaterThan(1_000);
    expect(users[1]?.storageBytes).toBe(0);
    expect((await call(bob, 'GET', '/api/admin/users')).status).toBe(403);
  });
});
