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
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
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

  it('[C2] updates of several documents appended together, interleaved, load back in the order they were appended, each numbered past the ones before', async () => {
    const known = new Y.Doc();
    const before = await storage.documents.appendUpdate('ledger-known', updateSetting(known, 'currency', 'EUR'));
    const fresh = new Y.Doc();
    const appends = [
      ['ledger-known', updateSetting(known, 'locale', 'fr-FR')],
      ['ledger-fresh', updateSetting(fresh, 'currency', 'USD')],
      ['ledger-known', updateSetting(known, 'theme', 'dark')],
      ['ledger-fresh', updateSetting(fresh, 'locale', 'en-US')],
      ['ledger-known', updateSetting(known, 'week-starts', 'monday')],
    ] as const;
    const seqs = await Promise.all(appends.map(([docId, update]) => storage.documents.appendUpdate(docId, update)));
    for (const docId of ['ledger-known', 'ledger-fresh']) {
      const numbers = seqs.filter((_, i) => appends[i]?.[0] === docId);
      const stored = await storage.documents.load(docId);
      expect(numbers.every((seq, i) => seq > (numbers[i - 1] ?? (docId === 'ledger-known' ? before : 0)))).toBe(true);
      expect(stored.lastSeq).toBe(numbers.at(-1));
      expect(stored.updates.slice(docId === 'ledger-known' ? 1 : 0)).toEqual(
        appends.filter(([id]) => id === docId).map(([, update]) => update),
      );
    }
  });

  it('a large update, then small ones asked for in the next turns, load back in the order they were appended, and a snapshot made after them keeps them all', async () => {
    const doc = new Y.Doc();
    const large = updateSetting(doc, 'notes', 'x'.repeat(128 * 1024));
    const appended = [storage.documents.appendUpdate('ledger-1', large)];
    const small: Uint8Array[] = [];
    for (const currency of ['EUR', 'USD', 'GBP']) {
      await new Promise((resolve) => setImmediate(resolve));
      small.push(updateSetting(doc, `currency-${currency}`, currency));
      appended.push(storage.documents.appendUpdate('ledger-1', small.at(-1) ?? new Uint8Array()));
    }
    const seqs = await Promise.all(appended);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect((await storage.documents.load('ledger-1')).updates).toEqual([large, ...small]);

    await storage.documents.compact('ledger-1', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), seqs.at(-1) ?? 0);
    const reloaded = rebuildDoc(await storage.documents.load('ledger-1'));
    expect(reloaded.getMap('settings').toJSON()).toEqual(doc.getMap('settings').toJSON());
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

  it('[B4] documents take the bytes of their snapshots, logs and versions, summed together; an unknown one none', async () => {
    expect(await storage.documents.storedBytes(['ledger-1'])).toBe(0);
    expect(await storage.documents.storedBytes([])).toBe(0);
    const doc = new Y.Doc();
    const first = updateSetting(doc, 'currency', 'EUR');
    const upTo = await storage.documents.appendUpdate('ledger-1', first);
    const second = updateSetting(doc, 'locale', 'fr-FR');
    await storage.documents.appendUpdate('ledger-1', second);
    expect(await storage.documents.storedBytes(['ledger-1'])).toBe(first.byteLength + second.byteLength);

    const snapshot = Y.encodeStateAsUpdate(doc);
    await storage.documents.compact('ledger-1', snapshot, Y.encodeStateVector(doc), upTo);
    expect(await storage.documents.storedBytes(['ledger-1'])).toBe(snapshot.byteLength + second.byteLength);
    expect(await storage.documents.storedBytes(['ledger-2'])).toBe(0);

    const version = await storage.documents.saveVersion('ledger-2', snapshot, 1_000);
    const other = updateSetting(new Y.Doc(), 'currency', 'USD');
    await storage.documents.appendUpdate('ledger-3', other);
    expect(await storage.documents.storedBytes(['ledger-2'])).toBe(version.bytes);
    // Each named once, however often it is asked for; a ledger not asked for is not counted.
    expect(await storage.documents.storedBytes(['ledger-1', 'ledger-2', 'ledger-1', 'ledger-4'])).toBe(
      snapshot.byteLength + second.byteLength + version.bytes,
    );
    expect(await storage.documents.storedBytes([])).toBe(0);
  });

  it('[P4] a compaction that read an older state never replaces a snapshot that folded more (the CLI racing the relay)', async () => {
    const other = await reopen();
    const doc = new Y.Doc();
    const early = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    const older = await other.documents.load('ledger-1');
    await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'locale', 'fr-FR'));
    const later = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'theme', 'dark'));
    await storage.documents.compact('ledger-1', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), later);

    const stale = rebuildDoc(older);
    await other.documents.compact('ledger-1', Y.encodeStateAsUpdate(stale), Y.encodeStateVector(stale), early);
    if (other !== storage) await other.close();

    const stored = await storage.documents.load('ledger-1');
    expect(rebuildDoc(stored).getMap('settings').toJSON()).toEqual({
      currency: 'EUR',
      locale: 'fr-FR',
      theme: 'dark',
    });
  });

  it('[C2] sequence numbers keep increasing after compaction, and a load still names the newest one folded', async () => {
    const doc = new Y.Doc();
    const seq = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    await storage.documents.compact('ledger-1', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), seq);
    expect((await storage.documents.load('ledger-1')).lastSeq).toBe(seq);
    expect(await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'locale', 'fr-FR'))).toBeGreaterThan(
      seq,
    );
  });

  it('[C10] loadSince reads only the updates stored after a number, and the newest number', async () => {
    const doc = new Y.Doc();
    const first = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    const second = updateSetting(doc, 'locale', 'fr-FR');
    const third = updateSetting(doc, 'theme', 'dark');
    await storage.documents.appendUpdate('ledger-2', updateSetting(new Y.Doc(), 'currency', 'USD'));
    await storage.documents.appendUpdate('ledger-1', second);
    const last = await storage.documents.appendUpdate('ledger-1', third);

    expect(await storage.documents.loadSince('ledger-1', first)).toEqual({
      snapshot: null,
      stateVector: null,
      updates: [second, third],
      lastSeq: last,
    });
    expect(await storage.documents.loadSince('ledger-1', last)).toEqual({
      snapshot: null,
      stateVector: null,
      updates: [],
      lastSeq: last,
    });
    expect(await storage.documents.loadSince('nothing-here', 0)).toEqual({
      snapshot: null,
      stateVector: null,
      updates: [],
      lastSeq: 0,
    });
  });

  it('[C10] loadSince a number a compaction folded past gives the whole document', async () => {
    const doc = new Y.Doc();
    const first = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    const folded = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'locale', 'fr-FR'));
    await storage.documents.compact('ledger-1', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), folded);
    const later = updateSetting(doc, 'theme', 'dark');
    const last = await storage.documents.appendUpdate('ledger-1', later);

    const since = await storage.documents.loadSince('ledger-1', first);
    expect(since).toEqual(await storage.documents.load('ledger-1'));
    expect(since.lastSeq).toBe(last);
    expect(rebuildDoc(since).getMap('settings').toJSON()).toEqual({ currency: 'EUR', locale: 'fr-FR', theme: 'dark' });
    expect((await storage.documents.loadSince('ledger-1', folded)).updates).toEqual([later]);
  });

  it('[C10] lastSeqs names the newest number of each document in one read, folded or not, 0 for none', async () => {
    const doc = new Y.Doc();
    const folded = await storage.documents.appendUpdate('ledger-1', updateSetting(doc, 'currency', 'EUR'));
    await storage.documents.compact('ledger-1', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), folded);
    const other = await storage.documents.appendUpdate('ledger-2', updateSetting(new Y.Doc(), 'currency', 'USD'));
    const seqs = await storage.documents.lastSeqs(['ledger-1', 'ledger-2', 'nothing-here']);
    expect(Object.fromEntries(seqs)).toEqual({ 'ledger-1': folded, 'ledger-2': other, 'nothing-here': 0 });
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
    storage = await reopen();
    expect(
      rebuildDoc(await storage.documents.load('ledger-1'))
        .getMap('settings')
        .get('currency'),
    ).toBe('EUR');
  });

  it('[R1] keeps versions of a document, newest first, each loading back as it was saved', async () => {
    const doc = new Y.Doc();
    updateSetting(doc, 'currency', 'EUR');
    const first = Y.encodeStateAsUpdate(doc);
    updateSetting(doc, 'currency', 'USD');
    const second = Y.encodeStateAsUpdate(doc);
    const older = await storage.documents.saveVersion('ledger-1', first, 1_000);
    const newer = await storage.documents.saveVersion('ledger-1', second, 2_000);
    expect(older).toEqual({ versionId: expect.any(String), takenAt: 1_000, bytes: first.byteLength });
    expect(await storage.documents.listVersions('ledger-1')).toEqual([newer, older]);
    expect(await storage.documents.loadVersion('ledger-1', older.versionId)).toEqual(first);
    expect(await storage.documents.loadVersion('ledger-1', newer.versionId)).toEqual(second);
    expect(await storage.documents.storedBytes(['ledger-1'])).toBe(first.byteLength + second.byteLength);
  });

  it('[R1] a version belongs to its document only', async () => {
    const version = await storage.documents.saveVersion('ledger-1', Y.encodeStateAsUpdate(new Y.Doc()), 1_000);
    expect(await storage.documents.loadVersion('ledger-2', version.versionId)).toBeNull();
    expect(await storage.documents.loadVersion('ledger-1', 'no-such-version')).toBeNull();
    expect(await storage.documents.listVersions('ledger-2')).toEqual([]);
    expect(await storage.documents.storedBytes(['ledger-2'])).toBe(0);
  });

  it('[R2] dropped versions are gone, the others stay, and stay after reopening', async () => {
    const doc = new Y.Doc();
    updateSetting(doc, 'currency', 'EUR');
    const kept = await storage.documents.saveVersion('ledger-1', Y.encodeStateAsUpdate(doc), 1_000);
    const dropped = await storage.documents.saveVersion('ledger-1', Y.encodeStateAsUpdate(doc), 2_000);
    await storage.documents.dropVersions('ledger-1', [dropped.versionId]);
    await storage.close();
    storage = await reopen();
    expect(await storage.documents.listVersions('ledger-1')).toEqual([kept]);
    expect(await storage.documents.loadVersion('ledger-1', dropped.versionId)).toBeNull();
  });

  it('[R4] a restore request is claimed once, by one caller, and its outcome read back', async () => {
    const first = await storage.documents.requestRestore('ledger-1', '7', 1_000);
    const second = await storage.documents.requestRestore('ledger-2', '8', 1_001);
    expect(await storage.documents.restoreRequestState(first)).toEqual({ kind: 'pending' });
    expect(await storage.documents.claimRestoreRequests(2_000, second)).toEqual([
      { requestId: second, docId: 'ledger-2', versionId: '8' },
    ]);
    expect(await storage.documents.claimRestoreRequests(2_000)).toEqual([
      { requestId: first, docId: 'ledger-1', versionId: '7' },
    ]);
    expect(await storage.documents.claimRestoreRequests(2_000)).toEqual([]);
    expect(await storage.documents.restoreRequestState(first)).toEqual({ kind: 'claimed' });
    await storage.documents.finishRestoreRequest(first, { kind: 'restored', records: 3 }, 3_000);
    await storage.documents.finishRestoreRequest(second, { kind: 'unknown-version' }, 3_000);
    expect(await storage.documents.restoreRequestState(first)).toEqual({
      kind: 'finished',
      outcome: { kind: 'restored', records: 3 },
    });
    expect(await storage.documents.restoreRequestState(second)).toEqual({
      kind: 'finished',
      outcome: { kind: 'unknown-version' },
    });
    expect(await storage.documents.restoreRequestState(999)).toBeNull();
  });
});
