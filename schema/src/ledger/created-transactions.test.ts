import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareTimestamps } from '../clock/index.js';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { createTransactions } from './created-transactions.js';
import { Ledger, type NewTransaction } from './ledger.js';

const NOW = 1_700_000_000_000;

function device(node: string, seed: number): { doc: Y.Doc; ledger: Ledger } {
  const doc = new Y.Doc();
  return { doc, ledger: new Ledger(doc, { node, now: () => NOW, random: new SeededRandom(seed) }) };
}

function lines(accountId: string, count: number): NewTransaction[] {
  return Array.from({ length: count }, (_, i) => ({
    date: '2026-11-20',
    amount: -(i + 1) * 100,
    currency: 'EUR',
    accountId,
    payee: `Shop ${i}`,
    importId: `line-${i}`,
  }));
}

function created(ledger: Ledger, inputs: readonly NewTransaction[], perSlice = 3) {
  const result = createTransactions(
    inputs,
    { node: ledger.clock.node, after: ledger.clock.latest, now: () => NOW, random: new SeededRandom(7) },
    perSlice,
  );
  if (!result.ok) throw new Error(`refused line ${result.index}`);
  return result;
}

describe('ledger: transactions created apart and added as one update', () => {
  it('[REC11] the transactions read as created one by one, and another device receives them', () => {
    const a = device('a', 1);
    const accountId = a.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const result = created(a.ledger, lines(accountId, 7));
    a.ledger.addCreated(Y.mergeUpdates([...result.slices]));
    for (const record of result.records) expect(a.ledger.transactions.get(record.id)).toEqual(record);
    expect(result.records.map((record) => a.ledger.transactions.get(record.id)?.payee)).toEqual(
      lines(accountId, 7).map((line) => line.payee),
    );
    const b = device('b', 2);
    syncDocs(a.doc, b.doc);
    expect(b.ledger.transactions.list()).toHaveLength(7);
  });

  it('[REC11] each transaction has its own tick of the writer’s clock, and the ledger’s clock moves past them all', () => {
    const a = device('a', 1);
    const accountId = a.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const before = a.ledger.clock.latest;
    const result = created(a.ledger, lines(accountId, 5));
    a.ledger.addCreated(Y.mergeUpdates([...result.slices]));
    const stamps = result.records.map(
      (record) => a.ledger.transactions.fieldWrites(record.id).get('amount')?.timestamp,
    );
    for (const [i, stamp] of stamps.entries()) {
      if (!stamp) throw new Error('a created transaction has no amount');
      expect(stamp.node).toBe('a');
      expect(compareTimestamps(stamp, i === 0 ? before : (stamps[i - 1] ?? before))).toBeGreaterThan(0);
      expect(compareTimestamps(a.ledger.clock.latest, stamp)).toBeGreaterThan(0);
    }
    const last = result.records.at(-1);
    if (!last) throw new Error('nothing was created');
    a.ledger.transactions.update(last.id, { payee: 'Edited after the import' });
    expect(a.ledger.transactions.get(last.id)?.payee).toBe('Edited after the import');
  });

  it('[REC11] a transaction created apart is stored as the ledger stores one it creates', () => {
    const a = device('a', 1);
    const accountId = a.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const [line] = lines(accountId, 1);
    if (!line) throw new Error('no line');
    const own = a.ledger.transactions.create(line);
    const result = created(a.ledger, [line]);
    const [apart] = result.records;
    if (!apart) throw new Error('nothing was created');
    const b = device('a', 2);
    b.ledger.addCreated(Y.mergeUpdates([...result.slices]));
    const entry = (doc: Y.Doc, id: string) => doc.getMap('transactions').get(`${id}/a`) as [string, object][];
    const [ownGroup] = entry(a.doc, own.id);
    const [apartGroup, ...more] = entry(b.doc, apart.id);
    expect(more).toEqual([]);
    expect(apartGroup?.[1]).toEqual(ownGroup?.[1]);
    expect(apartGroup?.[0]).toMatch(/^[0-9a-z]+\.[0-9a-z]+$/);
  });

  it('[REC11] the consecutive slices add up to the whole update', () => {
    const a = device('a', 1);
    const accountId = a.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const result = created(a.ledger, lines(accountId, 8), 3);
    expect(result.slices).toHaveLength(3);
    for (const slice of result.slices) a.ledger.addCreated(slice);
    const whole = device('a', 3);
    whole.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }, accountId);
    whole.ledger.addCreated(Y.mergeUpdates([...result.slices]));
    const ids = (ledger: Ledger) => ledger.transactions.list().map((record) => record.id);
    expect(ids(a.ledger).sort()).toEqual(ids(whole.ledger).sort());
    expect(ids(a.ledger)).toHaveLength(8);
  });

  it('[REC11][REC4] a transaction the schema refuses creates nothing and is named', () => {
    const inputs = lines('AAAAAAAAAAAAAAAAAAAAAA', 4);
    const result = createTransactions(
      inputs.map((input, i) => (i === 2 ? { ...input, date: '2026-02-30' } : input)),
      { node: 'a', after: { millis: NOW, counter: 0, node: 'a' } },
      10,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.index).toBe(2);
    expect(result.issues.map((issue) => issue.field)).toEqual(['date']);
  });

  it('[REC11][REC4] the ledger names the first transaction whose account or category it does not hold', () => {
    const a = device('a', 1);
    const accountId = a.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const categoryId = a.ledger.categories.create({ name: 'Food', kind: 'expense' }).id;
    const known = lines(accountId, 2).map((line) => ({ ...line, categoryId }));
    const unknown = { ...known[0], categoryId: 'BBBBBBBBBBBBBBBBBBBBBB' } as NewTransaction;
    expect(a.ledger.refusedTransaction(known)).toBeUndefined();
    expect(a.ledger.refusedTransaction([...known, unknown])).toEqual({
      index: 2,
      issues: [{ field: 'categoryId', message: expect.any(String) }],
    });
    expect(a.ledger.refusedTransaction([{ ...unknown, categoryId: categoryId, currency: 'USD' }])).toMatchObject({
      index: 0,
      issues: [{ field: 'currency' }],
    });
  });
});
