import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { SeededRandom } from '@tally/schema/testing';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '../sync/peer-socket.js';
import { edit, updateMessage } from '../testing/fake-peer.js';
import { addAccount } from '../testing/ledger-edits.js';
import {
  closed,
  DataDir,
  eventually,
  login,
  openSocket,
  postJson,
  RunningRelay,
  register,
  type Session,
} from '../testing/relay-harness.js';

const maxFrameBytes = 64 * 1024;
let dataDir: DataDir;
let relay: RunningRelay;
let alice: Session;
let bob: Session;
const logLines: string[] = [];

beforeEach(async () => {
  dataDir = new DataDir();
  logLines.length = 0;
  relay = await RunningRelay.start(dataDir, {
    maxFrameBytes,
    logLevel: 'info',
    logStream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  alice = await register(relay.httpUrl, 'alice@example.com');
  bob = await register(relay.httpUrl, 'bob@example.com');
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

function syncUrl(docId: string, token?: string): string {
  return `${relay.syncUrl}/${docId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
}

async function nothingStored(docId: string): Promise<void> {
  expect(await relay.storage.documents.load(docId)).toEqual({
    snapshot: null,
    stateVector: null,
    updates: [],
    lastSeq: 0,
  });
}

function claimsOf(session: Session) {
  return new SignJWT({ did: session.deviceId }).setSubject(session.userId).setIssuedAt();
}

const forged: [string, () => Promise<string>][] = [
  [
    'an expired token',
    () =>
      claimsOf(alice)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('tally-relay')
        .setAudience('tally-sync')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(dataDir.signingKey),
  ],
  [
    'a token with alg none',
    async () =>
      new UnsecuredJWT({ did: alice.deviceId })
        .setSubject(alice.userId)
        .setIssuer('tally-relay')
        .setAudience('tally-sync')
        .setIssuedAt()
        .setExpirationTime('10m')
        .encode(),
  ],
  [
    'a token signed with another key',
    () =>
      claimsOf(alice)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('tally-relay')
        .setAudience('tally-sync')
        .setExpirationTime('10m')
        .sign(new Uint8Array(randomBytes(32))),
  ],
  [
    'a token for another audience',
    () =>
      claimsOf(alice)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('tally-relay')
        .setAudience('someone-else')
        .setExpirationTime('10m')
        .sign(dataDir.signingKey),
  ],
  [
    'a token without an expiry',
    () =>
      claimsOf(alice)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('tally-relay')
        .setAudience('tally-sync')
        .sign(dataDir.signingKey),
  ],
];

describe('sync upgrades the relay refuses', () => {
  it('[S1] no token: 401', async () => {
    expect(await openSocket(syncUrl(alice.docId))).toEqual({ kind: 'refused', status: 401 });
    await nothingStored(alice.docId);
  });

  it.each(forged)('[S1] %s: 401', async (_name, token) => {
    expect(await openSocket(syncUrl(alice.docId, await token()))).toEqual({ kind: 'refused', status: 401 });
    await nothingStored(alice.docId);
  });

  it('[S2] another user’s ledger: 403', async () => {
    expect(await openSocket(syncUrl(alice.docId, bob.accessToken))).toEqual({ kind: 'refused', status: 403 });
    await nothingStored(alice.docId);
  });

  it('[S4] an Origin that is neither the relay’s own nor listed: 403; the relay’s own: accepted', async () => {
    const host = `127.0.0.1:${relay.port}`;
    expect(await openSocket(syncUrl(alice.docId, alice.accessToken), { origin: 'https://evil.example' })).toEqual({
      kind: 'refused',
      status: 403,
    });
    const own = await openSocket(syncUrl(alice.docId, alice.accessToken), { origin: `http://${host}` });
    expect(own.kind).toBe('open');
    if (own.kind === 'open') own.socket.close();
    await nothingStored(alice.docId);
  });

  it('[S3] a revoked device: its open socket closes at once and it cannot reconnect', async () => {
    const laptop = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
    const opened = await openSocket(syncUrl(alice.docId, alice.accessToken));
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    const closing = closed(opened.socket);
    const revoke = await fetch(`${relay.httpUrl}/api/devices/${alice.deviceId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${laptop.accessToken}` },
    });
    expect(revoke.status).toBe(204);
    expect(await closing).toBe(closeCodes.policyViolation);
    expect(await openSocket(syncUrl(alice.docId, alice.accessToken))).toEqual({ kind: 'refused', status: 401 });
    await nothingStored(alice.docId);
  });

  it('[S3] a refresh token reused after the grace is refused, and the device it belonged to is cut off', async () => {
    await relay.stop();
    relay = await RunningRelay.start(dataDir, { refreshGraceSeconds: 0 });
    const opened = await openSocket(syncUrl(alice.docId, alice.accessToken));
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    const closing = closed(opened.socket);
    expect((await postJson(`${relay.httpUrl}/api/auth/refresh`, { refreshToken: alice.refreshToken })).status).toBe(
      200,
    );
    const reuse = await postJson(`${relay.httpUrl}/api/auth/refresh`, { refreshToken: alice.refreshToken });
    expect(reuse).toEqual({
      status: 401,
      body: { error: { code: 'invalid_refresh_token', message: expect.any(String) } },
    });
    expect(await closing).toBe(closeCodes.policyViolation);
    expect(await openSocket(syncUrl(alice.docId, alice.accessToken))).toEqual({ kind: 'refused', status: 401 });
  });

  it('[S5] upgrades are rate limited per client address', async () => {
    await relay.stop();
    relay = await RunningRelay.start(dataDir, { upgradesPerMinute: 2 });
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      const outcome = await openSocket(syncUrl(alice.docId, alice.accessToken));
      if (outcome.kind === 'open') outcome.socket.close();
      outcomes.push(outcome.kind === 'open' ? 'open' : outcome.status);
    }
    expect(outcomes).toEqual(['open', 'open', 429]);
  });

  it('[S6] the access token never reaches the logs', async () => {
    const opened = await openSocket(syncUrl(alice.docId, alice.accessToken));
    if (opened.kind === 'open') opened.socket.close();
    await openSocket(syncUrl(alice.docId, 'not-a-token'));
    const logs = logLines.join('');
    expect(logs).toContain(`/sync/${alice.docId}?token=[redacted]`);
    expect(logs).not.toContain(alice.accessToken);
    expect(logs).not.toContain('not-a-token');
  });
});

