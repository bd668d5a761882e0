import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportLedger, restoreLedger } from '../backup/index.js';
import { compareTimestamps } from '../clock/index.js';
import { type FieldWrite, Ledger, LedgerError } from '../ledger/index.js';
import { isCreationTimestamp } from '../ledger/record-store.js';
import { assertConverged, COLLECTION_NAMES, collectionOf } from '../testing/convergence.js';
import { randomOperation } from '../testing/random-operations.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { TestNetwork } from '../testing/test-network.js';
import { createInBatches, typicalTransactions } from '../testing/typical-ledger.js';
import { checkLedgerUpdate } from './update-guard.js';
import type { UpdateVerdict } from './update-verdict.js';

const HOUR = 3_600_000;
/** Only a guard against a hung run on a loaded machine; nothing here measures speed. */
const FUZZ_TIMEOUT_MS = 300_000;
const seedCount = Number(process.env.TALLY_FUZZ_SEEDS ?? (process.env.CI ? 24 : 4));
const firstSeed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);

function replay(name: string, seed: number): string {
  return `${name} failed with seed ${seed}; replay with TALLY_FUZZ_SEED=${seed} TALLY_FUZZ_SEEDS=1`;
}

/** Tells the ledger's refusals of a random change (a date that is no due date, …) from real failures. */
function tolerate(change: () => void): void {
  try {
    change();
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
  }
}

/**
 * The changes people make besides editing records, which the random operations leave out: the
 * home currency, one occurrence skipped or changed, a bank import written in one update, a
 * backup of another device merged in.
 */
