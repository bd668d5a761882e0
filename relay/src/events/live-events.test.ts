import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCodes } from '../sync/peer-socket.js';
import { EventsClient } from '../testing/events-client.js';
import { DataDir, login, openSocket, RunningRelay, register, type Session } from '../testing/relay-harness.js';
import { eventRetentionMs } from './event-retention.js';

let dataDir: DataDir;
let relay: RunningRelay;
let alice: Session;
let bob: Session;
let household: string;
const clients: EventsClient[] = [];

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

async function events(session: Session, after?: number): Promise<EventsClient> {
  const client = await EventsClient.open(relay.httpUrl, session.accessToken, after);
  clients.push(client);
  return client;
}

/** Bob joins Alice's household as a viewer: one `membership.changed` for him. */
async function bobJoins(): Promise<void> {
  const invited = await call(alice, 'POST', `/api/ledgers/${household}/invitations`, {
    email: 'bob@example.com',
    role: 'viewer',
  });
  const { code } = invited.body as { code: string };
  expect((await call(bob, 'POST', '/api/invitations/accept', { code })).status).toBe(200);
}

async function aliceMakesBob(role: 'editor' | 'viewer'): Promise<void> {
  expect((await call(alice, 'PATCH', `/api/ledgers/${household}/members/${bob.userId}`, { role })).status).toBe(200);
}

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir, { socketsPerDevice: 2 });
  alice = await register(relay.httpUrl, 'alice@example.com');
  bob = await register(relay.httpUrl, 'bob@example.com');
  const created = await call(alice, 'POST', '/api/ledgers', { name: 'Household' });
  household = (created.body as { docId: string }).docId;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await relay.stop();
  dataDir.remove();
});

describe('live events', () => {
  it('[E1][E8] a member hears live that their access to a ledger changed, with the role they hold now', async () => {
    const phone = await events(bob);
    expect(phone.frames).toEqual([{ type: 'events.synced', seq: 0, data: { complete: true } }]);
    await bobJoins();
    await aliceMakesBob('editor');
    expect((await call(alice, 'DELETE', `/api/ledgers/${household}/members/${bob.userId}`)).status).toBe(204);
    await phone.until((frames) => frames.length === 4);
    expect(phone.events).toEqual([
      { type: 'membership.changed', seq: 1, data: { docId: household, userId: bob.userId, role: 'viewer' } },
      { type: 'membership.changed', seq: 2, data: { docId: household, userId: bob.userId, role: 'editor' } },
      { type: 'membership.changed', seq: 3, data: { docId: household, userId: bob.userId, role: null } },
    ]);
  });

  it('[E5] a device that drops and reconnects with after receives every event it missed, once, in order, then live ones', async () => {
    const laptop = await login(relay.httpUrl, 'bob@example.com', 'Laptop');
    const phone = await events(bob);
    const other = await events(laptop);
    await bobJoins();
    await phone.until((frames) => frames.length === 2);
    const seen = phone.lastSeq;
    await phone.close();

    await aliceMakesBob('editor');
    await aliceMakesBob('viewer');
    await aliceMakesBob('editor');
    await other.until((frames) => frames.length === 5);

    const back = await events(bob, seen);
    expect(back.events.map((event) => [event.seq, event.data.role])).toEqual([
      [2, 'editor'],
      [3, 'viewer'],
      [4, 'editor'],
    ]);
    expect(back.frames.at(-1)).toEqual({ type: 'events.synced', seq: 4, data: { complete: true } });

    await aliceMakesBob('viewer');
    await back.until((frames) => frames.some((frame) => frame.seq === 5));
    await other.until((frames) => frames.length === 6);
    expect(back.events.map((event) => event.seq)).toEqual([2, 3, 4, 5]);
    expect(other.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('[E5] a device that saw everything gets no replay, and one without after starts from now', async () => {
    await bobJoins();
    await aliceMakesBob('editor');
    const current = await events(bob, 2);
    expect(current.frames).toEqual([{ type: 'events.synced', seq: 2, data: { complete: true } }]);
    const fresh = await events(bob);
    expect(fresh.frames).toEqual([{ type: 'events.synced', seq: 2, data: { complete: true } }]);
  });

  it('[E6] a device away longer than events are kept is told its replay is incomplete, and goes on from the newest', async () => {
    await bobJoins();
    await aliceMakesBob('editor');
    await relay.storage.events.prune(Date.now() + eventRetentionMs);
    const back = await events(bob, 1);
    expect(back.frames).toEqual([{ type: 'events.synced', seq: 2, data: { complete: false } }]);
    const fromAnotherRelay = await events(bob, 40);
    expect(fromAnotherRelay.frames).toEqual([{ type: 'events.synced', seq: 2, data: { complete: false } }]);
  });

  it('[E7] revoking a device closes its events socket; its account’s other devices keep theirs', async () => {
    const laptop = await login(relay.httpUrl, 'bob@example.com', 'Laptop');
    const phone = await events(bob);
    const other = await events(laptop);
    expect((await call(laptop, 'DELETE', `/api/devices/${bob.deviceId}`)).status).toBe(204);
    expect(await phone.closed).toEqual({ code: closeCodes.policyViolation, reason: 'device revoked' });
    const refused = await openSocket(`${relay.httpUrl.replace('http', 'ws')}/events?token=${bob.accessToken}`);
    expect(refused).toEqual({ kind: 'refused', status: 401 });
    expect(other.socket.readyState).toBe(other.socket.OPEN);
  });

  it('[E7] disabling an account closes its events sockets', async () => {
    const phone = await events(bob);
    expect((await call(alice, 'POST', `/api/admin/users/${bob.userId}/disable`)).status).toBe(204);
    expect(await phone.closed).toEqual({ code: closeCodes.accountDisabled, reason: 'account disabled' });
  });

  it('[E7] a device holds at most SOCKETS_PER_DEVICE events sockets; a bad token or after is refused', async () => {
    await events(bob);
    await events(bob);
    const base = `${relay.httpUrl.replace('http', 'ws')}/events`;
    expect(await openSocket(`${base}?token=${bob.accessToken}`)).toEqual({ kind: 'refused', status: 429 });
    expect(await openSocket(`${base}?token=${alice.accessToken}&after=-1`)).toEqual({ kind: 'refused', status: 400 });
    expect(await openSocket(`${base}?token=${alice.accessToken}&after=x`)).toEqual({ kind: 'refused', status: 400 });
    expect(await openSocket(`${base}?token=nope`)).toEqual({ kind: 'refused', status: 401 });
    expect(await openSocket(base)).toEqual({ kind: 'refused', status: 401 });
  });

  it('[E1] a frame from the device closes its events socket (1003), and the relay goes on', async () => {
    const phone = await events(bob);
    phone.socket.send('hello');
    expect((await phone.closed).code).toBe(closeCodes.unsupportedData);
    const again = await events(bob);
    await bobJoins();
    await again.until((frames) => frames.length === 2);
  });
});
