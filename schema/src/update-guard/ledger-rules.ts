import type * as Y from 'yjs';
import { isNodeId, serializeTimestamp } from '../clock/index.js';
import { DELETED_KEY } from '../ledger/collection.js';
import { compareWrites, type FieldWrite, readEntry, readEntryStrictly } from '../ledger/field-writes.js';
import { declaredFormat, LEDGER_FORMAT } from '../ledger/format.js';
import { DERIVED_NODE, isCreationTimestamp, splitEntryKey } from '../ledger/record-store.js';
import { type Checked, flag } from '../records/field.js';
import {
  accountKind,
  budgetKind,
  categoryKind,
  contributionKind,
  exchangeRateKind,
  goalKind,
  personKind,
  type RecordKind,
  recurringKind,
  ruleKind,
  settingsKind,
  settlementKind,
  transactionKind,
} from '../records/index.js';
import { type KeyChange, mapValueOf } from './key-changes.js';
import { quoted, refuse, type UpdateRefused } from './update-verdict.js';

interface FieldRule {
  readonly name: string;
  readonly check: (value: unknown) => Checked<unknown>;
  /** The kind has no default for it: every record holds it from its creation on. */
  readonly required: boolean;
}

interface CollectionRules {
  readonly collection: string;
  /** By the field's key in the document (`a`, `_d`). */
  readonly fields: ReadonlyMap<string, FieldRule>;
}

function collectionRules<T>(kind: RecordKind<T>): CollectionRules {
  const fields = new Map<string, FieldRule>();
  for (const name of Object.keys(kind.fields) as (keyof T & string)[]) {
    const spec = kind.fields[name];
    fields.set(spec.key, { name, check: spec.check, required: spec.defaultValue === undefined });
  }
  fields.set(DELETED_KEY, { name: 'deleted', check: flag('deleted'), required: false });
  return { collection: kind.collection, fields };
}

const COLLECTIONS: ReadonlyMap<string, CollectionRules> = new Map(
  [
    collectionRules(accountKind),
    collectionRules(categoryKind),
    collectionRules(transactionKind),
    collectionRules(budgetKind),
    collectionRules(goalKind),
    collectionRules(contributionKind),
    collectionRules(recurringKind),
    collectionRules(exchangeRateKind),
    collectionRules(ruleKind),
    collectionRules(settingsKind),
    collectionRules(personKind),
    collectionRules(settlementKind),
  ].map((rules) => [rules.collection, rules]),
);

const META = 'meta';

/** Every top-level map of a ledger (SPEC, Records): its collections and `meta`. Nothing else may be written. */
export const LEDGER_ROOTS: ReadonlySet<string> = new Set([...COLLECTIONS.keys(), META]);

const VERSION_KEY = /^version\/(.+)$/;

/** One writer's entry of a record, read: its field writes. */
interface Entry {
  readonly node: string;
  readonly writes: readonly (readonly [key: string, write: FieldWrite])[];
}

/** The entries of one record that the update touches: before, after, and those it writes. */
interface RecordEntries {
  readonly id: string;
  readonly before: Entry[];
  readonly after: Entry[];
  readonly written: Entry[];
}

/** Reads an entry the way every reader does, skipping what is malformed (entries from before the guard). */
function readLeniently(node: string, raw: unknown): Entry {
  return { node, writes: readEntry(raw, node) };
}

/**
 * The ledger's rules over what an update changes (SPEC GRD4–GRD7), collection by collection,
 * `meta` last; the first rule broken is the refusal.
 */
export function checkLedgerChanges(doc: Y.Doc, changes: readonly KeyChange[]): UpdateRefused | undefined {
  const byRoot = new Map<string, KeyChange[]>();
  for (const change of changes) {
    const list = byRoot.get(change.root) ?? [];
    list.push(change);
    byRoot.set(change.root, list);
  }
  for (const [root, rules] of COLLECTIONS) {
    const rootChanges = byRoot.get(root);
    const refusal = rootChanges && checkCollection(doc, rules, rootChanges);
    if (refusal) return refusal;
  }
  const metaChanges = byRoot.get(META);
  return metaChanges && checkMeta(doc, metaChanges);
}

