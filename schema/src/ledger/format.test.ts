import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HybridClock } from '../clock/index.js';
import { type RecordKind, type Transaction, transactionKind } from '../records/index.js';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { Collection } from './collection.js';
import { LEDGER_FORMAT, type Migration, readFormat, upgradeFormat } from './format.js';
import { Ledger } from './ledger.js';
import { LedgerError } from './ledger-error.js';
import { RecordStore } from './record-store.js';

type FormatOneTransaction = Omit<Transaction, 'paidBy' | 'shares'>;

/**
 * Transactions as a Tally of format 1 before shared ledgers saw them: without `paidBy` and
 * `shares`, written through the same store, so its writes fold entries as that Tally's do.
 */
function formatOneTransactions(doc: Y.Doc, node: string, now: () => number) {
  const { paidBy: _paidBy, shares: _shares, ...fields } = transactionKind.fields;
  const kind: RecordKind<FormatOneTransaction> = { collection: 'transactions', fields };
  const clock = new HybridClock({ node, now });
  const origin = {};
  const store = new RecordStore(doc, doc.getMap('transactions'), { node, clock, origin, canWrite: () => true });
  const guard = {
    write: <R>(change: () => R): R => {
      let result: R | undefined;
      doc.transact(() => {
        result = change();
      }, origin);
      return result as R;
    },
    checkReferences: () => [],
  };
  return new Collection<FormatOneTransaction, never>(store, kind, guard, new SeededRandom(7));
}

describe('ledger format versions', () => {
  it('[FMT1] a ledger declares its format in meta with its first write', () => {
    const doc = new Y.Doc();
    const ledger = new Ledger(doc, { node: 'a' });
    expect(ledger.formatVersion).toBeUndefined();
    ledger.categories.create({ name: 'Food', kind: 'expense' });
    expect(readFormat(doc.getMap('meta'))).toBe(LEDGER_FORMAT);
    expect(ledger.formatVersion).toBe(LEDGER_FORMAT);
  });

  it('[FMT2] a ledger written by a newer Tally is read but not written, and says why', () => {
    const doc = new Y.Doc();
    const ledger = new Ledger(doc, { node: 'a' });
    const id = ledger.categories.create({ name: 'Food', kind: 'expense' }).id;
    const newer = new Y.Doc();
    newer.getMap('meta').set('version/zz', LEDGER_FORMAT + 1);
    syncDocs(doc, newer);
    expect(ledger.writable).toBe(false);
    expect(ledger.categories.get(id)?.name).toBe('Food');
    const before = Y.encodeStateVector(doc);
    expect(() => ledger.categories.update(id, { name: 'Groceries' })).toThrow(LedgerError);
    expect(() => ledger.categories.create({ name: 'Rent', kind: 'expense' })).toThrow(/newer version of Tally/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('[FMT3] an older device declaring its format at the same time never hides a newer one', () => {
    const old = new Y.Doc();
    const current = new Y.Doc();
    current.getMap('meta').set('version/zz', LEDGER_FORMAT + 1);
    new Ledger(old, { node: 'a' }).categories.create({ name: 'Food', kind: 'expense' });
    syncDocs(old, current);
    expect(readFormat(old.getMap('meta'))).toBe(LEDGER_FORMAT + 1);
    expect(readFormat(current.getMap('meta'))).toBe(LEDGER_FORMAT + 1);
  });

  it('[FMT4] an older document is migrated one version at a time, each step in one transaction', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap('meta');
    meta.set('version/old', 1);
    doc.getMap('legacy').set('x', 1);
    const steps: number[] = [];
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const migrations: Migration[] = [
      { from: 2, migrate: () => steps.push(2) },
      {
        from: 1,
        migrate: (target) => {
          steps.push(1);
          target.getMap('legacy').delete('x');
        },
      },
    ];
    expect(upgradeFormat(doc, meta, 'a', migrations, 3)).toBe(3);
    expect(steps).toEqual([1, 2]);
    expect(updates).toHaveLength(2);
    expect(readFormat(meta)).toBe(3);
    expect(doc.getMap('legacy').size).toBe(0);
  });

  it('[FMT4] a missing migration stops the climb where it is', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap('meta');
    meta.set('version/old', 1);
    expect(upgradeFormat(doc, meta, 'a', [], 3)).toBe(1);
    expect(readFormat(meta)).toBe(1);
  });

  it('[FMT3] declarations superseded by a writer are dropped, so meta stays small', () => {
    const doc = new Y.Doc();
    for (const node of ['a', 'b', 'c']) new Ledger(doc, { node }).categories.create({ name: node, kind: 'expense' });
    expect([...doc.getMap('meta').keys()]).toEqual(['version/c']);
  });

  it('[FMT5] a writer that does not know who paid and the shares keeps them when it edits and folds the transaction', () => {
    const current = new Y.Doc();
    const ledger = new Ledger(current, { node: 'new', now: () => 1_000_000 });
    const accountId = ledger.accounts.create({ name: 'Joint', type: 'checking', currency: 'EUR' }).id;
    const [alex, sam] = ['Alex', 'Sam'].map((name) => ledger.people.create({ name }).id) as [string, string];
    const shared = {
      paidBy: sam,
      shares: [
        { personId: alex, weight: 1 },
        { personId: sam, weight: 1 },
      ],
    };
    const id = ledger.transactions.create({
      date: '2026-03-01',
      amount: -6_000,
      currency: 'EUR',
      accountId,
      ...shared,
    }).id;
    const older = new Y.Doc();
    syncDocs(current, older);
    const olderTransactions = formatOneTransactions(older, 'old', () => 2_000_000);
    // Concurrent edits: the older writer's is the later, so it is the one that folds both entries (LWW6).
    ledger.transactions.update(id, { notes: 'from the newer device' });
    expect(olderTransactions.update(id, { payee: 'Market' })).not.toHaveProperty('shares');
    syncDocs(current, older);
    syncDocs(current, older);
    expect([...older.getMap('transactions').keys()].filter((key) => key.startsWith(`${id}/`))).toEqual([`${id}/old`]);
    expect(ledger.transactions.get(id)).toMatchObject({ payee: 'Market', notes: 'from the newer device', ...shared });
    expect(ledger.people.size).toBe(2);
    expect(ledger.formatVersion).toBe(LEDGER_FORMAT);
  });
});
