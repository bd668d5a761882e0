import { compareTimestamps, parseTimestamp, serializeTimestamp, type Timestamp } from '../clock/index.js';

/**
 * The per-field last-write-wins layer (SPEC LWW1–LWW6), kept apart from Yjs so it can be
 * reasoned about on its own.
 *
 * Every writer keeps one *entry* per record: a list of write groups `[timestamp, {key: value}]`,
 * where all fields of a group were written together at that timestamp. Only its writer sets an
 * entry — but for the derived writer `0`, whose entries every replica writes identically for one
 * version of a derived record (SPEC REC6) — so Yjs never settles a conflict that matters.
 * A field reads as the value with the largest timestamp across the record's entries.
 */
export type StoredScalar = string | number | boolean | null;
/** One row of a list field, such as one part of a split transaction. */
export type StoredRow = { readonly [key: string]: StoredScalar };
export type StoredValue = StoredScalar | readonly string[] | readonly StoredRow[];
export type StoredGroup = readonly [string, Readonly<Record<string, StoredValue>>];
export type StoredEntry = readonly StoredGroup[];

export interface FieldWrite {
  readonly value: StoredValue;
  readonly timestamp: Timestamp;
}

/** The winning write of each field of one record, by compact field key. */
export type FieldWinners = ReadonlyMap<string, FieldWrite>;

const FIELD_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,15}$/;

function isStoredScalar(value: unknown): value is StoredScalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isStoredRow(value: unknown): value is StoredRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.keys(value).every(
    (key) => FIELD_KEY.test(key) && isStoredScalar((value as Record<string, unknown>)[key]),
  );
}

function isStoredValue(value: unknown): value is StoredValue {
  if (!Array.isArray(value)) return isStoredScalar(value);
  return value.every((item) => typeof item === 'string') || value.every(isStoredRow);
}

/**
 * Reads one writer's entry as it arrived from a peer. Anything malformed — a group that is not
 * a pair, a bad timestamp, a key like `__proto__`, a value of the wrong shape — is skipped, so a
 * broken peer can spoil only its own writes.
 */
export function readEntry(raw: unknown, node: string): [string, FieldWrite][] {
  const writes: [string, FieldWrite][] = [];
  eachWrite(raw, node, (key, write) => writes.push([key, write]));
  return writes;
}

/** `readEntry` write by write, with nothing made but the writes: every record read goes through it. */
function eachWrite(raw: unknown, node: string, visit: (key: string, write: FieldWrite) => void): void {
  if (!Array.isArray(raw)) return;
  for (const group of raw as unknown[]) {
    if (!Array.isArray(group) || group.length !== 2) continue;
    const [stamp, fields] = group as unknown[];
    if (typeof stamp !== 'string' || typeof fields !== 'object' || fields === null || Array.isArray(fields)) continue;
    const timestamp = parseTimestamp(stamp, node);
    if (!timestamp) continue;
    for (const key of Object.keys(fields)) {
      const value: unknown = (fields as Record<string, unknown>)[key];
      if (FIELD_KEY.test(key) && key !== '__proto__' && isStoredValue(value)) visit(key, { value, timestamp });
    }
  }
}

/**
 * Reads one writer's entry like `readEntry`, but refuses instead of skipping: the first part a
 * reader would skip is named. The relay's guard stores only entries every reader reads whole (SPEC GRD4).
 */
export function readEntryStrictly(
  raw: unknown,
  node: string,
): { readonly ok: true; readonly writes: [string, FieldWrite][] } | { readonly ok: false; readonly message: string } {
  if (!Array.isArray(raw)) return { ok: false, message: 'an entry must be a list of write groups' };
  const writes: [string, FieldWrite][] = [];
  for (const group of raw as unknown[]) {
    if (!Array.isArray(group) || group.length !== 2) return { ok: false, message: 'a write group must be a pair' };
    const [stamp, fields] = group as unknown[];
    const timestamp = typeof stamp === 'string' ? parseTimestamp(stamp, node) : undefined;
    if (!timestamp) return { ok: false, message: 'a write group needs a valid timestamp' };
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
      return { ok: false, message: 'a write group needs an object of fields' };
    for (const key of Object.keys(fields)) {
      const value: unknown = (fields as Record<string, unknown>)[key];
      if (!FIELD_KEY.test(key) || key === '__proto__') return { ok: false, message: 'a field key is not valid' };
      if (!isStoredValue(value)) return { ok: false, message: `field "${key}" holds a value of no stored shape` };
      writes.push([key, { value, timestamp }]);
    }
  }
  return { ok: true, writes };
}