describe('sync frames the relay refuses', () => {
  async function openAsAlice() {
    const opened = await openSocket(syncUrl(alice.docId, alice.accessToken));
    if (opened.kind !== 'open') throw new Error('expected the socket to open');
    return { socket: opened.socket, received: opened.received, closing: closed(opened.socket) };
  }

  /** A ledger edit the relay's guard accepts: accounts with names of 100 characters, at least `size` bytes of them. */
  function realUpdate(size: number): Uint8Array {
    return updateMessage(
      edit(new Y.Doc(), (doc) => {
        for (let i = 0; i < Math.ceil(size / 100); i++) addAccount(doc, `${i}`.padEnd(100, 'x'));
      }),
    );
  }

  it('[P5] an oversized frame closes with 1009', async () => {
    const { socket, closing } = await openAsAlice();
    socket.send(realUpdate(maxFrameBytes + 1));
    expect(await closing).toBe(closeCodes.messageTooBig);
    await nothingStored(alice.docId);
  });

  it('[P5] random bytes after an unknown message type close with 1003', async () => {
    const random = new SeededRandom(20261125);
    const frame = random.bytes(64);
    const { socket, closing } = await openAsAlice();
    socket.send(Uint8Array.of(7, ...frame));
    expect(await closing).toBe(closeCodes.unsupportedData);
    await nothingStored(alice.docId);
  });

  it.each([1, 2, 5, 20])('[P5] an update truncated to %i bytes closes with 1008', async (length) => {
    const { socket, closing } = await openAsAlice();
    socket.send(realUpdate(100).subarray(0, length));
    expect(await closing).toBe(closeCodes.policyViolation);
    await nothingStored(alice.docId);
  });

  it('[P5] a text frame closes with 1003', async () => {
    const { socket, closing } = await openAsAlice();
    socket.send('hello');
    expect(await closing).toBe(closeCodes.unsupportedData);
    await nothingStored(alice.docId);
  });

  it('a well-formed update on the same socket is stored', async () => {
    const { socket, received } = await openAsAlice();
    socket.send(realUpdate(10));
    // The relay's own sync step 1, then the echo of our update.
    await eventually(() => received.length === 2);
    expect((await relay.storage.documents.load(alice.docId)).updates).toHaveLength(1);
    socket.close();
  });
});
