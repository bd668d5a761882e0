/**
 * `npm run bench` in relay/: Tally's relay against the reference y-websocket server
 * (`@y/websocket-server`) under the same load, in the same run, each in its own process, with
 * the load generator in a third. Prints both figures, the ratio, and the budget (docs/architecture.md, Budgets).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SeededRandom, typicalLedger } from '@tally/schema/testing';
import * as Y from 'yjs';
import { RELAY_NODE_FLAGS } from '../src/relay-node-flags.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { type HeavyPlan, heavyPhases } from './heavy-plan.js';
import type { BenchDoc, LoadPlan } from './load-generator.js';
import { SharedServers } from './several-relays.js';
import { measureUploadThroughput } from './upload-throughput.js';
import { measureValidationCost } from './validation-cost.js';

type ServerKind = 'tally' | 'reference';

const relayDir = fileURLToPath(new URL('..', import.meta.url));
const docs = Number(process.env.BENCH_DOCS ?? 1000);
const idleSockets = Number(process.env.BENCH_IDLE_SOCKETS ?? 10_000);
const coldTransactions = Number(process.env.BENCH_COLD_TRANSACTIONS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
/** With BENCH_CASES (a comma-separated list of `fanout`, `memory`, `heavy`, `guard`, `relays`, `upload`; the app's names are passed over), only those run. */
const cases = new Set((process.env.BENCH_CASES ?? 'fanout,memory,heavy,guard,relays,upload').split(','));
/** How many of the cold-load ledger's transactions the heavy case's device deletes at once. */
const massDeleted = 10_000;
/** With BENCH_PROFILE_DIR, each run of Tally's relay writes a CPU profile there (`node --cpu-prof`). */
const profileDir = process.env.BENCH_PROFILE_DIR;
const profileArgs = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
const basePlan: Omit<LoadPlan, 'docs'> = {
  throughputUpdatesPerDoc: 40,
  windowPerDoc: 4,
  latencyUpdates: 5_000,
  latencyUpdatesPerSecond: 500,
  idleSockets,
  timeLimitMs: 180_000,
};

/**
 * The several-relays case: fewer updates per document in its throughput phase, as every one
 * crosses PostgreSQL and, with two relays, Redis; more time, for a machine with other work on it.
 */
const relaysPlan: Omit<LoadPlan, 'docs'> = { ...basePlan, throughputUpdatesPerDoc: 10, timeLimitMs: 600_000 };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

class ServerProcess {
  private constructor(
    readonly kind: ServerKind,
    readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async start(kind: ServerKind, dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const port = await freePort();
    const args =
      kind === 'tally'
        ? [...RELAY_NODE_FLAGS, ...profileArgs, join(relayDir, 'dist', 'server.js')]
        : ['--import', 'tsx', join(relayDir, 'bench', 'reference-server.ts')];
    const child = spawn(process.execPath, args, {
      cwd: relayDir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SNAPSHOT_DIR: dataDir,
        LOG_LEVEL: 'warn',
        PASSWORD_COST: '1024',
        AUTH_REQUESTS_PER_MINUTE: '1000000',
        UPGRADES_PER_MINUTE: '1000000',
        ACCESS_TOKEN_TTL_SECONDS: '3600',
        // The idle phase opens ten sockets per device, more than a device's tabs ever hold (SPEC B3).
        SOCKETS_PER_DEVICE: '1000',
        ...env,
      },
    });
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        return new ServerProcess(kind, child, port, dataDir);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  rssMiB(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return kib / 1024;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

async function benchDocs(server: ServerProcess, count: number, prefix: string): Promise<BenchDoc[]> {
  if (server.kind === 'reference') {
    return Array.from({ length: count }, (_, i) => ({ url: `ws://127.0.0.1:${server.port}/${prefix}-${i}` }));
  }
  const registered: BenchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `${prefix}-${i}@bench.example`,
        password: 'benchmark password',
        deviceName: 'bench',
      }),
    });
    const session = (await response.json()) as { docId: string; accessToken: string };
    registered.push({ url: `ws://127.0.0.1:${server.port}/sync/${session.docId}?token=${session.accessToken}` });
  }
  return registered;
}

interface LoadRun {
  readonly lines: AsyncIterator<string>;
  readonly child: ChildProcess;
}

