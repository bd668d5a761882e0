import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { checkLedgerUpdate } from '../update-guard/index.js';
import { Ledger } from './ledger.js';
import { versionRestoreUpdate } from './version-restore.js';

interface Device {
  readonly doc: Y.Doc;
  readonly ledger: Ledger;
  readonly wall: { now: number };
}

let nextSeed = 1;

function device(node: string): Device {
  const doc = new Y.Doc();
  const wall = { now: 1_700_000_000_000 };
  const ledger = new Ledger(doc, { node, now: () => wall.now, random: new SeededRandom(nextSeed++) });
  return { doc, ledger, wall };
}

/** A phone and a laptop sharing a ledger with one account and five transactions. */
function household(): { phone: Device; laptop: Device; accountId: string; ids: string[] } {
  const phone = device('phone00001');
  const laptop = device('laptop0001');
  const accountId = phone.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const ids = [1, 2, 3, 4, 5].map(
    (n) => phone.ledger.transactions.create({ date: `2026-11-0${n}`, amount: -100 * n, currency: 'EUR', accountId }).id,
  );
  syncDocs(phone.doc, laptop.doc);
  return { phone, laptop, accountId, ids };
}

/** Restores `version` as a relay would: works the update out on its own copy, then every device applies it. */
function restore(version: Uint8Array, devices: readonly Device[]): Uint8Array | null {
  const [first] = devices;
  if (!first) throw new Error('no device');
  const relay = new Y.Doc();
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(first.doc));
  const { update } = versionRestoreUpdate(relay, version, {
    node: 'relay00001',
    now: () => first.wall.now,
    random: new SeededRandom(99),
  });
  if (update) expect(checkLedgerUpdate(relay, update)).toMatchObject({ verdict: 'accepted' });
  for (const each of devices) if (update) Y.applyUpdate(each.doc, update);
  return update;
}

function liveIds(d: Device): string[] {
  return d.ledger.transactions
    .list()
    .map((t) => t.id)
    .sort();
}

describe('restoring a version of the ledger', () => {
  it('[VER1] brings back every record a mass delete removed, on every device', () => {
    const { phone, laptop, ids } = household();
    const version = Y.encodeStateAsUpdate(phone.doc);
    phone.wall.now += 60_000;
    phone.ledger.transact(() => {
      for (const id of ids) phone.ledger.transactions.delete(id);
    });
    syncDocs(phone.doc, laptop.doc);
    expect(liveIds(laptop)).toEqual([]);

    restore(version, [phone, laptop]);

    expect(liveIds(phone)).toEqual([...ids].sort());
    expect(liveIds(laptop)).toEqual([...ids].sort());
  });

  it('[VER1] puts back every field changed since, and a field first written since back to its default', () => {
    const { phone, laptop, ids } = household();
    const [id = ''] = ids;
    const version = Y.encodeStateAsUpdate(laptop.doc);
    const before = phone.ledger.transactions.get(id);
    laptop.wall.now += 60_000;
    laptop.ledger.transactions.update(id, { amount: -999, notes: 'written since' });
    syncDocs(phone.doc, laptop.doc);

    restore(version, [phone, laptop]);

    expect(phone.ledger.transactions.get(id)).toEqual(before);
    expect(laptop.ledger.transactions.get(id)).toEqual(before);
  });

  it('[VER2] keeps records created since the version', () => {
    const { phone, laptop, accountId } = household();
    const version = Y.encodeStateAsUpdate(phone.doc);
    const later = laptop.ledger.transactions.create({ date: '2026-11-20', amount: -5, currency: 'EUR', accountId });
    syncDocs(phone.doc, laptop.doc);

    expect(restore(version, [phone, laptop])).toBeNull();
    expect(phone.ledger.transactions.get(later.id)?.deleted).toBe(false);
  });

  it('[VER2] writes nothing when the ledger reads as the version does', () => {
    const { phone, laptop } = household();
    expect(restore(Y.encodeStateAsUpdate(phone.doc), [phone, laptop])).toBeNull();
  });

  it('[VER3] is undone by restoring a version taken after the delete, before the restore', () => {
    const { phone, laptop, ids } = household();
    const beforeDelete = Y.encodeStateAsUpdate(phone.doc);
    phone.wall.now += 60_000;
    phone.ledger.transact(() => {
      for (const id of ids.slice(0, 3)) phone.ledger.transactions.delete(id);
    });
    syncDocs(phone.doc, laptop.doc);
    const afterDelete = Y.encodeStateAsUpdate(laptop.doc);

    restore(beforeDelete, [phone, laptop]);
    expect(liveIds(laptop)).toHaveLength(5);
    restore(afterDelete, [phone, laptop]);

    expect(liveIds(phone)).toEqual(ids.slice(3).sort());
    expect(liveIds(laptop)).toEqual(ids.slice(3).sort());
  });

  it('[VER3] an edit a device makes after seeing the restore wins over it', () => {
    const { phone, laptop, ids } = household();
    const [id = ''] = ids;
    const version = Y.encodeStateAsUpdate(phone.doc);
    phone.ledger.transactions.update(id, { payee: 'Changed' });
    syncDocs(phone.doc, laptop.doc);
    restore(version, [phone, laptop]);
    expect(laptop.ledger.transactions.get(id)?.payee).toBe('');

    laptop.ledger.transactions.update(id, { payee: 'After the restore' });
    syncDocs(phone.doc, laptop.doc);

    expect(phone.ledger.transactions.get(id)?.payee).toBe('After the restore');
  });

  it('[VER1] brings back records whose entries a broken peer removed from the document', () => {
    const { phone, laptop, ids } = household();
    const version = Y.encodeStateAsUpdate(phone.doc);
    const transactions = phone.doc.getMap('transactions');
    phone.doc.transact(() => {
      for (const key of [...transactions.keys()]) transactions.delete(key);
    });
    syncDocs(phone.doc, laptop.doc);
    expect(laptop.ledger.transactions.size).toBe(0);

    restore(version, [phone, laptop]);

    expect(liveIds(laptop)).toEqual([...ids].sort());
  });
});
