import * as Y from 'yjs';
import { HybridClock, serializeTimestamp, type Timestamp } from '../clock/index.js';
import { newRecordId } from '../ids.js';
import { cryptoRandom, type RandomSource } from '../random.js';
import { type FieldIssue, type Transaction, transactionKind, validateRecord } from '../records/index.js';
import { creationWrites, type LedgerRecord } from './collection.js';
import type { StoredEntry } from './field-writes.js';
import { entryKey } from './record-store.js';

/** The ledger replica the transactions are created for: its writer id and the latest timestamp its clock issued or saw. */
export interface CreationWriter {
  readonly node: string;
  readonly after: Timestamp;
  /** Wall clock in milliseconds; injected so tests can pin it. */
  readonly now?: () => number;
  readonly random?: RandomSource;
}

export type CreatedTransactions =
  | {
      readonly ok: true;
      /** Each created transaction as the ledger reads it, in the order given. */
      readonly records: readonly LedgerRecord<Transaction>[];
      /**
       * The creation as consecutive Yjs updates of `perSlice` records, applied one after the
       * other; `Y.mergeUpdates` makes them one.
       */
      readonly slices: readonly Uint8Array[];
    }
  /** The transaction at `index` is refused (REC4): nothing was created. */
  | { readonly ok: false; readonly index: number; readonly issues: readonly FieldIssue[] };

/**
 * Creates many transactions away from the ledger — in a worker, while the ledger stays on the
 * page — as one update, in consecutive slices, for the ledger to add (`Ledger.addCreated`), all
 * or nothing (SPEC REC11).
 * Each is checked and encoded as `transactions.create` would, at its own tick of a clock that
 * continues the writer's, under the writer's own entry key; references to other records are for
 * the ledger to check (`Ledger.refusedTransaction`).
 */
export function createTransactions(
  inputs: readonly unknown[],
  writer: CreationWriter,
  perSlice: number,
): CreatedTransactions {
  const records: LedgerRecord<Transaction>[] = [];
  const random = pooled(writer.random ?? cryptoRandom);
  for (const [index, input] of inputs.entries()) {
    const validation = validateRecord(transactionKind, input);
    if (!validation.ok) return { ok: false, index, issues: validation.issues };
    records.push({ ...validation.record, id: newRecordId(random), deleted: false });
  }
  const clock = new HybridClock({ node: writer.node, ...(writer.now && { now: writer.now }) });
  clock.receive(writer.after);
  const doc = new Y.Doc();
  const map = doc.getMap(transactionKind.collection);
  const slices: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => slices.push(update));
  for (let at = 0; at < records.length; at += perSlice) {
    doc.transact(() => {
      for (const record of records.slice(at, at + perSlice)) {
        map.set(entryKey(record.id, writer.node), creationEntry(record, clock.tick()));
      }
    });
  }
  return { ok: true, records, slices };
}

/**
 * The writer's entry of a new record, as `encodeEntry` writes it: every field was written at the
 * one timestamp of its creation, so the entry is a single group, its stamp written once.
 */
function creationEntry(record: LedgerRecord<Transaction>, timestamp: Timestamp): StoredEntry {
  return [[serializeTimestamp(timestamp, true), Object.fromEntries(creationWrites(transactionKind, record))]];
}

/** Web Crypto fills at most 65,536 bytes a call: asking once per few thousand ids instead of once per id. */
const POOL = 65_536;

function pooled(random: RandomSource): RandomSource {
  let pool: Uint8Array = new Uint8Array(0);
  let at = 0;
  return {
    bytes(length) {
      if (at + length > pool.length) {
        pool = random.bytes(POOL - (POOL % length));
        at = 0;
      }
      at += length;
      return pool.subarray(at - length, at);
    },
  };
}
