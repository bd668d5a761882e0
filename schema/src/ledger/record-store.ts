import type * as Y from 'yjs';
import { compareTimestamps, type HybridClock, isNodeId, type Timestamp } from '../clock/index.js';
import { isRecordId } from '../ids.js';
import {
  applyWrite,
  encodeEntry,
  type FieldWrite,
  latestStamp,
  latestWrite,
  mergeEntries,
  mergeEntry,
  type StoredValue,
} from './field-writes.js';

/** The writer a ledger replica acts as: its node id, its clock, and the origin of its transactions. */
export interface Writer {
  readonly node: string;
  readonly clock: HybridClock;
  readonly origin: object;
  /** False while the ledger is read-only (a newer format): then it never rewrites anything (FMT2). */
  readonly canWrite: () => boolean;
}

export interface RecordChange {
  readonly ids: ReadonlySet<string>;
  /** True when this replica made the change, false when it arrived from a peer or from disk. */
  readonly local: boolean;
}

/** The writers of a record no replica has written. */
const NO_NODES: ReadonlyMap<string, string> = new Map();

/** The writer under which derived records are created (SPEC REC6); no replica is ever this writer. */
export const DERIVED_NODE = '0';

/**
 * The timestamp of a derived record's creation: earlier than any real write (under 2³¹ ms, in
 * January 1970), and different for each version of its fields, so that two devices creating it
 * from different versions of a recurring rule settle on one version whole, never a mix.
 */
function derivedTimestamp(changes: ReadonlyMap<string, StoredValue>): Timestamp {
  const text = JSON.stringify([...changes].sort(([a], [b]) => (a < b ? -1 : 1)));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return { millis: hash >>> 1, counter: 0, node: DERIVED_NODE };
}

/** Whether a timestamp is one `derivedTimestamp` makes: a creation's, under the derived writer (REC6). */
export function isCreationTimestamp(timestamp: Timestamp): boolean {
  return timestamp.node === DERIVED_NODE && timestamp.counter === 0 && timestamp.millis < 2 ** 31;
}

/** The collection key of a writer's entry of a record. */
export function entryKey(id: string, node: string): string {
  return `${id}/${node}`;
}

/** The record and the writer of a collection key `<recordId>/<node>`, or undefined for any other key. */
export function splitEntryKey(key: string): [id: string, node: string] | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const id = key.slice(0, slash);
  const node = key.slice(slash + 1);
  return isRecordId(id) && isNodeId(node) ? [id, node] : undefined;
}

/**
 * One collection of the ledger, seen as records of field writes. The `Y.Map` holds one key per
 * (record, writer): `<recordId>/<node>` → that writer's entry. Keys are never shared between
 * writers, so two replicas creating a record with the same id (derived ids) both keep their
 * writes.
 */
