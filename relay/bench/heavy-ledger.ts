/**
 * A large ledger's heavy moments, watched from another process: a device's first sync of it, its
 * next edit (a mass delete, which keeps the ledger's first version), a restore of that version
 * and the unload that folds its log into a snapshot (SPEC B5, R1, R3, P4). Meanwhile another
 * ledger's device sends an edit every 20 ms and times its echo, and `/health` is asked again as
 * soon as it answers. Usage: heavy-ledger.ts <plan.json>; prints one JSON line of results.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Ledger } from '@tally/schema';
import { SeededRandom } from '@tally/schema/testing';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeSyncStep2, encodeUpdate } from '../src/sync/sync-message.js';
import { type HeavyPlan, heavyPhases } from './heavy-plan.js';

type Phase = (typeof heavyPhases)[number];

const [planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile ?? '', 'utf8')) as HeavyPlan;
setTimeout(() => {
  console.error(`heavy ledger: did not finish within ${plan.timeLimitMs} ms`);
  process.exit(2);
}, plan.timeLimitMs).unref();

interface Session {
  readonly docId: string;
  readonly accessToken: string;
}

async function register(email: string): Promise<Session> {
  const response = await fetch(`${plan.httpUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'benchmark password', deviceName: 'bench' }),
  });
  if (response.status !== 201) throw new Error(`registering ${email}: ${response.status}`);
  return (await response.json()) as Session;
}

function open(session: Session): Promise<WebSocket> {
  const url = `${plan.httpUrl.replace('http', 'ws')}/sync/${session.docId}?token=${session.accessToken}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 2 ** 20 });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with the next update message the socket receives (type 0, sync type 2). */
function nextUpdate(socket: WebSocket): Promise<void> {
  return new Promise((resolve) =>
    socket.on('message', function onMessage(data: Buffer) {
      if (data[0] !== 0 || data[1] !== 2) return;
      socket.off('message', onMessage);
      resolve();
    }),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const firstSync = new Uint8Array(readFileSync(plan.firstSyncFile));
const massDelete = new Uint8Array(readFileSync(plan.massDeleteFile));
const alice = await register(`heavy-${Date.now()}@bench.example`);
const bob = await register(`echo-${Date.now()}@bench.example`);

let phase: Phase = 'before';
const echoes = new Map<Phase, number[]>();
const healthWaits = new Map<Phase, number[]>();
const record = (into: Map<Phase, number[]>, at: Phase, ms: number): void => {
  into.set(at, [...(into.get(at) ?? []), ms]);
};

// Bob edits his ledger every 20 ms and times each echo; a wait counts in the phase it began in.
const bobSocket = await open(bob);
const bobLedger = new Ledger(new Y.Doc(), { random: new SeededRandom(7) });
const bobFrames: Uint8Array[] = [];
bobLedger.doc.on('update', (update: Uint8Array) => bobFrames.push(encodeUpdate(update)));
const accountId = bobLedger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
let watching = true;
const bobLoop = (async () => {
  for (let i = 1; watching; i++) {
    bobLedger.transactions.create({ date: '2026-11-25', amount: -i, currency: 'EUR', accountId });
    const began = phase;
    const sentAt = performance.now();
    const echoed = nextUpdate(bobSocket);
    for (const frame of bobFrames.splice(0)) bobSocket.send(frame);
    await echoed;
    record(echoes, began, performance.now() - sentAt);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();
let docsLoaded = 0;
const healthLoop = (async () => {
  while (watching) {
    const began = phase;
    const sentAt = performance.now();
    const health = (await (await fetch(`${plan.httpUrl}/health`)).json()) as { docsLoaded: number };
    docsLoaded = health.docsLoaded;
    record(healthWaits, began, performance.now() - sentAt);
  }
})();
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 500));
await settle();

const aliceSocket = await open(alice);
phase = 'first sync';
let stored = nextUpdate(aliceSocket);
aliceSocket.send(encodeSyncStep2(firstSync));
await stored;
await settle();

phase = 'mass delete';
stored = nextUpdate(aliceSocket);
aliceSocket.send(encodeUpdate(massDelete));
await stored;
await settle();

const authorization = { authorization: `Bearer ${alice.accessToken}` };
const versions = (await (
  await fetch(`${plan.httpUrl}/api/ledgers/${alice.docId}/versions`, { headers: authorization })
).json()) as { versionId: string }[];
const version = versions[0]?.versionId ?? '';
phase = 'restore';
const restore = await fetch(`${plan.httpUrl}/api/ledgers/${alice.docId}/versions/${version}/restore`, {
  method: 'POST',
  headers: authorization,
});
const { records } = (await restore.json()) as { records: number };
await settle();

const loadedBefore = docsLoaded;
phase = 'unload';
aliceSocket.close();
while (docsLoaded >= loadedBefore) await new Promise((resolve) => setTimeout(resolve, 5));
watching = false;
await Promise.all([bobLoop, healthLoop]);
bobSocket.close();

const result: Record<string, number> = { restoredRecords: records };
for (const name of heavyPhases) {
  const waits = [...(healthWaits.get(name) ?? [])].sort((a, b) => a - b);
  const trips = [...(echoes.get(name) ?? [])].sort((a, b) => a - b);
  result[`${name}: longest /health wait`] = waits.at(-1) ?? Number.NaN;
  result[`${name}: other ledger's echo p99`] = percentile(trips, 99);
  result[`${name}: other ledger's echoes`] = trips.length;
}
console.log(JSON.stringify({ result }));
process.exit(0);
