import { parentPort, workerData } from 'node:worker_threads';
import { loadOrCreateSigningKey } from '../auth/signing-key.js';
import { loadOrCreateVapidKeys } from '../push/vapid-keys.js';
import type { KeyRaceOrders, KeyRaceOutcome } from './key-race.js';

const { kind, dataDirs, arrivals, runners } = workerData as KeyRaceOrders;
const arrived = new Int32Array(arrivals);

function load(dataDir: string): string {
  if (kind === 'signing') return Buffer.from(loadOrCreateSigningKey(dataDir)).toString('base64url');
  return loadOrCreateVapidKeys(dataDir).privateKey;
}

const outcomes = dataDirs.map((dataDir, round): KeyRaceOutcome => {
  Atomics.add(arrived, round, 1);
  // Spin rather than wait: every runner leaves the barrier in the same instant, as relays started together do.
  while (Atomics.load(arrived, round) < runners) {}
  try {
    return { key: load(dataDir) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
});
parentPort?.postMessage(outcomes);
