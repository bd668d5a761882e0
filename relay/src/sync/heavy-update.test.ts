import { SeededRandom, typicalLedger } from '@tally/schema/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateMessage } from '../testing/fake-peer.js';
import { hostileUpdate, ledgerOf } from '../testing/ledger-edits.js';
import {
  closedWith,
  connect,
  DataDir,
  eventually,
  openSyncSocket,
  RunningRelay,
  register,
  sameLedger,
  synced,
} from '../testing/relay-harness.js';
import { closeCodes } from './peer-socket.js';
import { encodeSyncStep2 } from './sync-message.js';

let dataDir: DataDir;
let relay: RunningRelay;

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

describe('heavy work on one document', () => {
  it('[B5] while a 16.7 MB update is judged, another document’s peer keeps getting its echoes and /health answers', async () => {
    const mallory = await register(relay.httpUrl, 'mallory@example.com');
    const bob = await register(relay.httpUrl, 'bob@example.com');
    const heavy = hostileUpdate();
    expect(heavy.byteLength).toBeGreaterThan(16_000_000);

    const writer = ledgerOf(new Y.Doc());
    const accountId = writer.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const bobSocket = await openSyncSocket(relay.syncUrl, bob);
    const frames: Uint8Array[] = [];
    writer.doc.on('update', (update: Uint8Array) => frames.push(updateMessage(update)));
    bobSocket.send(updateMessage(Y.encodeStateAsUpdate(writer.doc)));

    const mallorySocket = await openSyncSocket(relay.syncUrl, mallory);
    const malloryCloses = closedWith(mallorySocket);
    let judged = false;
    const refusal = malloryCloses.then((close) => {
      judged = true;
      return close;
    });
    const started = performance.now();
    mallorySocket.send(encodeSyncStep2(heavy));

    // Bob edits his ledger at a steady pace, each edit sent once the last came back.
    const latencies: number[] = [];
    let echoesWhileJudged = 0;
    let healthWhileJudged = 0;
    while (!judged) {
      const sentAt = performance.now();
      const echoed = new Promise<void>((resolve) =>
        bobSocket.once('message', function onMessage(data: Buffer) {
          if (data[0] === 0 && data[1] === 2) resolve();
          else bobSocket.once('message', onMessage);
        }),
      );
      writer.transactions.create({ date: '2026-11-25', amount: -latencies.length - 1, currency: 'EUR', accountId });
      const frame = frames.shift();
      if (frame === undefined) throw new Error('the ledger API made no update');
      bobSocket.send(frame);
      const [health] = await Promise.all([fetch(`${relay.httpUrl}/health`), echoed]);
      latencies.push(performance.now() - sentAt);
      if (!judged) {
        echoesWhileJudged++;
        if (health.ok) healthWhileJudged++;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const close = await refusal;
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `16.7 MB update judged in ${((performance.now() - started) / 1000).toFixed(1)} s; meanwhile another document's peer got ${echoesWhileJudged} echoes (p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms) and /health answered ${healthWhileJudged} times`,
    );
    expect(close).toEqual({ code: closeCodes.policyViolation, reason: 'invalid-key transactions' });
    expect(echoesWhileJudged).toBeGreaterThanOrEqual(10);
    expect(healthWhileJudged).toBe(echoesWhileJudged);
    bobSocket.close();
  });

  it('[B5] a device’s first sync of a large ledger is accepted off the event loop: another ledger’s echoes come first, and the ledger stays whole', async () => {
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const bob = await register(relay.httpUrl, 'bob@example.com');
    const large = typicalLedger(12_000, { random: new SeededRandom(12_000) });
    const firstSync = Y.encodeStateAsUpdate(large.doc);
    expect(firstSync.byteLength).toBeGreaterThan(2_000_000);

    const writer = ledgerOf(new Y.Doc());
    const accountId = writer.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const frames: Uint8Array[] = [];
    writer.doc.on('update', (update: Uint8Array) => frames.push(updateMessage(update)));
    const bobSocket = await openSyncSocket(relay.syncUrl, bob);
    const aliceSocket = await openSyncSocket(relay.syncUrl, alice);

    // What each side hears, in the order it is heard: Bob's echoes, and Alice's large update coming back.
    const heard: string[] = [];
    const isUpdate = (data: Buffer): boolean => data[0] === 0 && data[1] === 2;
    aliceSocket.on('message', (data: Buffer) => {
      if (isUpdate(data)) heard.push('alice’s ledger stored and sent');
    });
    bobSocket.on('message', (data: Buffer) => {
      if (isUpdate(data)) heard.push('bob’s echo');
    });
    const aliceAcknowledged = (): boolean => heard.includes('alice’s ledger stored and sent');
    bobSocket.send(updateMessage(Y.encodeStateAsUpdate(writer.doc)));
    await eventually(() => heard.length === 1);
    heard.length = 0;

    aliceSocket.send(encodeSyncStep2(firstSync));
    let healthy = 0;
    for (let i = 1; !aliceAcknowledged(); i++) {
      const echoes = heard.filter((event) => event === 'bob’s echo').length;
      writer.transactions.create({ date: '2026-11-25', amount: -i, currency: 'EUR', accountId });
      const frame = frames.shift();
      if (frame === undefined) throw new Error('the ledger API made no update');
      bobSocket.send(frame);
      const health = await fetch(`${relay.httpUrl}/health`);
      if (health.ok) healthy++;
      await eventually(() => aliceAcknowledged() || heard.filter((event) => event === 'bob’s echo').length > echoes);
    }
    console.log(
      `a ${(firstSync.byteLength / 2 ** 20).toFixed(1)} MiB first sync: ${heard.indexOf('alice’s ledger stored and sent')} echoes of another ledger and ${healthy} /health answers before it was stored and sent`,
    );
    expect(heard[0]).toBe('bob’s echo');
    expect(healthy).toBeGreaterThanOrEqual(1);

    // The ledger lives in the worker now: Alice's next edit is judged there, and a new device gets it all.
    large.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' });
    const acknowledged = heard.length;
    aliceSocket.send(updateMessage(Y.encodeStateAsUpdate(large.doc, Y.encodeStateVectorFromUpdate(firstSync))));
    await eventually(() => heard.slice(acknowledged).includes('alice’s ledger stored and sent'));
    const laptop = connect(relay.syncUrl, alice);
    await synced(laptop);
    await eventually(() => sameLedger(laptop.doc, large.doc));
    laptop.destroy();
    aliceSocket.close();
    bobSocket.close();

    // Stored whole: after a restart a device gets the same ledger.
    await relay.stop();
    relay = await RunningRelay.start(dataDir);
    const tablet = connect(relay.syncUrl, alice);
    await synced(tablet);
    await eventually(() => sameLedger(tablet.doc, large.doc));
    tablet.destroy();
  });

  it('[B5] while a 17.5 MiB first sync is judged and stored, another ledger’s echoes and /health keep answering, and a restart finds the ledger whole', async () => {
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const bob = await register(relay.httpUrl, 'bob@example.com');
    const large = typicalLedger(100_000, { random: new SeededRandom(100_000) });
    const firstSync = Y.encodeStateAsUpdate(large.doc);
    expect(firstSync.byteLength).toBeGreaterThan(17 * 2 ** 20);

    const writer = ledgerOf(new Y.Doc());
    const accountId = writer.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const frames: Uint8Array[] = [];
    writer.doc.on('update', (update: Uint8Array) => frames.push(updateMessage(update)));
    const bobSocket = await openSyncSocket(relay.syncUrl, bob);
    const aliceSocket = await openSyncSocket(relay.syncUrl, alice);
    const heard: string[] = [];
    const isUpdate = (data: Buffer): boolean => data[0] === 0 && data[1] === 2;
    aliceSocket.on('message', (data: Buffer) => {
      if (isUpdate(data)) heard.push('alice’s ledger stored and sent');
    });
    bobSocket.on('message', (data: Buffer) => {
      if (isUpdate(data)) heard.push('bob’s echo');
    });
    const stored = (): boolean => heard.includes('alice’s ledger stored and sent');
    bobSocket.send(updateMessage(Y.encodeStateAsUpdate(writer.doc)));
    await eventually(() => heard.length === 1);
    heard.length = 0;

    aliceSocket.send(encodeSyncStep2(firstSync));
    const roundTrips: number[] = [];
    let healthy = 0;
    for (let i = 1; !stored(); i++) {
      const sentAt = performance.now();
      const echoes = heard.filter((event) => event === 'bob’s echo').length;
      writer.transactions.create({ date: '2026-11-27', amount: -i, currency: 'EUR', accountId });
      const frame = frames.shift();
      if (frame === undefined) throw new Error('the ledger API made no update');
      bobSocket.send(frame);
      const health = await fetch(`${relay.httpUrl}/health`);
      if (health.ok) healthy++;
      await eventually(() => stored() || heard.filter((event) => event === 'bob’s echo').length > echoes);
      roundTrips.push(performance.now() - sentAt);
    }
    const sorted = [...roundTrips].sort((a, b) => a - b);
    console.log(
      `a ${(firstSync.byteLength / 2 ** 20).toFixed(1)} MiB first sync: ${heard.indexOf('alice’s ledger stored and sent')} echoes of another ledger (p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms) and ${healthy} /health answers before it was stored and sent`,
    );
    expect(heard[0]).toBe('bob’s echo');
    expect(healthy).toBe(roundTrips.length);
    aliceSocket.close();
    bobSocket.close();

    await relay.stop();
    relay = await RunningRelay.start(dataDir);
    const tablet = connect(relay.syncUrl, alice);
    await synced(tablet);
    const whole = Buffer.from(Y.encodeStateVector(large.doc));
    await eventually(() => whole.equals(Y.encodeStateVector(tablet.doc)));
    tablet.destroy();
  }, 180_000);

  it('[R3][B5] a large ledger’s version is restored off the event loop: another ledger’s echoes come first, and every device gets the records back', async () => {
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const bob = await register(relay.httpUrl, 'bob@example.com');
    const large = typicalLedger(12_000, { random: new SeededRandom(12_001) });
    const aliceSocket = await openSyncSocket(relay.syncUrl, alice);
    const isUpdate = (data: Buffer): boolean => data[0] === 0 && data[1] === 2;
    let aliceUpdates = 0;
    aliceSocket.on('message', (data: Buffer) => {
      if (isUpdate(data)) aliceUpdates++;
    });
    aliceSocket.send(encodeSyncStep2(Y.encodeStateAsUpdate(large.doc)));
    await eventually(() => aliceUpdates === 1);

    // A mass delete: the ledger as it stood before is kept as a version (R1).
    const stored = Y.encodeStateVector(large.doc);
    const deleted = large.transactions.list().slice(0, 2_000);
    large.transact(() => {
      for (const transaction of deleted) large.transactions.delete(transaction.id);
    });
    aliceSocket.send(updateMessage(Y.encodeStateAsUpdate(large.doc, stored)));
    await eventually(() => aliceUpdates === 2);
    const versions = (await (
      await fetch(`${relay.httpUrl}/api/ledgers/${alice.docId}/versions`, {
        headers: { authorization: `Bearer ${alice.accessToken}` },
      })
    ).json()) as { versionId: string }[];
    const [beforeDelete] = versions;
    if (beforeDelete === undefined) throw new Error('the relay kept no version before the mass delete');

    const writer = ledgerOf(new Y.Doc());
    const accountId = writer.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const frames: Uint8Array[] = [];
    writer.doc.on('update', (update: Uint8Array) => frames.push(updateMessage(update)));
    const bobSocket = await openSyncSocket(relay.syncUrl, bob);
    const heard: string[] = [];
    bobSocket.on('message', (data: Buffer) => {
      if (isUpdate(data)) heard.push('bob’s echo');
    });
    aliceSocket.on('message', (data: Buffer) => {
      if (isUpdate(data)) heard.push('alice’s ledger restored');
    });
    bobSocket.send(updateMessage(Y.encodeStateAsUpdate(writer.doc)));
    await eventually(() => heard.length === 1);
    heard.length = 0;

    const restore = fetch(`${relay.httpUrl}/api/ledgers/${alice.docId}/versions/${beforeDelete.versionId}/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.accessToken}` },
    });
    const restored = (): boolean => heard.includes('alice’s ledger restored');
    for (let i = 1; !restored(); i++) {
      const echoes = heard.filter((event) => event === 'bob’s echo').length;
      writer.transactions.create({ date: '2026-11-26', amount: -i, currency: 'EUR', accountId });
      const frame = frames.shift();
      if (frame === undefined) throw new Error('the ledger API made no update');
      bobSocket.send(frame);
      await eventually(() => restored() || heard.filter((event) => event === 'bob’s echo').length > echoes);
    }
    const reply = await restore;
    expect({ status: reply.status, body: await reply.json() }).toEqual({ status: 200, body: { records: 2_000 } });
    expect(heard[0]).toBe('bob’s echo');
    aliceSocket.close();
    bobSocket.close();

    // Every record is back for a device that syncs now, and after a restart.
    const laptop = connect(relay.syncUrl, alice);
    await synced(laptop);
    await eventually(() => ledgerOf(laptop.doc).transactions.list().length === 12_000);
    laptop.destroy();
    await relay.stop();
    relay = await RunningRelay.start(dataDir);
    const tablet = connect(relay.syncUrl, alice);
    await synced(tablet);
    await eventually(() => ledgerOf(tablet.doc).transactions.list().length === 12_000);
    tablet.destroy();
  });
});
