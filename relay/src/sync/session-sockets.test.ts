import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { runAdminCli } from '../testing/admin-cli.js';
import { edit, updateMessage } from '../testing/fake-peer.js';
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

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir, { heartbeatSeconds: 1 });
  alice = await register(relay.httpUrl, 'alice@example.com');
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

/** Alice's access token, signed by the relay's key, that expires in a second or two. */
function shortLivedToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ did: alice.deviceId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(alice.userId)
    .setIssuer('tally-relay')
    .setAudience('tally-sync')
    .setIssuedAt(now)
    .setExpirationTime(now + 2)
    .sign(dataDir.signingKey);
}

function accountUpdate(name: string): Uint8Array {
  return updateMessage(edit(new Y.Doc(), (doc) => addAccount(doc, name)));
}

async function storedUpdates(): Promise<number> {
  return (await relay.storage.documents.load(alice.docId)).updates.length;
}

/** How many pings the relay has sent `socket` so far. */
function pingsTo(socket: WebSocket): { count: number } {
  const pings = { count: 0 };
  socket.on('ping', () => pings.count++);
  return pings;
}

async function openConnections(): Promise<number> {
  return ((await (await fetch(`${relay.httpUrl}/health`)).json()) as { connections: number }).connections;
}

describe('sockets that outlive their authority', () => {
  it('[S8] a socket is closed with 4001 when its access token expires, and takes nothing after', async () => {
    const opened = await openSocket(`${relay.syncUrl}/${alice.docId}?token=${await shortLivedToken()}`);
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    const closing = closedWith(opened.socket);
    opened.socket.send(accountUpdate('before expiry'));
    expect(await closing).toEqual({ code: closeCodes.tokenExpired, reason: 'access token expired' });
    expect(await storedUpdates()).toBe(1);
    expect(opened.socket.readyState).toBe(WebSocket.CLOSED);
    expect(await (await fetch(`${relay.httpUrl}/metrics`)).text()).toContain('tally_relay_expired_sockets_total 1');
  });

  it('[S8] the stock provider, given its renewed token, reconnects after the expiry and keeps syncing', async () => {
    const phone = connect(relay.syncUrl, { docId: alice.docId, accessToken: await shortLivedToken() });
    const laptop = connect(relay.syncUrl, alice);
    await Promise.all([synced(phone), synced(laptop)]);
    const closes: number[] = [];
    phone.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code);
    });
    // What the app does a minute before expiry: the provider's next connection uses the new token.
    phone.params = { token: alice.accessToken };
    await eventually(() => closes.length > 0);
    expect(closes).toEqual([closeCodes.tokenExpired]);
    await synced(phone);
    addAccount(phone.doc, 'after renewal');
    await eventually(() => accountNames(laptop.doc).includes('after renewal'));
    phone.destroy();
    laptop.destroy();
  });

  it('[S8] a device revoked by the admin CLI, in another process, has its open socket closed', async () => {
    const opened = await openSocket(`${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`);
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    const closing = closedWith(opened.socket).then((close) => ({ ...close, at: Date.now() }));
    const revoked = await runAdminCli(dataDir.path, ['revoke-device', alice.deviceId]);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked device ${alice.deviceId}\n` });
    const closed = await closing;
    expect(closed).toMatchObject({ code: closeCodes.policyViolation, reason: 'device revoked' });
    const revokedAt = (await relay.storage.accounts.findDevice(alice.deviceId))?.revokedAt ?? Number.NaN;
    console.log(`the open socket closed ${closed.at - revokedAt} ms after the CLI committed the revocation`);
    expect(await openSocket(`${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`)).toEqual({
      kind: 'refused',
      status: 401,
    });
  });

  it('[S8] a peer that stops answering pings is dropped at the next heartbeat; one that answers stays', async () => {
    const url = `${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`;
    const silent = new WebSocket(url, { autoPong: false });
    const answering = new WebSocket(url);
    // Counted from the start: the first ping can come before the other socket has opened.
    const silentPings = pingsTo(silent);
    const answeringPings = pingsTo(answering);
    const silentClosed = new Promise((resolve) => silent.once('close', resolve));
    await Promise.all([silent, answering].map((socket) => new Promise((resolve) => socket.once('open', resolve))));
    await silentClosed;
    expect(silentPings.count).toBe(1);
    // Each ping after the first is sent only to a socket that answered the one before.
    const answeredBeforeTheDrop = answeringPings.count;
    await eventually(
      () => answeringPings.count >= answeredBeforeTheDrop + 2 || answering.readyState !== WebSocket.OPEN,
    );
    expect(answering.readyState).toBe(WebSocket.OPEN);
    expect(relay.app.websocketServer.clients.size).toBe(1);
    expect(await openConnections()).toBe(1);
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    expect(metrics).toContain('tally_relay_silent_peers_dropped_total 1');
    answering.close();
  });
});
