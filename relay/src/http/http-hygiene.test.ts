import { readdirSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonBody, rawUpgrade, statusOf, upgradeRequest } from '../testing/raw-http.js';
import {
  DataDir,
  eventually,
  login,
  openSocket,
  RunningRelay,
  register,
  type Session,
} from '../testing/relay-harness.js';
import { RelayProcess } from '../testing/relay-process.js';
import { errorCatalogue } from './error-catalogue.js';

let dataDir: DataDir;
let relay: RunningRelay;
const logLines: string[] = [];
const logStream = () =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });

beforeEach(() => {
  dataDir = new DataDir();
  logLines.length = 0;
});

afterEach(async () => {
  await relay?.stop();
  dataDir.remove();
});

const badUrl = '/sync/%E0%A4%A';

/**
 * The sockets this process holds open. Files are left out: the SQLite writer thread opens the
 * database and its log, and closes them, on its own schedule.
 */
function openSockets(): number {
  let sockets = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) sockets++;
    } catch {
      // The descriptor closed between listing and reading it.
    }
  }
  return sockets;
}

describe('upgrades the relay refuses', () => {
  it('[H1] a bad-URL upgrade is answered from the catalogue, without the URL, and its socket is closed', async () => {
    relay = await RunningRelay.start(dataDir);
    const { response, closedByRelay } = await rawUpgrade(relay.port, `${badUrl}?token=secret-token-1`);
    expect(closedByRelay).toBe(true);
    expect(statusOf(response)).toBe(400);
    expect(jsonBody(response)).toEqual({
      error: { code: 'invalid_request', message: errorCatalogue.invalid_request.message },
    });
    expect(response).not.toContain('secret-token-1');
  });

  it('[H1] 1,000 bad-URL upgrades leave no socket open, and count against the address’s upgrades', async () => {
    relay = await RunningRelay.start(dataDir, { upgradesPerMinute: 120 });
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const connections = () =>
      new Promise<number>((resolve) => relay.app.server.getConnections((_error, count) => resolve(count)));
    const connectionsBefore = await connections();
    const before = openSockets();
    const statuses = new Map<number, number>();
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const { response, closedByRelay } = await rawUpgrade(relay.port, badUrl);
      expect(closedByRelay).toBe(true);
      statuses.set(statusOf(response), (statuses.get(statusOf(response)) ?? 0) + 1);
    }
    await eventually(() => openSockets() <= before);
    console.log(`sockets open before 1,000 bad-URL upgrades: ${before}, after: ${openSockets()}`);
    expect(await connections()).toBe(connectionsBefore);
    expect(Object.fromEntries(statuses)).toEqual({ 400: 120, 429: 880 });
    expect(await openSocket(`${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`)).toEqual({
      kind: 'refused',
      status: 429,
    });
  });

  it('[H1] an upgrade to a route that does not speak WebSocket is refused before any handshake', async () => {
    relay = await RunningRelay.start(dataDir);
    const alice = await register(relay.httpUrl, 'alice@example.com');
    for (const path of [`/api/devices?token=${alice.accessToken}`, `/nowhere?token=${alice.accessToken}`]) {
      const { response, closedByRelay } = await rawUpgrade(relay.port, path);
      expect(closedByRelay).toBe(true);
      expect(statusOf(response)).toBe(404);
      expect(jsonBody(response)).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('[P6] SIGTERM stores everything and exits 0 while a bad-URL upgrade is open', async () => {
    const relayProcess = await RelayProcess.spawn(dataDir.path);
    const socket = connect(relayProcess.port, '127.0.0.1');
    const answered = new Promise<string>((resolve) =>
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    socket.write(upgradeRequest(relayProcess.port, badUrl));
    expect(statusOf(await answered)).toBe(400);
    expect(await relayProcess.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    socket.destroy();
  });
});

describe('tokens in logs and replies', () => {
  it('[S6] no refused path writes a token to the log or into a reply', async () => {
    relay = await RunningRelay.start(dataDir, { logLevel: 'debug', logStream: logStream() });
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const bob = await register(relay.httpUrl, 'bob@example.com');
    const laptop = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
    const expired = await new SignJWT({ did: alice.deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(alice.userId)
      .setIssuer('tally-relay')
      .setAudience('tally-sync')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(dataDir.signingKey);
    await fetch(`${relay.httpUrl}/api/devices/${laptop.deviceId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${alice.accessToken}` },
    });
    const tokens: Session['accessToken'][] = [alice.accessToken, bob.accessToken, laptop.accessToken, expired];
    const replies: string[] = [];
    const upgrade = async (path: string, headers: Record<string, string> = {}) => {
      replies.push((await rawUpgrade(relay.port, path, headers)).response);
    };
    await upgrade(`${badUrl}?token=${alice.accessToken}`);
    await upgrade(`/api/devices?token=${alice.accessToken}`);
    await upgrade(`/no/such/path?token=${alice.accessToken}`);
    await upgrade(`/sync/${alice.docId}?token=${expired}`);
    await upgrade(`/sync/${alice.docId}?token=${laptop.accessToken}`);
    await upgrade(`/sync/${alice.docId}?token=${bob.accessToken}`);
    await upgrade(`/sync/${alice.docId}?token=${alice.accessToken}`, { Origin: 'https://evil.example' });
    await upgrade(`/sync/${alice.docId}?tok%65n=${expired}`);
    await upgrade(`/sync/${alice.docId}?token=${alice.accessToken}&token=${bob.accessToken}`);
    await upgrade(`/sync/${alice.docId}?token=${alice.accessToken}&extra=${bob.accessToken}`);
    const accepted = await openSocket(`${relay.syncUrl}/${alice.docId}?tok%65n=${alice.accessToken}`);
    expect(accepted.kind).toBe('open');
    if (accepted.kind === 'open') accepted.socket.close();
    for (const path of [`${badUrl}?token=${alice.accessToken}`, `/api/devices?token=${alice.accessToken}`]) {
      replies.push(await (await fetch(`${relay.httpUrl}${path}`)).text());
    }
    replies.push(
      await (await fetch(`${relay.httpUrl}/api/devices`, { headers: { authorization: `Bearer ${expired}` } })).text(),
    );
    await relay.stop();

    const logs = logLines.join('');
    expect(logs).toContain('[redacted]');
    for (const token of tokens) {
      expect(logs).not.toContain(token);
      for (const reply of replies) expect(reply).not.toContain(token);
      // The signature alone would do as much harm as the whole token.
      expect(logs).not.toContain(token.split('.')[2]);
    }
  });
});

describe('request bodies', () => {
  it('[H2] a body that trickles in is cut off with 408', async () => {
    relay = await RunningRelay.start(dataDir, { requestTimeoutSeconds: 1 });
    const socket = connect(relay.port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString();
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(' ');
    }, 200);
    await closed;
    clearInterval(trickle);
    expect(statusOf(response)).toBe(408);
  });

  it('[H3] a bodiless DELETE naming application/json revokes the device', async () => {
    relay = await RunningRelay.start(dataDir);
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const laptop = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
    const reply = await fetch(`${relay.httpUrl}/api/devices/${laptop.deviceId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(204);
    const empty = await fetch(`${relay.httpUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
