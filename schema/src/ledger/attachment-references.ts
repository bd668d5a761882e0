import type * as Y from 'yjs';
import { attachmentList, transactionKind } from '../records/index.js';
import { DELETED_KEY } from './collection.js';
import { mergeEntries } from './field-writes.js';
import { splitEntryKey } from './record-store.js';

const ATTACHMENTS_KEY = transactionKind.fields.attachments.key;

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

/**
 * Calls `listener` after each change of a ledger document with the hashes its changed live
 * transactions name (SPEC ATT4), so a relay can record references as it accepts updates. Hashes a
 * change stops naming are not reported: `attachmentHashes` of the whole ledger says what remains.
 */
export function observeAttachmentHashes(doc: Y.Doc, listener: (hashes: Set<string>) => void): () => void {
  const transactions = doc.getMap('transactions');
  const observer = (event: Y.YMapEvent<unknown>): void => {
    const ids = new Set<string>();
    for (const key of event.keysChanged) {
      const split = splitEntryKey(key);
      if (split) ids.add(split[0]);
    }
    const hashes = attachmentHashes(doc, ids);
    if (hashes.size > 0) listener(hashes);
  };
  transactions.observe(observer);
  return () => transactions.unobserve(observer);
}
