import * as Y from 'yjs';
import { type Collection, Ledger } from '../ledger/index.js';
import { SeededRandom } from './seeded-random.js';

export type CollectionName =
  | 'accounts'
  | 'categories'
  | 'transactions'
  | 'budgets'
  | 'goals'
  | 'contributions'
  | 'recurring'
  | 'rates'
  | 'rules'
  | 'people'
  | 'settlements';
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'accounts',
  'categories',
  'transactions',
  'budgets',
  'goals',
  'contributions',
  'recurring',
  'rates',
  'rules',
  'people',
  'settlements',
];

export function collectionOf(ledger: Ledger, name: CollectionName): Collection<object, never> {
  return ledger[name] as unknown as Collection<object, never>;
}

/** Every record of every collection as this replica reads it, deleted ones included, by id. */
export type LedgerSnapshot = Record<CollectionName, Record<string, unknown>>;

export function ledgerSnapshot(ledger: Ledger): LedgerSnapshot {
  const snapshot = {} as LedgerSnapshot;
  for (const name of COLLECTION_NAMES) {
    const collection = collectionOf(ledger, name);
    const records: Record<string, unknown> = {};
    for (const record of collection.list({ includeDeleted: true }).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      records[record.id] = record;
    }
    snapshot[name] = records;
  }
  return snapshot;
}

const readers = new WeakMap<Y.Doc, Ledger>();

/** Reads a bare `Y.Doc` (a relay's or a provider's) as a ledger, without ever writing to it. */
export function docSnapshot(doc: Y.Doc): LedgerSnapshot {
  let reader = readers.get(doc);
  if (!reader) {
    reader = new Ledger(doc, { random: new SeededRandom(doc.clientID) });
    readers.set(doc, reader);
  }
  return ledgerSnapshot(reader);
}

function stateVectorText(doc: Y.Doc): string {
  return JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b));
}

export class ConvergenceError extends Error {
  override readonly name = 'ConvergenceError';
}

/**
 * Throws unless every document holds the same updates and reads as the same ledger (SPEC LWW5).
 * The message names the first record that differs, so a failing seed is easy to follow.
 */
export function assertConverged(docs: readonly Y.Doc[]): void {
  const [first, ...rest] = docs;
  if (!first) return;
  const vector = stateVectorText(first);
  const reference = docSnapshot(first);
  rest.forEach((doc, i) => {
    if (stateVectorText(doc) !== vector) {
      throw new ConvergenceError(`replica ${i + 1} has not received the same updates as replica 0`);
    }
    const snapshot = docSnapshot(doc);
    for (const name of COLLECTION_NAMES) {
      const ids = new Set([...Object.keys(reference[name]), ...Object.keys(snapshot[name])]);
      for (const id of ids) {
        const left = JSON.stringify(reference[name][id]);
        const right = JSON.stringify(snapshot[name][id]);
        if (left !== right) {
          throw new ConvergenceError(`${name}/${id} differs: replica 0 reads ${left}, replica ${i + 1} reads ${right}`);
        }
      }
    }
  });
}

/** Both directions of a y-websocket sync between two documents: afterwards each holds all the other had. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