function startLoad(scenario: string, plan: LoadPlan, workDir: string, planName = scenario): LoadRun {
  const planFile = join(workDir, `plan-${planName}.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(relayDir, 'bench', 'load-generator.ts'), scenario, planFile],
    {
      cwd: relayDir,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  if (child.stdout === null) throw new Error('the load generator has no output stream');
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

interface LoadLine {
  readonly ready?: number;
  readonly result?: Record<string, number>;
}

async function nextJson(run: LoadRun): Promise<LoadLine> {
  const line = await run.lines.next();
  if (line.done === true) throw new Error('the load generator stopped without a result');
  return JSON.parse(line.value) as LoadLine;
}

/** How soon Tally's relay unloads a document after the fan-out run's clients leave it. */
const unloadAfterMs = 1000;

/** A process that keeps one core busy, as another service on the same machine would. */
function startBusyNeighbour(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/**
 * One fan-out run against a fresh server, then its latency run again with a busy neighbour
 * process on the machine; the busy run's figures are named `busyLatencyP50Ms` and `busyLatencyP99Ms`.
 */
async function measureFanout(kind: ServerKind, workDir: string): Promise<Record<string, number>> {
  const server = await ServerProcess.start(kind, mkdtempSync(join(workDir, `${kind}-fanout-`)), {
    UNLOAD_AFTER_MS: String(unloadAfterMs),
  });
  const quietPlan = { ...basePlan, docs: await benchDocs(server, docs, 'fanout') };
  const busyPlan = { ...basePlan, docs: await benchDocs(server, docs, 'fanout-busy') };
  const quiet = (await nextJson(startLoad('fanout', quietPlan, workDir))).result ?? {};
  // The quiet run's documents are unloaded, their logs folded, before the busy run starts.
  await new Promise((resolve) => setTimeout(resolve, 5 * unloadAfterMs));
  const neighbour = startBusyNeighbour();
  try {
    const busy = (await nextJson(startLoad('fanout', busyPlan, workDir, 'fanout-busy'))).result ?? {};
    return {
      ...quiet,
      busyLatencyP50Ms: busy.latencyP50Ms ?? Number.NaN,
      busyLatencyP99Ms: busy.latencyP99Ms ?? Number.NaN,
    };
  } finally {
    await stopProcess(neighbour);
    await server.stop();
  }
}

/** The least disturbed of `rounds` runs of each server, alternating, so a busy moment on a shared machine hits both alike. */
async function bestFanout(workDir: string): Promise<Record<ServerKind, Record<string, number>>> {
  const runs: Record<ServerKind, Record<string, number>[]> = { tally: [], reference: [] };
  for (let round = 0; round < rounds; round++) {
    for (const kind of ['tally', 'reference'] as const) runs[kind].push(await measureFanout(kind, workDir));
  }
  const best = (kind: ServerKind): Record<string, number> =>
    runs[kind].reduce((a, b) => ((a.updatesPerSecond ?? 0) >= (b.updatesPerSecond ?? 0) ? a : b));
  return { tally: best('tally'), reference: best('reference') };
}

/**
 * Fan-out on PostgreSQL and Redis (SPEC C1): both peers of each document on one relay, then the
 * sender on one relay and the peer on another, so every update crosses Redis. Same machine, same
 * load: the ratio is what the hop through Redis costs here, not what a second machine would add.
 */
async function severalRelays(workDir: string): Promise<void> {
  const shared = await SharedServers.start();
  try {
    const run = async (relays: 1 | 2): Promise<Record<string, number>> => {
      const dataDir = mkdtempSync(join(workDir, `tally-relays-${relays}-`));
      const env = { DATABASE_URL: await shared.newDatabase(), REDIS_URL: shared.redisUrl };
      const first = await ServerProcess.start('tally', dataDir, env);
      // The second relay shares the first one's data directory: the same signing key.
      const second = relays === 2 ? await ServerProcess.start('tally', dataDir, env) : first;
      const docsHere = (await benchDocs(first, docs, `relays-${relays}`)).map((doc) => ({
        url: doc.url,
        peerUrl: doc.url.replace(`127.0.0.1:${first.port}`, `127.0.0.1:${second.port}`),
      }));
      try {
        return (await nextJson(startLoad('fanout', { ...relaysPlan, docs: docsHere }, workDir))).result ?? {};
      } finally {
        await Promise.all([...new Set([first, second])].map((server) => server.stop()));
      }
    };
    const one = await run(1);
    const two = await run(2);
    console.log('');
    console.log(
      `fan-out on PostgreSQL and Redis, ${docs} docs × 2 clients (each relay holds one of each document's), one machine; the bench's PostgreSQL runs with fsync off`,
    );
    console.log(['measure', 'one relay', 'two relays (peer on the other)', 'two ÷ one'].join(' | '));
    for (const [label, key] of [
      ['throughput (updates/s)', 'updatesPerSecond'],
      ['p50 sender→peer at 500 updates/s (ms)', 'latencyP50Ms'],
      ['p99 sender→peer at 500 updates/s (ms)', 'latencyP99Ms'],
    ] as const) {
      const a = one[key] ?? Number.NaN;
      const b = two[key] ?? Number.NaN;
      console.log([label, a.toFixed(2), b.toFixed(2), (b / a).toFixed(2)].join(' | '));
    }
  } finally {
    await shared.stop();
  }
}

async function measure(kind: ServerKind, workDir: string, snapshot: Uint8Array): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const dataDir = (name: string): string => mkdtempSync(join(workDir, `${kind}-${name}-`));
  let server = await ServerProcess.start(kind, dataDir('idle'));
  const idleDocs = await benchDocs(server, Math.min(docs, idleSockets), 'idle');
  results.rssBeforeIdleMiB = server.rssMiB();
  const idle = startLoad('idle', { ...basePlan, docs: idleDocs }, workDir);
  await nextJson(idle);
  results.rssIdleMiB = server.rssMiB();
  idle.child.stdin?.write('done\n');
  await nextJson(idle);
  await server.stop();

  const coldRuns: number[] = [];
  const coldDir = dataDir('cold');
  let coldDocs: BenchDoc[] = [];
  if (kind === 'tally') {
    server = await ServerProcess.start(kind, coldDir);
    const [doc] = await benchDocs(server, 1, 'cold');
    await server.stop();
    const docId = /\/sync\/([^?]+)/.exec(doc?.url ?? '')?.[1] ?? '';
    const storage = new SqliteStorage(join(coldDir, 'tally.db'));
    await storage.documents.compact(docId, snapshot, Y.encodeStateVectorFromUpdate(snapshot), 0);
    await storage.close();
    coldDocs = [doc ?? { url: '' }];
  } else {
    writeFileSync(join(coldDir, 'bench-cold.bin'), snapshot);
  }
  for (let i = 0; i < 3; i++) {
    server = await ServerProcess.start(kind, coldDir);
    const docsForRun =
      kind === 'tally'
        ? coldDocs.map((doc) => ({ url: doc.url.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${server.port}`) }))
        : [{ url: `ws://127.0.0.1:${server.port}/bench-cold` }];
    coldRuns.push(
      (await nextJson(startLoad('cold', { ...basePlan, docs: docsForRun }, workDir))).result?.coldLoadMs ?? Number.NaN,
    );
    await server.stop();
  }
  results.coldLoadMs = coldRuns.sort((a, b) => a - b)[1] ?? Number.NaN;
  return results;
}

