import * as Y from 'yjs';
import { Ledger } from '../ledger/index.js';
import { assertConverged } from './convergence.js';
import { type LoggedWrite, type Operation, randomOperation } from './random-operations.js';
import { SeededRandom } from './seeded-random.js';

export interface TestNetworkOptions {
  readonly seed: number;
  readonly replicas: number;
  /** Each replica's wall clock is off by a random amount up to this, either way. */
  readonly clockSkewMs?: number;
  readonly startMillis?: number;
  /** Chance that a delivered message is delivered again later. */
  readonly duplicateRate?: number;
  /** Chance that a message is lost instead of delivered. */
  readonly dropRate?: number;
  /** Called with every update just before a replica applies it, as a relay would check it. */
  readonly beforeApply?: (replica: Replica, update: Uint8Array, from: Replica) => void;
}

export interface Replica {
  readonly index: number;
  readonly doc: Y.Doc;
  readonly ledger: Ledger;
  readonly skewMs: number;
  online: boolean;
  group: number;
}

interface Message {
  readonly from: number;
  readonly to: number;
  readonly update: Uint8Array;
}

/** Marks updates applied by the network, so they are not sent on again. */
const NETWORK = Symbol('test-network');

/**
 * A seeded network of ledger replicas. Updates travel as real Yjs updates, delivered in random
 * order, sometimes twice, sometimes never; replicas go offline and come back, the network
 * splits into groups and heals. On reconnecting, peers exchange state vectors as a y-websocket
 * provider does, so lost messages are repaired. The same seed replays the same run.
 */
export class TestNetwork {
  readonly random: SeededRandom;
  readonly replicas: Replica[] = [];
  readonly writes: LoggedWrite[] = [];
  /** Shared "true" time; each replica's wall clock is this plus its skew. */
  time: number;
  private queue: Message[] = [];
  private readonly duplicateRate: number;
  private readonly dropRate: number;
  private readonly beforeApply: (replica: Replica, update: Uint8Array, from: Replica) => void;

  constructor(options: TestNetworkOptions) {
    this.random = new SeededRandom(options.seed);
    this.time = options.startMillis ?? Date.UTC(2026, 0, 1);
    this.duplicateRate = options.duplicateRate ?? 0.05;
    this.dropRate = options.dropRate ?? 0.05;
    this.beforeApply = options.beforeApply ?? (() => undefined);
    const skew = options.clockSkewMs ?? 0;
    for (let index = 0; index < options.replicas; index += 1) {
      const doc = new Y.Doc();
      doc.clientID = this.random.next();
      const skewMs = this.random.int(-skew, skew);
      const ledger = new Ledger(doc, { random: this.random, now: () => this.time + skewMs });
      const replica: Replica = { index, doc, ledger, skewMs, online: true, group: 0 };
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== NETWORK) this.broadcast(replica, update);
      });
      this.replicas.push(replica);
    }
  }

  get inFlight(): number {
    return this.queue.length;
  }

  /** A random user action on a random online replica (or the one given); its writes are logged. */
  operate(index?: number): Operation {
    const online = this.replicas.filter((replica) => replica.online);
    const replica =
      index === undefined ? this.random.pick(online.length > 0 ? online : this.replicas) : this.replicas[index];
    if (!replica) throw new Error(`no replica ${index}`);
    const operation = randomOperation(replica.ledger, this.random);
    this.writes.push(...operation.writes);
    return operation;
  }

  advance(millis: number): void {
    this.time += millis;
  }

  /** Delivers up to `count` messages, each picked at random from those in flight. */
  deliver(count: number): void {
    for (let i = 0; i < count && this.queue.length > 0; i += 1) {
      const at = this.random.int(0, this.queue.length - 1);
      const message = this.queue[at] as Message;
      if (!this.random.chance(this.duplicateRate)) this.queue.splice(at, 1);
      if (this.random.chance(this.dropRate) || !this.connected(message.from, message.to)) continue;
      this.apply(this.replicas[message.to] as Replica, message.update, this.replicas[message.from] as Replica);
    }
  }

  disconnect(index: number): void {
    const replica = this.replicas[index];
    if (replica) replica.online = false;
  }

  reconnect(index: number): void {
    const replica = this.replicas[index];
    if (!replica || replica.online) return;
    replica.online = true;
    for (const peer of this.replicas) if (this.connected(replica.index, peer.index)) this.sync(replica, peer);
  }

  /** Splits the replicas into groups that cannot reach each other. */
  partition(groups: readonly (readonly number[])[]): void {
    groups.forEach((members, group) => {
      for (const index of members) {
        const replica = this.replicas[index];
        if (replica) replica.group = group;
      }
    });
  }

  heal(): void {
    for (const replica of this.replicas) replica.group = 0;
    this.syncAll();
  }

  /** Ends every fault, delivers everything, and syncs until no replica has anything new. */
  settle(): void {
    for (const replica of this.replicas) replica.online = true;
    for (const replica of this.replicas) replica.group = 0;
    for (let round = 0; round < 100; round += 1) {
      this.syncAll();
      if (this.queue.length === 0) return;
      this.queue = [];
    }
    throw new Error('the network did not settle in 100 rounds');
  }

  assertConverged(): void {
    assertConverged(this.replicas.map((replica) => replica.doc));
  }

  private connected(a: number, b: number): boolean {
    const left = this.replicas[a];
    const right = this.replicas[b];
    return !!left && !!right && left.online && right.online && left.group === right.group;
  }

  private broadcast(from: Replica, update: Uint8Array): void {
    for (const peer of this.replicas) {
      if (peer !== from && this.connected(from.index, peer.index))
        this.queue.push({ from: from.index, to: peer.index, update });
    }
  }

  private apply(replica: Replica, update: Uint8Array, from: Replica): void {
    this.beforeApply(replica, update, from);
    Y.applyUpdate(replica.doc, update, NETWORK);
  }

  /** The state-vector exchange a y-websocket provider makes on connecting (sync steps 1 and 2). */
  private sync(a: Replica, b: Replica): void {
    if (a === b) return;
    this.apply(b, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), a);
    this.apply(a, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), b);
  }

  private syncAll(): void {
    for (const a of this.replicas) {
      for (const b of this.replicas) if (a.index < b.index && this.connected(a.index, b.index)) this.sync(a, b);
    }
  }
}