function everydayChange(ledger: Ledger, random: SeededRandom, peers: readonly Ledger[]): void {
  const today = new Date(ledger.clock.latest.millis).toISOString().slice(0, 10);
  switch (random.int(0, 3)) {
    case 0:
      tolerate(() => ledger.setHomeCurrency(random.pick(['EUR', 'USD', 'JPY'])));
      return;
    case 1: {
      const upcoming = ledger.upcomingOccurrences(today, `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
      if (upcoming.length === 0) return;
      const { recurringId, date } = random.pick(upcoming);
      tolerate(() =>
        random.chance(0.5)
          ? ledger.skipOccurrence(recurringId, date)
          : ledger.editOccurrence(recurringId, date, { notes: 'moved' }),
      );
      return;
    }
    case 2: {
      const account = ledger.accounts.list().find(({ currency }) => currency === 'EUR');
      const categoryIds = ledger.categories.list().map(({ id }) => id);
      if (!account || categoryIds.length === 0) return;
      const batch = typicalTransactions(random.int(5, 30), { accountId: account.id, categoryIds });
      tolerate(() => createInBatches(ledger, batch));
      return;
    }
    default:
      tolerate(() => restoreLedger(ledger, exportLedger(random.pick(peers)), 'merge'));
  }
}

describe('every update the ledger makes in normal use passes the guard', () => {
  it.each(seeds)(
    '[GRD1–GRD7] 5 replicas exchanging updates out of order, each checked against its receiver before it applies it (seed %i)',
    (seed) => {
      const counts: Record<UpdateVerdict['verdict'] | 'passedOnRetry', number> = {
        accepted: 0,
        refused: 0,
        incomplete: 0,
        passedOnRetry: 0,
      };
      const network = new TestNetwork({
        seed,
        replicas: 5,
        clockSkewMs: HOUR,
        beforeApply: (replica, update, from) => {
          const verdict = checkLedgerUpdate(replica.doc, update);
          counts[verdict.verdict] += 1;
          if (verdict.verdict !== 'refused') return;
          // [GRD6] A sender whose view lagged (it held a change pending) may lose what the receiver
          // holds; trying again, it sends everything it has, and then the update must pass.
          const everything = Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(replica.doc));
          const retried = checkLedgerUpdate(replica.doc, Y.mergeUpdates([update, everything]));
          if (!verdict.retry || retried.verdict === 'refused')
            throw new Error(`replica ${replica.index} refused an honest update: ${JSON.stringify(verdict)}`);
          counts.passedOnRetry += 1;
        },
      });
      const { random } = network;
      const ledgers = network.replicas.map(({ ledger }) => ledger);
      try {
        for (let step = 1; step <= 1_000; step += 1) {
          network.advance(random.int(0, 4_000));
          const fault = random.int(0, 99);
          if (fault < 2)
            network.partition([
              [0, 1],
              [2, 3, 4],
            ]);
          else if (fault < 4) network.heal();
          else if (fault < 7) network.disconnect(random.int(0, 4));
          else if (fault < 10) network.reconnect(random.int(0, 4));
          if (random.chance(0.1)) everydayChange(random.pick(ledgers), random, ledgers);
          else network.operate();
          network.deliver(random.int(0, 8));
        }
        network.settle();
        network.assertConverged();
        expect(counts.accepted).toBeGreaterThan(50);
      } catch (error) {
        console.error(replay('the guard over the test network', seed));
        throw error;
      }
    },
    FUZZ_TIMEOUT_MS,
  );
});

/** What the relay's ledger held of a record when last looked at: readable or not, and each field's latest write. */
interface Seen {
  readonly readable: boolean;
  readonly writes: ReadonlyMap<string, FieldWrite>;
}

/**
 * Watches a relay's document from outside the guard, through the ledger's own reading: after
 * each accepted update, no record it held is gone, none readable became unreadable, and no
 * field's latest write went back — but a creation replaced by another (REC6).
 */
class LedgerWatch {
  private readonly reader: Ledger;
  private readonly seen = new Map<string, Seen>();
  private readonly changed = new Set<string>();

  constructor(doc: Y.Doc) {
    this.reader = new Ledger(doc, { random: new SeededRandom(0) });
    for (const name of COLLECTION_NAMES) {
      collectionOf(this.reader, name).observe(({ ids }) => {
        for (const id of ids) this.changed.add(`${name}\n${id}`);
      });
    }
  }

  /** The first harm since the last look, or undefined. */
  harm(): string | undefined {
    for (const key of this.changed) {
      const [name, id] = key.split('\n') as [(typeof COLLECTION_NAMES)[number], string];
      const collection = collectionOf(this.reader, name);
      const was = this.seen.get(key);
      if (!collection.has(id)) return `${name}/${id} is gone`;
      const now: Seen = {
        readable: collection.inspect(id).ok,
        writes: collection.fieldWrites(id) as Map<string, FieldWrite>,
      };
      if (was?.readable && !now.readable) return `${name}/${id} can no longer be read`;
      for (const [field, write] of was?.writes ?? []) {
        const kept = now.writes.get(field);
        if (isCreationTimestamp(write.timestamp)) continue;
        if (!kept || compareTimestamps(kept.timestamp, write.timestamp) < 0)
          return `${name}/${id} lost its latest ${field}`;
      }
      this.seen.set(key, now);
    }
    this.changed.clear();
    return undefined;
  }
}

type Message = { readonly kind: 'update'; readonly update: Uint8Array } | { readonly kind: 'sync' };

interface Device {
  readonly ledger: Ledger;
  online: boolean;
  /** What the device has sent and the relay has not read yet, in order: one socket. */
  outbox: Message[];
  inbox: Uint8Array[];
  /** After reconnecting, the device edits before it answers the relay's sync step 1. */
  editsBeforeSync: boolean;
  /** An incomplete update the relay holds for this device, until what it builds on arrives. */
  held: Uint8Array | undefined;
}

const FROM_RELAY = Symbol('relay');

/**
 * Devices syncing through a relay that checks every update with the guard, as the relay does:
 * each device's messages reach the relay in the order it sent them; what passes is applied and
 * sent to every device; an incomplete update is held and judged again merged with what the
 * device sends next. Devices go offline, edit, and reconnect with the y-websocket exchange
 * (sync steps 1 and 2) — sometimes editing in the moment before they answer — and a new device
 * joins from a backup restored into an empty ledger.
 */
class GuardedStar {
  readonly relay = new Y.Doc();
  readonly devices: Device[] = [];
  readonly counts: Record<UpdateVerdict['verdict'], number> = { accepted: 0, refused: 0, incomplete: 0 };
  private readonly watch = new LedgerWatch(this.relay);
  time = Date.UTC(2026, 0, 1);

  constructor(readonly random: SeededRandom) {
    this.relay.on('update', (update: Uint8Array) => {
      for (const device of this.devices) if (device.online) device.inbox.push(update);
    });
  }

  join(ledger: Ledger): Device {
    const device: Device = { ledger, online: false, outbox: [], inbox: [], editsBeforeSync: false, held: undefined };
    ledger.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_RELAY || !device.online) return;
      device.outbox.push({ kind: 'update', update });
      if (device.editsBeforeSync) {
        device.editsBeforeSync = false;
        device.outbox.push({ kind: 'sync' });
      }
    });
    this.devices.push(device);
    this.reconnect(device);
    return device;
  }

  newLedger(): Ledger {
    const doc = new Y.Doc();
    doc.clientID = this.random.next();
    const skew = this.random.int(-HOUR, HOUR);
    return new Ledger(doc, { random: this.random, now: () => this.time + skew });
  }

  disconnect(device: Device): void {
    Object.assign(device, { online: false, outbox: [], inbox: [], held: undefined, editsBeforeSync: false });
  }

  reconnect(device: Device): void {
    Object.assign(device, { online: true, outbox: [], inbox: [], held: undefined });
    const { doc } = device.ledger;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.relay, Y.encodeStateVector(doc)), FROM_RELAY);
    device.editsBeforeSync = this.random.chance(0.4);
    if (!device.editsBeforeSync) device.outbox.push({ kind: 'sync' });
  }

  /** The relay reads the next message of a device's socket. */
  receive(device: Device): void {
    const message = device.outbox.shift();
    if (!message) return;
    const sent =
      message.kind === 'sync'
        ? Y.encodeStateAsUpdate(device.ledger.doc, Y.encodeStateVector(this.relay))
        : message.update;
    const update = device.held ? Y.mergeUpdates([device.held, sent]) : sent;
    const verdict = checkLedgerUpdate(this.relay, update);
    this.counts[verdict.verdict] += 1;
    if (verdict.verdict === 'refused')
      throw new Error(`the relay refused an honest update: ${JSON.stringify(verdict)}`);
    device.held = verdict.verdict === 'incomplete' ? update : undefined;
    if (verdict.verdict !== 'accepted') return;
    Y.applyUpdate(this.relay, verdict.update);
    const harm = this.watch.harm();
    if (harm) throw new Error(`an accepted update harmed the relay's ledger: ${harm}`);
  }

  deliver(device: Device): void {
    const update = device.inbox.shift();
    if (update) Y.applyUpdate(device.ledger.doc, update, FROM_RELAY);
  }

  settle(): void {
    for (const device of this.devices) if (!device.online) this.reconnect(device);
    for (let round = 0; round < 10; round += 1) {
      for (const device of this.devices) {
        if (device.editsBeforeSync) {
          device.editsBeforeSync = false;
          device.outbox.push({ kind: 'sync' });
        }
        while (device.outbox.length > 0) this.receive(device);
        while (device.inbox.length > 0) this.deliver(device);
      }
    }
  }
}

describe('through a relay that checks every update', () => {
  it.each(seeds)(
    '[GRD2][GRD6] devices’ updates all pass, nothing the relay holds is lost, and every device converges with it (seed %i)',
    (seed) => {
      const random = new SeededRandom(seed);
      const star = new GuardedStar(random);
      try {
        for (let i = 0; i < 4; i += 1) star.join(star.newLedger());
        for (let step = 1; step <= 1_000; step += 1) {
          star.time += random.int(0, 4_000);
          const device = random.pick(star.devices);
          const fault = random.int(0, 99);
          if (fault < 4 && device.online) star.disconnect(device);
          else if (fault < 8 && !device.online) star.reconnect(device);
          if (step === 500) {
            const restored = star.newLedger();
            restoreLedger(restored, exportLedger(device.ledger), 'into-empty');
            star.join(restored);
          } else if (random.chance(0.1)) {
            everydayChange(
              device.ledger,
              random,
              star.devices.map(({ ledger }) => ledger),
            );
          } else randomOperation(device.ledger, random);
          for (let k = random.int(0, 6); k > 0; k -= 1) {
            const other = random.pick(star.devices);
            if (other.online) random.chance(0.5) ? star.receive(other) : star.deliver(other);
          }
        }
        star.settle();
        assertConverged([star.relay, ...star.devices.map(({ ledger }) => ledger.doc)]);
        expect(star.counts.accepted).toBeGreaterThan(300);
      } catch (error) {
        console.error(replay('the guarded relay', seed));
        throw error;
      }
    },
    FUZZ_TIMEOUT_MS,
  );
});
