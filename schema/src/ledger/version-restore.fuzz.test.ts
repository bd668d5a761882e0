import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type LedgerSnapshot, ledgerSnapshot } from '../testing/convergence.js';
import { TestNetwork } from '../testing/test-network.js';
import { checkLedgerUpdate } from '../update-guard/index.js';
import { versionRestoreUpdate } from './version-restore.js';

const REPLICAS = 3;
const OPERATIONS = 200;
/** Only a guard against a hung run on a loaded machine; nothing here measures speed. */
const FUZZ_TIMEOUT_MS = 300_000;
const seedCount = Number(process.env.TALLY_FUZZ_SEEDS ?? (process.env.CI ? 16 : 4));
const firstSeed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);

function work(network: TestNetwork, operations: number): void {
  const { random } = network;
  for (let step = 0; step < operations; step += 1) {
    network.advance(random.int(0, 4_000));
    const fault = random.int(0, 99);
    if (fault < 4) network.disconnect(random.int(0, REPLICAS - 1));
    else if (fault < 10) network.reconnect(random.int(0, REPLICAS - 1));
    network.operate();
    network.deliver(random.int(0, 8));
  }
  network.settle();
}

/** Restores `version` as the relay would, from its own copy of the ledger, and sends the update to every replica. */
function restore(network: TestNetwork, version: Uint8Array): void {
  const [first] = network.replicas;
  if (!first) throw new Error('no replica');
  const relay = new Y.Doc();
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(first.doc));
  const { update, overruled } = versionRestoreUpdate(relay, version, { now: () => network.time });
  expect(overruled).toBe(0);
  // The relay's guard accepts a restore as it accepts any honest writer's edits.
  if (update) expect(checkLedgerUpdate(relay, update)).toMatchObject({ verdict: 'accepted' });
  for (const replica of network.replicas) if (update) Y.applyUpdate(replica.doc, update);
  network.settle();
  network.assertConverged();
}

/** The records of `then`, as `now` reads them: what a restore of `then` must give back. */
function recordsOf(now: LedgerSnapshot, then: LedgerSnapshot): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const [name, records] of Object.entries(then)) {
    const current = now[name as keyof LedgerSnapshot];
    for (const id of Object.keys(records)) read[`${name}/${id}`] = current[id];
  }
  return read;
}

function flatten(snapshot: LedgerSnapshot): Record<string, unknown> {
  return recordsOf(snapshot, snapshot);
}

describe('restore fuzz: 3 replicas, random operations before and after a version, offline spells', () => {
  it.each(seeds)(
    '[VER1][VER3] every replica reads each record of the version as it was, and restoring the later state undoes it (seed %i)',
    (seed) => {
      const network = new TestNetwork({ seed, replicas: REPLICAS, clockSkewMs: 2_000 });
      try {
        work(network, OPERATIONS);
        const [first] = network.replicas;
        if (!first) throw new Error('no replica');
        const version = Y.encodeStateAsUpdate(first.doc);
        const then = ledgerSnapshot(first.ledger);
        work(network, OPERATIONS);
        const later = Y.encodeStateAsUpdate(first.doc);
        const beforeRestore = ledgerSnapshot(first.ledger);
        // The operations since the version changed what it held, so the restore has work to do.
        expect(recordsOf(beforeRestore, then)).not.toEqual(flatten(then));

        network.advance(1_000);
        restore(network, version);
        for (const replica of network.replicas) {
          expect(recordsOf(ledgerSnapshot(replica.ledger), then)).toEqual(flatten(then));
        }

        network.advance(1_000);
        restore(network, later);
        for (const replica of network.replicas) {
          expect(recordsOf(ledgerSnapshot(replica.ledger), beforeRestore)).toEqual(flatten(beforeRestore));
        }
      } catch (error) {
        console.error(`restore fuzz failed with seed ${seed}; replay with TALLY_FUZZ_SEED=${seed} TALLY_FUZZ_SEEDS=1`);
        throw error;
      }
    },
    FUZZ_TIMEOUT_MS,
  );
});
