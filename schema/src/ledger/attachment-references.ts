import * as Y from 'yjs';
import { attachmentList, transactionKind } from '../records/index.js';
import { DELETED_KEY } from './collection.js';
import { mergeEntries } from './field-writes.js';
import { splitEntryKey } from './record-store.js';

const ATTACHMENTS_KEY = transactionKind.fields.attachments.key;

/**
 * How an update spells the attachments' key inside a written value: its length, then its bytes
 * (lib0's `writeVarString`; an ASCII key under 128 characters is one byte each, its length too).
 */
const ATTACHMENTS_KEY_BYTES = Uint8Array.of(
  ATTACHMENTS_KEY.length,
  ...Array.from(ATTACHMENTS_KEY, (character) => character.charCodeAt(0)),
);
if (!/^[\x20-\x7e]{1,127}$/.test(ATTACHMENTS_KEY))
  throw new Error('the attachments key must be printable ASCII, shorter than 128 characters');

/** Whether `bytes` holds `part` anywhere. */
function holds(bytes: Uint8Array, part: Uint8Array): boolean {
  const first = part[0];
  for (
    let at = bytes.indexOf(first as number);
    at !== -1 && at + part.length <= bytes.length;
    at = bytes.indexOf(first as number, at + 1)
  ) {
    let index = 1;
    while (index < part.length && bytes[at + index] === part[index]) index++;
    if (index === part.length) return true;
  }
  return false;
}

function entriesByRecord(transactions: Y.Map<unknown>, ids?: ReadonlySet<string>): Map<string, [string, unknown][]> {
  const records = new Map<string, [string, unknown][]>();
  for (const [key, raw] of transactions) {
    const split = splitEntryKey(key);
    if (!split || (ids && !ids.has(split[0]))) continue;
    const [id, node] = split;
    const entries = records.get(id) ?? [];
    entries.push([node, raw]);
    records.set(id, entries);
  }
  return records;
}

/**
 * The SHA-256 of every file the live transactions of a ledger name (SPEC ATT4), or of the
 * transactions in `ids` only. A deleted transaction's attachments are not named; a list a broken
 * peer left unreadable names nothing.
 */
export function attachmentHashes(doc: Y.Doc, ids?: Iterable<string>): Set<string> {
  const hashes = new Set<string>();
  const records = entriesByRecord(doc.getMap('transactions'), ids === undefined ? undefined : new Set(ids));
  for (const entries of records.values()) {
    const winners = mergeEntries(entries);
    if (winners.get(DELETED_KEY)?.value === true) continue;
    const attachments = winners.get(ATTACHMENTS_KEY);
    if (attachments === undefined) continue;
    const checked = attachmentList(attachments.value);
    if (checked.ok) for (const attachment of checked.value) hashes.add(attachment.hash);
  }
  return hashes;
}

function hashesInValue(value: unknown, hashes: Set<string>): void {
  if (!Array.isArray(value)) return;
  for (const group of value as unknown[]) {
    if (!Array.isArray(group) || group.length !== 2) continue;
    const fields: unknown = group[1];
    if (typeof fields !== 'object' || fields === null || !Object.hasOwn(fields, ATTACHMENTS_KEY)) continue;
    const checked = attachmentList((fields as Record<string, unknown>)[ATTACHMENTS_KEY]);
    if (checked.ok) for (const attachment of checked.value) hashes.add(attachment.hash);
  }
}

/**
 * Every file an update's writes name (SPEC ATT4), read from the update alone, without the
 * document it applies to: a relay that keeps a ledger as bytes records references from what it
 * accepts. It may name more than the ledger then references — a write a later one outranks, a
 * transaction deleted since — never fewer; `attachmentHashes` of the whole ledger is exact.
 */
export function attachmentHashesInUpdate(update: Uint8Array): Set<string> {
  const hashes = new Set<string>();
  // Most updates write no attachments: without the key's bytes, no value of them names a file,
  // and the update need not be decoded (the relay's guard and Yjs decode it already).
  if (!holds(update, ATTACHMENTS_KEY_BYTES)) return hashes;
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) {
      for (const value of struct.content.arr) hashesInValue(value, hashes);
    }
  }
  return hashes;
}
