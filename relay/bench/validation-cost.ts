import { checkLedgerUpdate, Ledger } from '@tally/schema';
import { SeededRandom } from '@tally/schema/testing';
import * as Y from 'yjs';

export interface ValidationCost {
  readonly updates: number;
  /** Microseconds per update: the relay's guard (SPEC V1) alone. */
  readonly guardMicros: number;
  /** Microseconds per update: `Y.applyUpdate`, what every y-websocket server does with it. */
  readonly applyMicros: number;
}

/**
 * What judging each update costs the relay, beside applying it: a device creates `count`
 * transactions, one update each, on the stored ledger; the relay's copy judges then applies each,
 * a second copy only applies it. Both copies start from the same snapshot, in this process.
 */
export function measureValidationCost(snapshot: Uint8Array, count: number): ValidationCost {
  const device = new Ledger(new Y.Doc(), { random: new SeededRandom(7) });
  Y.applyUpdate(device.doc, snapshot);
  const accountId = device.accounts.create({ name: 'Bench', type: 'checking', currency: 'EUR' }).id;
  const stored = Y.encodeStateAsUpdate(device.doc);
  const guarded = copyOf(stored);
  const plain = copyOf(stored);
  const updates: Uint8Array[] = [];
  device.doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 1; updates.length < count; i++)
    device.transactions.create({ date: '2026-11-25', amount: -i, currency: 'EUR', accountId, payee: 'Bakery' });

  let guardMs = 0;
  for (const update of updates) {
    const started = performance.now();
    const verdict = checkLedgerUpdate(guarded, update);
    guardMs += performance.now() - started;
    if (verdict.verdict !== 'accepted') throw new Error(`the guard refused an honest update: ${verdict.verdict}`);
    Y.applyUpdate(guarded, verdict.update);
  }
  const startedApply = performance.now();
  for (const update of updates) Y.applyUpdate(plain, update);
  const applyMs = performance.now() - startedApply;
  return {
    updates: updates.length,
    guardMicros: (guardMs * 1000) / updates.length,
    applyMicros: (applyMs * 1000) / updates.length,
  };
}

function copyOf(snapshot: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  return doc;
}
