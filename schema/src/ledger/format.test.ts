import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/convergence.js';
import { LEDGER_FORMAT, type Migration, readFormat, upgradeFormat } from './format.js';
import { Ledger } from './ledger.js';
import { LedgerError } from './ledger-error.js';

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
});