/** The latest timestamp in one writer's entry, read cheaply (no field values), for the clock. */
export function latestStamp(raw: unknown, node: string): Timestamp | undefined {
  if (!Array.isArray(raw)) return undefined;
  let latest: Timestamp | undefined;
  for (const group of raw as unknown[]) {
    const stamp = Array.isArray(group) ? (group as unknown[])[0] : undefined;
    const timestamp = typeof stamp === 'string' ? parseTimestamp(stamp, node) : undefined;
    if (timestamp && (!latest || compareTimestamps(timestamp, latest) > 0)) latest = timestamp;
  }
  return latest;
}

/** Orders two writes: by timestamp (LWW1, LWW3), and on a forged tie by value, so replicas agree. */
export function compareWrites(a: FieldWrite, b: FieldWrite): number {
  const byTime = compareTimestamps(a.timestamp, b.timestamp);
  if (byTime !== 0) return byTime;
  const left = JSON.stringify(a.value);
  const right = JSON.stringify(b.value);
  return left === right ? 0 : left < right ? -1 : 1;
}

/** The winner of every field across the entries of one record (LWW3, LWW4, LWW5). */
export function mergeEntries(entries: Iterable<readonly [node: string, raw: unknown]>): Map<string, FieldWrite> {
  const winners = new Map<string, FieldWrite>();
  for (const [node, raw] of entries) mergeEntry(winners, node, raw);
  return winners;
}

/** Adds one writer's entry to a record's `winners` (`mergeEntries`, one entry at a time). */
export function mergeEntry(winners: Map<string, FieldWrite>, node: string, raw: unknown): void {
  eachWrite(raw, node, (key, write) => {
    const current = winners.get(key);
    if (!current || compareWrites(write, current) > 0) winners.set(key, write);
  });
}

export function latestWrite(winners: FieldWinners): FieldWrite | undefined {
  let latest: FieldWrite | undefined;
  for (const write of winners.values()) {
    if (!latest || compareTimestamps(write.timestamp, latest.timestamp) > 0) latest = write;
  }
  return latest;
}

/**
 * Encodes the winners as `owner`'s entry, one group per timestamp, oldest first. The owner's
 * own timestamps omit the node (it is in the map key), which keeps a typical record small.
 */
export function encodeEntry(winners: FieldWinners, owner: string): StoredEntry {
  const groups = new Map<string, Record<string, StoredValue>>();
  const ordered = [...winners].sort(([, a], [, b]) => compareTimestamps(a.timestamp, b.timestamp));
  for (const [key, { value, timestamp }] of ordered) {
    const stamp = serializeTimestamp(timestamp, timestamp.node === owner);
    let group = groups.get(stamp);
    if (!group) {
      group = {};
      groups.set(stamp, group);
    }
    group[key] = value;
  }
  return [...groups];
}

/**
 * Applies a local write made at `timestamp`: each written field wins unless the field already
 * holds a later write (only possible for a far-future timestamp, LWW7). Returns the new winners
 * and the keys whose write was overruled that way.
 */
export function applyWrite(
  winners: FieldWinners,
  changes: ReadonlyMap<string, StoredValue>,
  timestamp: Timestamp,
): { winners: Map<string, FieldWrite>; overruled: string[] } {
  const next = new Map(winners);
  const overruled: string[] = [];
  for (const [key, value] of changes) {
    const current = next.get(key);
    if (current && compareTimestamps(current.timestamp, timestamp) > 0) overruled.push(key);
    else next.set(key, { value, timestamp });
  }
  return { winners: next, overruled };
}
