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

/**
 * A chain of small update messages, as a device typing transactions through the ledger API
 * produces them: an account, then one transaction each. Tally's relay judges every one with the
 * ledger's guard (SPEC V1), so the load is one it accepts.
 */
function updatesFor(count: number, tag: number): Uint8Array[] {
  const ledger = new Ledger(new Y.Doc(), { random: new SeededRandom(tag + 1) });
  const updates: Uint8Array[] = [];
  ledger.doc.on('update', (update: Uint8Array) => updates.push(encodeUpdate(update)));
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  for (let i = 1; updates.length < count; i++)
    ledger.transactions.create({ date: '2026-11-25', amount: -i, currency: 'EUR', accountId, payee: 'Bakery' });
  return updates;
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
  const pairs = await inBatches(plan.docs.length, 100, async (index) => {
    const url = plan.docs[index]?.url ?? '';
    const [sender, peer] = await Promise.all([
      BenchClient.open(url),
      BenchClient.open(plan.docs[index]?.peerUrl ?? url),
    ]);
    await Promise.all([sender.sync(), peer.sync()]);
    const latencyUpdatesPerDoc = Math.ceil(plan.latencyUpdates / plan.docs.length);
    return { sender, peer, updates: updatesFor(plan.throughputUpdatesPerDoc + latencyUpdatesPerDoc, index) };
  });

  // Throughput: every sender keeps `windowPerDoc` updates in flight, paced by its own echo.
  const total = pairs.length * plan.throughputUpdatesPerDoc;
  let delivered = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    for (const pair of pairs) {
      let sent = 0;
      const sendNext = (): void => {
        const update = pair.updates[sent];
        if (sent >= plan.throughputUpdatesPerDoc || update === undefined) return;
        sent++;
        pair.sender.send(update);
      };
      pair.sender.onUpdate = sendNext;
      pair.peer.onUpdate = () => {
        if (++delivered === total) resolve();
      };
      for (let i = 0; i < plan.windowPerDoc; i++) sendNext();
    }
  });
  const throughputSeconds = (performance.now() - started) / 1000;

  // Latency: a steady total rate spread over all documents, timed sender → peer.
  const latencies: number[] = [];
  const pending = pairs.map(() => [] as number[]);
  pairs.forEach((pair, index) => {
    pair.sender.onUpdate = () => {};
    pair.peer.onUpdate = () => {
      const sentAt = pending[index]?.shift();
      if (sentAt !== undefined) latencies.push(performance.now() - sentAt);
    };
  });
  const next = pairs.map(() => plan.throughputUpdatesPerDoc);
  const interval = 1000 / plan.latencyUpdatesPerSecond;
  const latencyStart = performance.now();
  for (let i = 0; i < plan.latencyUpdates; i++) {
    const due = latencyStart + i * interval;
    while (performance.now() < due) await new Promise((resolve) => setImmediate(resolve));
    const index = i % pairs.length;
    const pair = pairs[index];
    const update = pair?.updates[next[index] ?? 0];
    if (pair === undefined || update === undefined) continue;
    next[index] = (next[index] ?? 0) + 1;
    pending[index]?.push(performance.now());
    pair.sender.send(update);
  }
  while (latencies.length < plan.latencyUpdates) await new Promise((resolve) => setTimeout(resolve, 5));
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
