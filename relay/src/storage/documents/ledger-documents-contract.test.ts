import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import { rebuildDoc } from './stored-doc.js';

function updateSetting(doc: Y.Doc, key: string, value: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => {
    update = u;
  });
  doc.getMap('settings').set(key, value);
  return update;
}

describe.each(storageImplementations)('$name ledger documents keep their contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => RelayStorage;
  let dispose: () => void;

  beforeEach(() => {
    ({ storage, reopen, dispose } = implementation.open());
  });
  afterEach(async () => {
    await storage.close();
    dispose();
  });

  it('an unknown document loads as empty', async () => {
    expect(await storage.documents.load('nothing-here')).toEqual({
      snapshot: null,
      stateVector: null,
      updates: [],
      lastSeq: 0,
    });
  });

  it('appended updates load back in order with increasing sequence numbers', async () => {
    const doc = new Y.Doc();
    const first = updateSetting(doc, 'currency', 'EUR');
    const second = updateSetting(doc, 'locale', 'fr-FR');
    const seq1 = await storage.documents.appendUpdate('ledger-1', first);
    const seq2 = await storage.documents.appendUpdate('ledger-1', second);
    expect(seq2).toBeGreaterThan(seq1);
    const stored = await storage.documents.load('ledger-1');
    expect(stored.updates).toEqual([first, second]);
    expect(stored.lastSeq).toBe(seq2);
    expect(await storage.documents.countUpdates('ledger-1')).toBe(2);
  });

  it('updates appended together are all stored, each under its own sequence number', async () => {
    const doc = new Y.Doc();
    const updates = ['EUR', 'USD', 'GBP'].map((currency) => updateSetting(doc, `currency-${currency}`, currency));
    const seqs = await Promise.all(updates.map((update) => storage.documents.appendUpdate('ledger-1', update)));
    expect(new Set(seqs).size).toBe(3);
    expect((await storage.documents.load('ledger-1')).updates).toEqual(updates);
  });

  it('documents do not see each other’s updates', async () => {
    await storage.documents.appendUpdate('ledger-1', updateSetting(new Y.Doc(), 'currency', 'EUR'));
    expect((await storage.documents.load('ledger-2')).updates).toEqual([]);
  });

  it('compaction folds the log into a snapshot and keeps later updates', async () => {
    const doc = new Y.Doc();
    await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    const upTo = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'locale', 'fr-FR'));
    const snapshot = Y.encodeStateAsUpdate(doc);
    const stateVector = Y.encodeStateVector(doc);
    const late = updateSetting(doc, 'theme', 'dark');
    await storage.documents.appendUpdate('ledger-1', late);

    await storage.documents.compact('ledger-1', snapshot, stateVector, upTo);

    const stored = await storage.documents.load('ledger-1');
    expect(stored.snapshot).toEqual(snapshot);
    expect(stored.stateVector).toEqual(stateVector);
    expect(stored.updates).toEqual([late]);
    expect(rebuildDoc(stored).getMap('settings').toJSON()).toEqual(doc.getMap('settings').toJSON());
  });

  it('[L4] a document takes the bytes of its snapshot and its log; an unknown one none', async () => {
    expect(await storage.documents.storedBytes('ledger-1')).toBe(0);
    const doc = new Y.Doc();
    const first = updateSetting(doc, 'currency', 'EUR');
    const upTo = await storage.documents.appendUpdate('ledger-1', first);
    const second = updateSetting(doc, 'locale', 'fr-FR');
    await storage.documents.appendUpdate('ledger-1', second);
    expect(await storage.documents.storedBytes('ledger-1')).toBe(first.byteLength + second.byteLength);

    const snapshot = Y.encodeStateAsUpdate(doc);
    await storage.documents.compact('ledger-1', snapshot, Y.encodeStateVector(doc), upTo);
    expect(await storage.documents.storedBytes('ledger-1')).toBe(snapshot.byteLength + second.byteLength);
    expect(await storage.documents.storedBytes('ledger-2')).toBe(0);
  });

  it('sequence numbers keep increasing after compaction', async () => {
    const doc = new Y.Doc();
    const seq = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    await storage.documents.compact('ledger-1', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), seq);
    expect(await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'locale', 'fr-FR'))).toBeGreaterThan(
      seq,
    );
  });

  it('lists the documents whose log is not compacted yet, in id order', async () => {
    const doc = new Y.Doc();
    await storage.documents.appendUpdate('ledger-b', updateSetting(doc, 'currency', 'EUR'));
    await storage.documents.appendUpdate('ledger-a', updateSetting(doc, 'locale', 'fr-FR'));
    const seq = await storage.documents.appendUpdate('ledger-c', updateSetting(doc, 'theme', 'dark'));
    await storage.documents.compact('ledger-c', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), seq);
    expect(await storage.documents.listUncompacted()).toEqual(['ledger-a', 'ledger-b']);
  });

  it('what was appended is still there after reopening', async () => {
    const doc = new Y.Doc();
    await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    await storage.close();
    storage = reopen();
    expect(
      rebuildDoc(await storage.documents.load('ledger-1'))
        .getMap('settings')
        .get('currency'),
    ).toBe('EUR');
  });
});
