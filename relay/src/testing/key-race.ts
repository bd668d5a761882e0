import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';

/** Which of the keys a relay keeps in its data directory the runners load or create. */
export type KeyKind = 'signing' | 'vapid';

export interface KeyRaceOrders {
  readonly kind: KeyKind;
  readonly dataDirs: readonly string[];
  /** One counter per round: the runners that have reached it. */
  readonly arrivals: SharedArrayBuffer;
  readonly runners: number;
}

/** What one runner got in one round: the key it read (as text), or the error it stopped with. */
export type KeyRaceOutcome = { readonly key: string } | { readonly error: string };

export interface KeyRace {
  readonly dataDirs: readonly string[];
  /** `outcomes[runner][round]`. */
  readonly outcomes: readonly (readonly KeyRaceOutcome[])[];
}

/**
 * `runners` threads, like relays started at the same moment on one shared key volume, each load or
 * create the `kind` key in the same empty data directory, released together, for `rounds` fresh
 * directories.
 */
export async function raceKeyCreation(kind: KeyKind, runners: number, rounds: number): Promise<KeyRace> {
  const parent = mkdtempSync(join(tmpdir(), 'tally-key-race-'));
  const dataDirs = Array.from({ length: rounds }, (_, round) => mkdtempSync(join(parent, `round-${round}-`)));
  const arrivals = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * rounds);
  const orders: KeyRaceOrders = { kind, dataDirs, arrivals, runners };
  const outcomes = await Promise.all(
    Array.from({ length: runners }, () =>
      outcomesOf(startWorker(import.meta.url, 'key-race-worker', { workerData: orders })),
    ),
  );
  return { dataDirs, outcomes };
}

function outcomesOf(worker: Worker): Promise<KeyRaceOutcome[]> {
  return new Promise((resolve, reject) => {
    worker.once('message', (outcomes: KeyRaceOutcome[]) => {
      resolve(outcomes);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