/**
 * A large ledger's heavy moments (SPEC B5) on Tally's relay, watched by another process: how long
 * `/health` waited at most — the longest the relay's event loop was held, give or take a loopback
 * round trip — and another ledger's echoes, in each phase.
 */
async function heavyLedger(workDir: string, firstSync: Uint8Array, massDelete: Uint8Array): Promise<void> {
  // Unloading soon after the device leaves makes the fold into a snapshot part of the run.
  const server = await ServerProcess.start('tally', mkdtempSync(join(workDir, 'tally-heavy-')), {
    UNLOAD_AFTER_MS: '1000',
  });
  const plan: HeavyPlan = {
    httpUrl: `http://127.0.0.1:${server.port}`,
    firstSyncFile: join(workDir, 'heavy-first-sync.bin'),
    massDeleteFile: join(workDir, 'heavy-mass-delete.bin'),
    timeLimitMs: 300_000,
  };
  writeFileSync(plan.firstSyncFile, firstSync);
  writeFileSync(plan.massDeleteFile, massDelete);
  const planFile = join(workDir, 'plan-heavy.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(relayDir, 'bench', 'heavy-ledger.ts'), planFile],
    { cwd: relayDir, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.stdout === null) throw new Error('the heavy-ledger client has no output stream');
  const run: LoadRun = { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
  const result = (await nextJson(run)).result ?? {};
  await server.stop();
  console.log('');
  console.log(
    `a ${(firstSync.byteLength / 2 ** 20).toFixed(1)} MiB ledger on Tally's relay: its first sync, a mass delete of ${massDeleted} transactions (keeping a version), a restore of that version (${result.restoredRecords} records), its unload`,
  );
  console.log(['phase', 'longest /health wait (ms)', "another ledger's echo p99 (ms)", 'echoes', 'budget'].join(' | '));
  for (const phase of heavyPhases) {
    const figure = (what: string): number => result[`${phase}: ${what}`] ?? Number.NaN;
    console.log(
      [
        phase,
        figure('longest /health wait').toFixed(1),
        figure("other ledger's echo p99").toFixed(1),
        figure("other ledger's echoes"),
        phase === 'before' ? '' : '≤ 100 ms',
      ].join(' | '),
    );
  }
}

const rows: { label: string; key: string; better: 'higher' | 'lower'; budget: string }[] = [
  {
    label: `fan-out throughput, ${docs} docs × 2 clients (updates/s, best of ${rounds})`,
    key: 'updatesPerSecond',
    better: 'higher',
    budget: '≥ 1.5× reference',
  },
  {
    label: 'p50 sender→peer latency at 500 updates/s (ms, same run)',
    key: 'latencyP50Ms',
    better: 'lower',
    budget: '',
  },
  {
    label: 'p99 sender→peer latency at 500 updates/s (ms, same run)',
    key: 'latencyP99Ms',
    better: 'lower',
    budget: '≤ 5 ms and ≤ 2× reference',
  },
  {
    label: 'p50 sender→peer latency at 500 updates/s with a busy neighbour process (ms, same run)',
    key: 'busyLatencyP50Ms',
    better: 'lower',
    budget: '',
  },
  {
    label: 'p99 sender→peer latency at 500 updates/s with a busy neighbour process (ms, same run)',
    key: 'busyLatencyP99Ms',
    better: 'lower',
    budget: '≤ 5 ms and ≤ 2× reference',
  },
  { label: `RSS with ${idleSockets} idle sockets (MiB)`, key: 'rssIdleMiB', better: 'lower', budget: '≤ 1024 MiB' },
  { label: 'RSS before those sockets (MiB)', key: 'rssBeforeIdleMiB', better: 'lower', budget: '' },
  {
    label: `cold load of a ${coldTransactions}-transaction ledger to first sync reply (ms, median of 3)`,
    key: 'coldLoadMs',
    better: 'lower',
    budget: '≤ 300 ms',
  },
];

const workDir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
try {
  console.log(`building a ${coldTransactions}-transaction ledger for the cold-load measurement…`);
  const ledger = typicalLedger(coldTransactions, { random: new SeededRandom(coldTransactions) });
  const snapshot = Y.encodeStateAsUpdate(ledger.doc);
  console.log(`ledger snapshot: ${(snapshot.byteLength / 2 ** 20).toFixed(1)} MiB`);
  if (cases.has('fanout') || cases.has('memory')) {
    const fanout = cases.has('fanout') ? await bestFanout(workDir) : { tally: {}, reference: {} };
    const tally = { ...fanout.tally, ...(cases.has('memory') ? await measure('tally', workDir, snapshot) : {}) };
    const reference = {
      ...fanout.reference,
      ...(cases.has('memory') ? await measure('reference', workDir, snapshot) : {}),
    };
    console.log('');
    console.log(['measure', 'tally', '@y/websocket-server', 'tally ÷ reference', 'budget'].join(' | '));
    for (const row of rows.filter(({ key }) => key in tally)) {
      const ours = tally[row.key] ?? Number.NaN;
      const theirs = reference[row.key] ?? Number.NaN;
      console.log([row.label, ours.toFixed(2), theirs.toFixed(2), (ours / theirs).toFixed(2), row.budget].join(' | '));
    }
  }
  if (cases.has('heavy')) {
    const before = Y.encodeStateVector(ledger.doc);
    ledger.transact(() => {
      for (const transaction of ledger.transactions.list().slice(0, massDeleted))
        ledger.transactions.delete(transaction.id);
    });
    await heavyLedger(workDir, snapshot, Y.encodeStateAsUpdate(ledger.doc, before));
  }
  if (cases.has('relays')) await severalRelays(workDir);
  if (cases.has('guard')) {
    const cost = measureValidationCost(snapshot, 1_000);
    console.log('');
    console.log(['measure', 'guard (SPEC V1)', 'Y.applyUpdate', 'guard ÷ apply'].join(' | '));
    console.log(
      [
        `per update, ${cost.updates} transactions created one by one on the ${coldTransactions}-transaction ledger (µs)`,
        cost.guardMicros.toFixed(1),
        cost.applyMicros.toFixed(1),
        (cost.guardMicros / cost.applyMicros).toFixed(2),
      ].join(' | '),
    );
  }
  if (cases.has('upload')) {
    const server = await ServerProcess.start('tally', mkdtempSync(join(workDir, 'uploads-')));
    try {
      const upload = await measureUploadThroughput(`http://127.0.0.1:${server.port}`, workDir);
      console.log('');
      console.log(['measure', 'relay (PUT /api/blobs)', 'direct disk writes', 'relay ÷ disk'].join(' | '));
      console.log(
        [
          `upload throughput on loopback, ${upload.files} files of ${(upload.megabytes / upload.files).toFixed(1)} MB one at a time (MB/s)`,
          upload.relayMBps.toFixed(1),
          upload.diskMBps.toFixed(1),
          (upload.relayMBps / upload.diskMBps).toFixed(2),
        ].join(' | '),
      );
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
