import { createHash } from 'node:crypto';
import { assertConverged, SeededRandom } from '@tally/schema/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { S3BlobStore } from '../blobs/s3-blob-store.js';
import { RedisRelayBus } from '../bus/redis-relay-bus.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { PostgresStorage } from '../storage/postgres-storage.js';
import { createPostgresDatabase } from '../storage/storage-implementations.test-support.js';
import { holdsAll } from '../testing/echo-record.js';
import { accountNames, addAccount } from '../testing/ledger-edits.js';
import { jpegFile } from '../testing/receipt-files.js';
import { RedisServer } from '../testing/redis-server.js';
import {
  closedWith,
  connect,
  DataDir,
  eventually,
  login,
  openSocket,
  postJson,
  RunningRelay,
  register,
  type Session,
  synced,
} from '../testing/relay-harness.js';
import { RelayProcess } from '../testing/relay-process.js';
import { S3Server } from '../testing/s3-server.js';
import { WritingDevice } from '../testing/writing-device.js';

const seed = Number(process.env.TALLY_RELAYS_SEED ?? Date.now() % 1_000_000);
let redis: RedisServer;
const cleanup: (() => unknown)[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(() => redis.stop());
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Relays sharing one PostgreSQL database and one Redis, each with its own pool and its own Redis connections. */
async function relaysOnOneDatabase(
  count: number,
  config: {
    readonly compactAfter?: number;
    readonly authRequestsPerMinute?: number;
    readonly clock?: () => number;
    readonly sequenceCheckMs?: number;
    /** An S3-compatible server whose bucket every relay keeps its files in, each through its own client (C8). */
    readonly s3?: S3Server;
  } = {},
): Promise<{ readonly relays: RunningRelay[]; readonly databaseUrl: string }> {
  const { s3, ...relayConfig } = config;
  const database = await createPostgresDatabase();
  cleanup.push(database.drop);
  const dataDir = new DataDir();
  cleanup.push(() => dataDir.remove());
  const relays: RunningRelay[] = [];
  for (let index = 0; index < count; index++) {
    const bus = await RedisRelayBus.open(redis.url);
    const storage = await PostgresStorage.open(database.url);
    const blobStore = s3 === undefined ? undefined : new S3BlobStore(s3.settings);
    const relay = await RunningRelay.start(
      dataDir,
      { ...relayConfig, bus, counters: bus, ...(blobStore === undefined ? {} : { blobStore }) },
      0,
      storage,
    );
    cleanup.push(() => bus.close());
    if (blobStore !== undefined) cleanup.push(() => blobStore.close());
    cleanup.push(() => relay.stop());
    relays.push(relay);
  }
  return { relays, databaseUrl: database.url };
}

/** Alice's phone and laptop, signed in on different relays, with the stock provider each. */
async function aliceOnTwoRelays(a: RunningRelay, b: RunningRelay): Promise<[WebsocketProvider, WebsocketProvider]> {
  const phone = await register(a.httpUrl, 'alice@example.com', 'Phone');
  const laptop = await login(b.httpUrl, 'alice@example.com', 'Laptop');
  const providers: [WebsocketProvider, WebsocketProvider] = [connect(a.syncUrl, phone), connect(b.syncUrl, laptop)];
  cleanup.push(() => {
    for (const provider of providers) provider.destroy();
  });
  await Promise.all(providers.map(synced));
  return providers;
}

async function storedLedger(databaseUrl: string, docId: string): Promise<Y.Doc> {
  const storage = await PostgresStorage.open(databaseUrl);
  try {
    return rebuildDoc(await storage.documents.load(docId));
  } finally {
    await storage.close();
  }
}

function converged(docs: readonly Y.Doc[]): boolean {
  try {
    assertConverged(docs);
    return true;
  } catch {
    return false;
  }
}

describe('several relays on one PostgreSQL database and one Redis (REDIS_URL)', () => {
  it('[C1] an account added on a phone synced to relay A shows on a laptop synced to relay B, and back', async () => {
    const { relays } = await relaysOnOneDatabase(2);
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const [phone, laptop] = await aliceOnTwoRelays(a, b);

    addAccount(phone.doc, 'Groceries');
    await eventually(() => accountNames(laptop.doc).includes('Groceries'));
    addAccount(laptop.doc, 'Rent');
    await eventually(() => accountNames(phone.doc).includes('Rent'));
    expect(accountNames(phone.doc)).toEqual(accountNames(laptop.doc));
  });

  it('[C4] who is editing on relay A shows on relay B, and is gone when they leave', async () => {
    const { relays } = await relaysOnOneDatabase(2);
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const [phone, laptop] = await aliceOnTwoRelays(a, b);

    phone.awareness.setLocalStateField('user', { name: 'Alice (phone)' });
    await eventually(() => laptop.awareness.getStates().has(phone.awareness.clientID));
    expect(laptop.awareness.getStates().get(phone.awareness.clientID)).toEqual({ user: { name: 'Alice (phone)' } });
    phone.disconnect();
    await eventually(() => !laptop.awareness.getStates().has(phone.awareness.clientID));
  });

  it('[C2] an update stored without a message on Redis (one pub/sub lost) reaches both relays’ devices once a later one shows the gap', async () => {
    const { relays, databaseUrl } = await relaysOnOneDatabase(2);
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const [phone, laptop] = await aliceOnTwoRelays(a, b);
    const docId = String(phone.roomname);

    // Stored as a relay stores an update, but never published: as if Redis dropped the message.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(phone.doc));
    const lost: Uint8Array[] = [];
    elsewhere.on('update', (update: Uint8Array) => lost.push(update));
    addAccount(elsewhere, 'Savings');
    const storage = await PostgresStorage.open(databaseUrl);
    cleanup.push(() => storage.close());
    for (const update of lost) await storage.documents.appendUpdate(docId, update);

    addAccount(phone.doc, 'Travel');
    await eventually(() => accountNames(laptop.doc).includes('Savings') && accountNames(laptop.doc).includes('Travel'));
    await eventually(() => accountNames(phone.doc).includes('Savings'));
  });

  it('[C10] an update stored without a message on Redis, and no later one, still reaches both relays’ devices', async () => {
    const { relays, databaseUrl } = await relaysOnOneDatabase(2, { sequenceCheckMs: 200 });
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const [phone, laptop] = await aliceOnTwoRelays(a, b);
    const docId = String(phone.roomname);

    // Stored as a relay stores an update, but never published, and nothing edited after it.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(phone.doc));
    const lost: Uint8Array[] = [];
    elsewhere.on('update', (update: Uint8Array) => lost.push(update));
    addAccount(elsewhere, 'Savings');
    const storage = await PostgresStorage.open(databaseUrl);
    cleanup.push(() => storage.close());
    for (const update of lost) await storage.documents.appendUpdate(docId, update);

    await eventually(() => accountNames(laptop.doc).includes('Savings'));
    await eventually(() => accountNames(phone.doc).includes('Savings'));
  });

  it('[C8] a receipt uploaded through relay A is served by relay B from the shared S3-compatible bucket', async () => {
    const s3 = await S3Server.start();
    cleanup.push(() => s3.stop());
    const { relays } = await relaysOnOneDatabase(2, { s3 });
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const phone = await register(a.httpUrl, 'alice@example.com', 'Phone');
    const laptop = await login(b.httpUrl, 'alice@example.com', 'Laptop');
    const receipt = jpegFile();
    const hash = createHash('sha256').update(receipt).digest('hex');

    const uploaded = await fetch(`${a.httpUrl}/api/blobs/${hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${phone.accessToken}`, 'content-type': 'image/jpeg' },
      body: receipt,
    });
    expect(uploaded.status).toBe(201);
    const served = await fetch(`${b.httpUrl}/api/blobs/${hash}`, {
      headers: { authorization: `Bearer ${laptop.accessToken}` },
    });
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(receipt);
  });

  it('[C3] updates made while Redis is down reach the other relay’s devices once it is back', async () => {
    const { relays, databaseUrl } = await relaysOnOneDatabase(2);
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const [phone, laptop] = await aliceOnTwoRelays(a, b);
    const docId = String(phone.roomname);

    await redis.crash();
    addAccount(phone.doc, 'While Redis was down');
    await expect
      .poll(async () => accountNames(await storedLedger(databaseUrl, docId)), { timeout: 60_000 })
      .toContain('While Redis was down');
    await redis.revive();

    await eventually(() => accountNames(laptop.doc).includes('While Redis was down'));
    addAccount(laptop.doc, 'After Redis came back');
    await eventually(() => accountNames(phone.doc).includes('After Redis came back'));
  });

  it('[C5] a device revoked on relay A has its sync socket on relay B closed', async () => {
    const { relays } = await relaysOnOneDatabase(2);
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const phone = await register(a.httpUrl, 'alice@example.com', 'Phone');
    const laptop = await login(b.httpUrl, 'alice@example.com', 'Laptop');
    const opened = await openSocket(`${b.syncUrl}/${laptop.docId}?token=${laptop.accessToken}`);
    if (opened.kind !== 'open') throw new Error(`the laptop's socket was refused: ${JSON.stringify(opened)}`);
    const closing = closedWith(opened.socket);

    const revoked = await fetch(`${a.httpUrl}/api/devices/${laptop.deviceId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${phone.accessToken}` },
    });
    expect(revoked.status).toBe(204);
    expect(await closing).toEqual({ code: 1008, reason: 'device revoked' });
  });

  it('[C7] sign-in attempts from one address count on every relay, and so do wrong passwords for one email', async () => {
    const { relays } = await relaysOnOneDatabase(2, { authRequestsPerMinute: 6, clock: () => Date.UTC(2026, 0, 5, 9) });
    const [a, b] = relays as [RunningRelay, RunningRelay];
    await register(a.httpUrl, 'alice@example.com', 'Phone');
    const signIn = async (relay: RunningRelay, password: string, email = 'alice@example.com') => {
      const reply = await postJson(`${relay.httpUrl}/api/auth/login`, { email, password, deviceName: 'Laptop' });
      return (reply.body as { error?: { code: string } }).error?.code ?? 'signed in';
    };
    // Three wrong passwords go through, on whichever relay; the fourth attempt waits, on the other relay too.
    expect([await signIn(a, 'wrong one'), await signIn(b, 'wrong two'), await signIn(a, 'wrong three')]).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
    ]);
    expect(await signIn(b, 'correct horse battery')).toBe('rate_limited');
    // Registering and those four make five requests from 127.0.0.1 this minute: the sixth is let through,
    // the seventh refused, though each relay has seen fewer than six.
    expect(await signIn(a, 'a guess', 'bob@example.com')).toBe('invalid_credentials');
    expect(await signIn(b, 'another guess', 'bob@example.com')).toBe('rate_limited');
  });

  it('[C6] compaction racing writes on two relays loses nothing (seeded)', { timeout: 120_000 }, async () => {
    console.log(`several relays compaction seed: ${seed} (set TALLY_RELAYS_SEED to replay)`);
    const random = new SeededRandom(seed);
    const { relays, databaseUrl } = await relaysOnOneDatabase(2, { compactAfter: random.int(3, 20) });
    const [a, b] = relays as [RunningRelay, RunningRelay];
    const sessions: Session[] = [
      await register(a.httpUrl, 'alice@example.com', 'Phone'),
      await login(b.httpUrl, 'alice@example.com', 'Laptop'),
    ];
    const devices = [
      new WritingDevice(a.syncUrl, sessions[0] as Session, seed),
      new WritingDevice(b.syncUrl, sessions[1] as Session, seed + 1),
    ];
    cleanup.push(() => {
      for (const device of devices) device.destroy();
    });
    await Promise.all(devices.map((device) => synced(device.provider)));
    for (const device of devices) device.startWriting();
    await eventually(() => devices.every((device) => device.writes >= 150));
    for (const device of devices) device.stopWriting();

    await eventually(() => converged(devices.map((device) => device.doc)));
    await Promise.all(relays.map((relay) => relay.stop()));
    const stored = await storedLedger(databaseUrl, sessions[0]?.docId ?? '');
    for (const device of devices) expect(holdsAll(stored, device.doc)).toBe(true);
  });

  it('[C1, P2] kill -9 of relay A while both write: its device goes on through relay B, every echoed update is stored, all converge', {
    timeout: 180_000,
  }, async () => {
    console.log(`several relays crash seed: ${seed} (set TALLY_RELAYS_SEED to replay)`);
    const random = new SeededRandom(seed);
    const database = await createPostgresDatabase();
    cleanup.push(database.drop);
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, COMPACT_AFTER: String(random.int(10, 100)) };
    const a = await RelayProcess.spawn(dataDir.path, 0, env);
    cleanup.push(() => a.kill('SIGKILL'));
    const b = await RelayProcess.spawn(dataDir.path, 0, env);
    cleanup.push(() => b.kill('SIGKILL'));
    const sessions = [
      await register(a.httpUrl, 'alice@example.com', 'Phone'),
      await login(b.httpUrl, 'alice@example.com', 'Laptop'),
    ] as [Session, Session];
    const phone = new WritingDevice(a.syncUrl, sessions[0], seed);
    const laptop = new WritingDevice(b.syncUrl, sessions[1], seed + 1);
    cleanup.push(() => {
      phone.destroy();
      laptop.destroy();
    });
    await Promise.all([synced(phone.provider), synced(laptop.provider)]);
    phone.startWriting();
    laptop.startWriting();

    await new Promise((resolve) => setTimeout(resolve, random.int(100, 800)));
    await a.kill('SIGKILL');
    const stored = await storedLedger(database.url, sessions[0].docId);
    expect(holdsAll(stored, phone.echoed)).toBe(true);
    // The phone's load balancer sends it to relay B now: same ledger, same edits kept on the device.
    const moved = connect(b.syncUrl, sessions[0], phone.doc);
    cleanup.push(() => moved.destroy());
    phone.provider.disconnect();
    await synced(moved);
    await new Promise((resolve) => setTimeout(resolve, random.int(50, 300)));
    phone.stopWriting();
    laptop.stopWriting();

    await eventually(() => moved.synced && laptop.provider.synced && converged([phone.doc, laptop.doc]));
    expect(await b.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    assertConverged([await storedLedger(database.url, sessions[0].docId), phone.doc, laptop.doc]);
    expect(holdsAll(await storedLedger(database.url, sessions[0].docId), laptop.echoed)).toBe(true);
  });
});