function checkCollection(doc: Y.Doc, rules: CollectionRules, changes: readonly KeyChange[]): UpdateRefused | undefined {
  const { collection } = rules;
  const byRecord = new Map<string, [node: string, change: KeyChange][]>();
  for (const change of changes) {
    const parts = splitEntryKey(change.key);
    if (!parts) {
      // Removing a key no reader reads loses nothing; writing one is refused.
      if (change.after?.written)
        return refuse('invalid-key', `${quoted(change.key)} is not a record key <recordId>/<writer>`, { collection });
      continue;
    }
    const [id, node] = parts;
    const list = byRecord.get(id);
    if (list) list.push([node, change]);
    else byRecord.set(id, [[node, change]]);
  }
  // Judged first on the entries the update touches alone: passing that, a record passes whatever
  // else it holds. Only a record in doubt is judged again with the rest of its entries.
  const doubtful: RecordEntries[] = [];
  let othersRemain = false;
  for (const [id, list] of byRecord) {
    const record = readRecord(rules, id, list);
    if ('verdict' in record) return record;
    othersRemain ||= record.after.length > 0;
    if (judgeRecord(rules, record, [], true)) doubtful.push(record);
  }
  if (doubtful.length === 0) return undefined;
  const touchedKeys = new Set(changes.map((change) => change.key));
  const rest = restOfRecords(doc, collection, new Set(doubtful.map(({ id }) => id)), touchedKeys);
  for (const record of doubtful) {
    const refusal = judgeRecord(rules, record, rest.entries.get(record.id) ?? [], othersRemain || rest.othersRemain);
    if (refusal) return refusal;
  }
  return undefined;
}

/** The touched entries of one record, read: leniently as they were, strictly as the update writes them (GRD4). */
function readRecord(
  rules: CollectionRules,
  id: string,
  changes: readonly (readonly [node: string, change: KeyChange])[],
): RecordEntries | UpdateRefused {
  const record: RecordEntries = { id, before: [], after: [], written: [] };
  for (const [node, change] of changes) {
    const before = change.before && readLeniently(node, change.before.value);
    if (before) record.before.push(before);
    if (!change.after) continue;
    if (!change.after.written) {
      record.after.push(before ?? readLeniently(node, change.after.value));
      continue;
    }
    const written = readWritten(rules, id, node, change.after.value);
    if ('verdict' in written) return written;
    record.after.push(written);
    record.written.push(written);
  }
  return record;
}

/** GRD4: an entry the update writes is read whole by every reader, and a creation entry is a whole creation (REC6). */
function readWritten(rules: CollectionRules, recordId: string, node: string, raw: unknown): Entry | UpdateRefused {
  const place = { collection: rules.collection, recordId };
  const read = readEntryStrictly(raw, node);
  if (!read.ok) return refuse('invalid-value', read.message, place);
  if (node === DERIVED_NODE) {
    if (read.writes.some(([, write]) => !isCreationTimestamp(write.timestamp)))
      return refuse('invalid-value', 'a creation entry holds only creation writes', place);
    const entry = [{ node, writes: read.writes }];
    for (const [key, rule] of rules.fields) {
      if (rule.required && !writesField(entry, key))
        return refuse('invalid-value', `a creation entry lacks ${rule.name}`, { ...place, field: rule.name });
    }
  }
  return { node, writes: read.writes };
}

/** Whether any of the entries writes a field. */
function writesField(entries: readonly Entry[], key: string): boolean {
  for (const { writes } of entries) for (const [written] of writes) if (written === key) return true;
  return false;
}

/** Every write the entries hold, as text to compare by. */
function writeTexts(entries: readonly Entry[]): Set<string> {
  const texts = new Set<string>();
  for (const { writes } of entries) for (const [key, write] of writes) texts.add(writeText(key, write));
  return texts;
}

function writeText(key: string, write: FieldWrite): string {
  return `${key}\u0000${serializeTimestamp(write.timestamp)}\u0000${JSON.stringify(write.value)}`;
}

/** The winning write of every field across some entries (LWW3). */
function winners(entries: readonly Entry[]): Map<string, FieldWrite> {
  const won = new Map<string, FieldWrite>();
  for (const { writes } of entries) {
    for (const [key, write] of writes) {
      const current = won.get(key);
      if (!current || compareWrites(write, current) > 0) won.set(key, write);
    }
  }
  return won;
}

/**
 * GRD5 and GRD6 for one record, given the entries the update leaves alone (`rest`). Returns the
 * refusal, or undefined when the record keeps every rule. `othersRemain`: whether any record of
 * the collection has an entry afterwards.
 */
