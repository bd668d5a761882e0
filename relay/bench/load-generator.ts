/**
 * The load generator, run as its own process on loopback so it never shares a CPU queue with
 * the server it measures. Usage: load-generator.ts <fanout|idle|cold> <plan.json>.
 * Prints one JSON line of results; every phase is bounded in count, and the process in time.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Ledger } from '@tally/schema';
import { SeededRandom } from '@tally/schema/testing';
import * as Y from 'yjs';
import { encodeUpdate } from '../src/sync/sync-message.js';
import { BenchClient } from './bench-client.js';
import { UpdateTrail } from './update-trail.js';

export interface BenchDoc {
  readonly url: string;
  /** Where the document's peer connects, when not to `url`: another relay on the same database. */
  readonly peerUrl?: string;
}

export interface LoadPlan {
  readonly docs: readonly BenchDoc[];
  readonly throughputUpdatesPerDoc: number;
  readonly windowPerDoc: number;
  readonly latencyUpdates: number;
  readonly latencyUpdatesPerSecond: number;
  readonly idleSockets: number;
  readonly timeLimitMs: number;
}

const [scenario, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile ?? '', 'utf8')) as LoadPlan;
setTimeout(() => {
  console.error(`load generator: ${scenario} did not finish within ${plan.timeLimitMs} ms`);
  process.exit(2);
}, plan.timeLimitMs).unref();

/** One writer's updates to a document, as messages to send, and the trail a peer follows them by. */
interface WriterUpdates {
  readonly messages: readonly Uint8Array[];
  readonly trail: UpdateTrail;
}

/**
 * A chain of small updates, as a device typing transactions through the ledger API produces
 * them: an account, then one transaction each. Tally's relay judges every one with the ledger's
 * guard (SPEC V1), so the load is one it accepts.
 */
function updatesFor(count: number, tag: number): WriterUpdates {
  const ledger = new Ledger(new Y.Doc(), { random: new SeededRandom(tag + 1) });
  const updates: Uint8Array[] = [];
  ledger.doc.on('update', (update: Uint8Array) => updates.push(update));
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  for (let i = 1; updates.length < count; i++)
    ledger.transactions.create({ date: '2026-11-25', amount: -i, currency: 'EUR', accountId, payee: 'Bakery' });
  return { messages: updates.map(encodeUpdate), trail: new UpdateTrail(ledger.doc.clientID, updates) };
}

async function inBatches<T>(count: number, batch: number, open: (index: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = [];
  for (let i = 0; i < count; i += batch) {
    opened.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => open(i + j)))));
  }
  return opened;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function fanout(): Promise<Record<string, number>> {
  const latencyUpdatesPerDoc = Math.ceil(plan.latencyUpdates / plan.docs.length);
  const pairs = await inBatches(plan.docs.length, 100, async (index) => {
    const url = plan.docs[index]?.url ?? '';
    const { messages, trail } = updatesFor(plan.throughputUpdatesPerDoc + latencyUpdatesPerDoc, index);
    const [sender, peer] = await Promise.all([
      BenchClient.open(url, trail),
      BenchClient.open(plan.docs[index]?.peerUrl ?? url, trail),
    ]);
    await Promise.all([sender.sync(), peer.sync()]);
    return { sender, peer, messages };
  });

  // Throughput: every sender keeps `windowPerDoc` updates in flight, paced by its own echo.
  const total = pairs.length * plan.throughputUpdatesPerDoc;
  let delivered = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    for (const pair of pairs) {
      let sent = 0;
      const sendNext = (): void => {
        const message = pair.messages[sent];
        if (sent >= plan.throughputUpdatesPerDoc || message === undefined) return;
        sent++;
        pair.sender.send(message);
      };
      pair.sender.onUpdates = (from, to) => {
        for (let i = from; i < to; i++) sendNext();
      };
      pair.peer.onUpdates = (from, to) => {
        delivered += to - from;
        if (delivered === total) resolve();
      };
      for (let i = 0; i < plan.windowPerDoc; i++) sendNext();
    }
  });
  const throughputSeconds = (performance.now() - started) / 1000;

  // Latency: a steady total rate spread over all documents, timed sender → peer; an update that
  // reaches the peer merged with others (a repaired gap, SPEC C2) is timed to when that one arrived.
  const latencies: number[] = [];
  const sentAt = pairs.map(() => new Map<number, number>());
  pairs.forEach((pair, index) => {
    pair.sender.onUpdates = () => {};
    pair.peer.onUpdates = (from, to) => {
      const now = performance.now();
      for (let i = from; i < to; i++) {
        const at = sentAt[index]?.get(i);
        if (at !== undefined) latencies.push(now - at);
      }
    };
  });
  const next = pairs.map(() => plan.throughputUpdatesPerDoc);
  const interval = 1000 / plan.latencyUpdatesPerSecond;
  const latencyStart = performance.now();
  let latencySent = 0;
  for (let i = 0; i < plan.latencyUpdates; i++) {
    // Waited for asleep: a generator spinning until each send's moment takes a core from the relay
    // it measures. A send a timer's granularity late is timed from when it went.
    const wait = latencyStart + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const index = i % pairs.length;
    const pair = pairs[index];
    const position = next[index] ?? 0;
    const message = pair?.messages[position];
    if (pair === undefined || message === undefined) continue;
    next[index] = position + 1;
    sentAt[index]?.set(position, performance.now());
    latencySent++;
    pair.sender.send(message);
  }
  while (latencies.length < latencySent) await new Promise((resolve) => setTimeout(resolve, 5));
  latencies.sort((a, b) => a - b);
  await Promise.all(pairs.flatMap((pair) => [pair.sender.close(), pair.peer.close()]));
  return {
    updatesPerSecond: total / throughputSeconds,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
  };
}

async function idle(): Promise<Record<string, number>> {
  const clients = await inBatches(plan.idleSockets, 200, async (index) => {
    const client = await BenchClient.open(plan.docs[index % plan.docs.length]?.url ?? '');
    await client.sync();
    return client;
  });
  console.log(JSON.stringify({ ready: clients.length }));
  // Hold the sockets until the orchestrator has read the server's memory.
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  await Promise.all(clients.map((client) => client.close()));
  return { sockets: clients.length };
}

async function cold(): Promise<Record<string, number>> {
  const started = performance.now();
  const client = await BenchClient.open(plan.docs[0]?.url ?? '');
  await client.sync();
  const coldLoadMs = performance.now() - started;
  await client.close();
  return { coldLoadMs };
}

const scenarios = { fanout, idle, cold } as const;
const run = scenarios[scenario as keyof typeof scenarios];
if (run === undefined) throw new Error(`unknown scenario ${scenario}`);
console.log(JSON.stringify({ result: await run() }));
process.exit(0);