export class RecordStore {
  /**
   * Each record's writers, and the key of each one's entry: kept as the map holds it, so a read
   * hashes no new string.
   */
  private index: Map<string, Map<string, string>> | undefined;
  private readonly listeners = new Set<(change: RecordChange) => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly map: Y.Map<unknown>,
    private readonly writer: Writer,
  ) {
    // Every collection's index is brought up to date before any observer runs, so an observer of
    // one collection reads records of another that arrived in the same update.
    doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      for (const key of transaction.changed.get(map as unknown as Y.AbstractType<Y.YEvent<Y.Map<unknown>>>) ?? [])
        if (key !== null) this.indexKey(key);
    });
    map.observe((event, transaction) => this.onChange(event.keysChanged, transaction.local));
  }

  has(id: string): boolean {
    return this.nodesOf(id).size > 0;
  }

  ids(): IterableIterator<string> {
    return this.recordIndex().keys();
  }

  get size(): number {
    return this.recordIndex().size;
  }

  /** The winning write of every field of a record, or undefined if no replica wrote it. */
  winners(id: string): Map<string, FieldWrite> | undefined {
    const nodes = this.nodesOf(id);
    if (nodes.size === 0) return undefined;
    // Every record read comes here: entry by entry, with no list of them made first.
    const winners = new Map<string, FieldWrite>();
    for (const [node, key] of nodes) mergeEntry(winners, node, this.map.get(key));
    return winners;
  }

  /**
   * Writes fields of a record at one new timestamp (LWW2: later than every write this replica
   * has seen on the record). Folds every other writer's surviving values into this writer's
   * entry and removes their entries, so a settled field costs one value (LWW6).
   * Returns the keys whose write lost to a far-future timestamp (LWW7).
   */
  write(id: string, changes: ReadonlyMap<string, StoredValue>): string[] {
    const current = this.winners(id) ?? new Map<string, FieldWrite>();
    const seen = latestWrite(current)?.timestamp;
    const { clock } = this.writer;
    // Far-future timestamps were counted when they arrived; they are not followed (LWW7).
    if (seen && compareTimestamps(seen, clock.latest) > 0 && !clock.isFarFuture(seen)) clock.receive(seen);
    const { winners, overruled } = applyWrite(current, changes, clock.tick());
    this.doc.transact(() => this.replaceEntries(id, winners), this.writer.origin);
    return overruled;
  }

  /**
   * Creates a derived record (SPEC REC6) under the derived writer, at a timestamp before any real
   * write: every replica creating it from the same fields writes the identical entry, and any
   * real write outranks it.
   */
  writeDerived(id: string, changes: ReadonlyMap<string, StoredValue>): void {
    const timestamp = derivedTimestamp(changes);
    const winners = new Map<string, FieldWrite>();
    for (const [key, value] of changes) winners.set(key, { value, timestamp });
    this.doc.transact(() => {
      this.map.set(entryKey(id, DERIVED_NODE), encodeEntry(winners, DERIVED_NODE));
      this.indexKey(entryKey(id, DERIVED_NODE));
    }, this.writer.origin);
  }

  observe(listener: (change: RecordChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private replaceEntries(id: string, winners: ReadonlyMap<string, FieldWrite>): void {
    const { node } = this.writer;
    for (const [other, key] of [...this.nodesOf(id)]) {
      if (other === node) continue;
      this.map.delete(key);
      this.indexKey(key);
    }
    this.map.set(entryKey(id, node), encodeEntry(winners, node));
    // Indexed now, not in the observer: within one transaction the record is read back at once.
    this.indexKey(entryKey(id, node));
  }

  private nodesOf(id: string): ReadonlyMap<string, string> {
    return this.recordIndex().get(id) ?? NO_NODES;
  }

  private recordIndex(): Map<string, Map<string, string>> {
    if (!this.index) {
      this.index = new Map();
      for (const key of this.map.keys()) this.indexKey(key);
    }
    return this.index;
  }

  private indexKey(key: string): string | undefined {
    const parts = splitEntryKey(key);
    if (!parts || !this.index) return parts?.[0];
    const [id, node] = parts;
    let nodes = this.index.get(id);
    if (this.map.has(key)) {
      if (!nodes) {
        nodes = new Map();
        this.index.set(id, nodes);
      }
      nodes.set(node, key);
    } else if (nodes) {
      nodes.delete(node);
      if (nodes.size === 0) this.index.delete(id);
    }
    return id;
  }

  private onChange(keys: ReadonlySet<string>, local: boolean): void {
    const ids = new Set<string>();
    for (const key of keys) {
      const parts = splitEntryKey(key);
      if (!parts) continue;
      ids.add(parts[0]);
      if (!local) this.receive(key, parts[1]);
    }
    if (!local) for (const id of ids) this.settle(id);
    if (ids.size === 0) return;
    const change = { ids, local };
    for (const listener of this.listeners) listener(change);
  }

  /** Moves the clock past a write that arrived (LWW2), or counts it if it is far ahead (LWW7). */
  private receive(key: string, node: string): void {
    const stamp = latestStamp(this.map.get(key), node);
    const { clock } = this.writer;
    if (stamp && node !== DERIVED_NODE && compareTimestamps(stamp, clock.latest) > 0) clock.receive(stamp);
  }

  /**
   * After concurrent writes a record has several entries, each holding some losing copies.
   * Exactly one replica compacts them — the writer whose entry holds the latest write (the
   * smallest node among equals) — without a new timestamp, so no value changes (LWW6).
   */
  private settle(id: string): void {
    const nodes = this.nodesOf(id);
    if (nodes.size < 2 || !nodes.has(this.writer.node) || !this.writer.canWrite()) return;
    let holder: { node: string; write: FieldWrite } | undefined;
    for (const [node, key] of nodes) {
      const write = latestWrite(mergeEntries([[node, this.map.get(key)]]));
      if (!write) continue;
      const order = holder ? compareTimestamps(write.timestamp, holder.write.timestamp) : 1;
      if (order > 0 || (order === 0 && holder && node < holder.node)) holder = { node, write };
    }
    if (holder?.node !== this.writer.node) return;
    const winners = this.winners(id);
    if (winners) this.doc.transact(() => this.replaceEntries(id, winners), this.writer.origin);
  }
}