function judgeRecord(
  rules: CollectionRules,
  record: RecordEntries,
  rest: readonly Entry[],
  othersRemain: boolean,
): UpdateRefused | undefined {
  const { collection } = rules;
  const recordId = record.id;
  const before = rest.length === 0 ? record.before : [...record.before, ...rest];
  const after = rest.length === 0 ? record.after : [...record.after, ...rest];

  // GRD5: every write is a value its field takes — or one the record holds already, folded in
  // from another entry, bad or not (REC8: a record a broken peer left unreadable can be deleted).
  let held: Set<string> | undefined;
  for (const { writes } of record.written) {
    for (const [key, write] of writes) {
      const rule = rules.fields.get(key);
      const checked = rule?.check(write.value);
      if (checked?.ok) continue;
      held ??= writeTexts(before);
      if (held.has(writeText(key, write))) continue;
      if (!rule || !checked)
        return refuse('invalid-value', `a ${collection} record has no field "${key}"`, {
          collection,
          recordId,
          field: key,
        });
      return refuse('invalid-value', checked.message, { collection, recordId, field: rule.name });
    }
  }

  // GRD6: the record stays, and every field keeps its latest write — but a creation (REC6) may
  // give way to another creation of the same record, wherever its writes are held, as long as
  // the record keeps every field its kind requires.
  if (before.length > 0 && after.length === 0) {
    return othersRemain
      ? refuse('removes-record', `the update removes ${collection} record ${recordId}`, { collection, recordId })
      : refuse('removes-collection', `the update removes every record of ${collection}`, { collection });
  }
  if (before.length === 0) {
    for (const [key, rule] of rules.fields) {
      if (rule.required && !writesField(after, key))
        return refuse('invalid-value', `${rule.name} is required`, { collection, recordId, field: rule.name });
    }
    return undefined;
  }
  const was = winners(before);
  const now = winners(after);
  const creations = new Set<string>();
  for (const { writes } of after)
    for (const [, write] of writes)
      if (isCreationTimestamp(write.timestamp)) creations.add(serializeTimestamp(write.timestamp));
  for (const [key, write] of was) {
    const kept = now.get(key);
    if (kept && compareWrites(kept, write) >= 0) continue;
    const field = rules.fields.get(key)?.name ?? key;
    const replaced =
      isCreationTimestamp(write.timestamp) &&
      [...creations].some((creation) => creation !== serializeTimestamp(write.timestamp)) &&
      (kept !== undefined || rules.fields.get(key)?.required !== true);
    if (!replaced)
      return refuse('loses-write', `the latest write of ${field} would be lost`, { collection, recordId, field });
  }
  return undefined;
}

/** The entries of some records that the update leaves alone, and whether any record outside the update remains. */
function restOfRecords(
  doc: Y.Doc,
  collection: string,
  ids: ReadonlySet<string>,
  touchedKeys: ReadonlySet<string>,
): { entries: Map<string, Entry[]>; othersRemain: boolean } {
  const rest = new Map<string, Entry[]>();
  let othersRemain = false;
  for (const [key, item] of doc.share.get(collection)?._map ?? []) {
    if (item.deleted || touchedKeys.has(key)) continue;
    const parts = splitEntryKey(key);
    if (!parts) continue;
    othersRemain = true;
    const [id, node] = parts;
    if (!ids.has(id)) continue;
    const entries = rest.get(id) ?? [];
    entries.push(readLeniently(node, mapValueOf(item)));
    rest.set(id, entries);
  }
  return { entries: rest, othersRemain };
}

/**
 * GRD7: `meta` holds format declarations only, each a format this schema knows, and the
 * document's format — the largest declaration (FMT1) — never goes down.
 */
function checkMeta(doc: Y.Doc, changes: readonly KeyChange[]): UpdateRefused | undefined {
  const place = { collection: META };
  for (const change of changes) {
    if (!change.after?.written) continue;
    const node = VERSION_KEY.exec(change.key)?.[1];
    if (node === undefined || !isNodeId(node))
      return refuse('invalid-key', `${quoted(change.key)} is not a format declaration version/<writer>`, place);
    const { value } = change.after;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
      return refuse('invalid-value', 'a format declaration must be a whole number from 1', place);
    if (value > LEDGER_FORMAT)
      return refuse('format-too-new', `format ${value} is newer than this relay knows (${LEDGER_FORMAT})`, place);
  }
  const touched = new Map(changes.map((change) => [change.key, change]));
  let before: number | undefined;
  let after: number | undefined;
  const larger = (format: number | undefined, declared: number | undefined): number | undefined =>
    declared === undefined ? format : Math.max(format ?? declared, declared);
  for (const [key, item] of doc.share.get(META)?._map ?? []) {
    if (item.deleted) continue;
    const declared = declaredFormat(key, mapValueOf(item));
    before = larger(before, declared);
    if (!touched.has(key)) after = larger(after, declared);
  }
  for (const change of changes) if (change.after) after = larger(after, declaredFormat(change.key, change.after.value));
  if (before !== undefined && (after === undefined || after < before))
    return refuse('lowers-format', `the document's format would go down from ${before}`, place);
  return undefined;
}
