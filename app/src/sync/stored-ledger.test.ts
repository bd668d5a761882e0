import 'fake-indexeddb/auto';
import { openLedger } from '@tally/schema';
import * as idb from 'lib0/indexeddb';
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { LocalLedger, type LocalStorageOptions } from './local-ledger.js';
import { compactStoredLedger, type StoredLedger, storeUpdates } from './stored-ledger.js';

const open: LocalLedger[] = [];
let made = 0;

afterEach(async () => {
  for (const local of open.splice(0)) await local.close();
});

function freshStored(): StoredLedger {
  made += 1;
  return { database: `tally-stored-ledger-test-${made}` };
}

async function opened(stored: StoredLedger, storage: LocalStorageOptions = {}): Promise<LocalLedger> {
  const local = new LocalLedger({}, stored, storage);
  open.push(local);
  await local.load();
  return local;
}

async function storedRecords(stored: StoredLedger): Promise<Uint8Array[]> {
  const db = await idb.openDB(stored.database, () => undefined);
  try {
    const [updates] = idb.transact(db, ['updates'], 'readonly');
    if (!updates) throw new Error('no updates store');
    return (await idb.getAll(updates)) as Uint8Array[];
  } finally {
    db.close();
  }
}

async function storedCount(stored: StoredLedger): Promise<number> {
  return (await storedRecords(stored)).length;
}

/** A ledger of `count` transactions stored as about as many updates, one per change, as a device in use leaves it. */
async function ledgerOfManyUpdates(stored: StoredLedger, count: number): Promise<string[]> {
  const local = await opened(stored);
  const accountId = local.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      local.ledger.transactions.create({
        date: '2026-11-02',
        amount: -100 - i,
        currency: 'EUR',
        accountId,
        payee: `Bakery ${i}`,
      }).id,
    );
  }
  await local.flushed();
  await local.close();
  open.splice(open.indexOf(local), 1);
  return ids;
}

/** The payees of the ledger a next start reads, the ledger closed again. */
async function payeesStored(stored: StoredLedger): Promise<string[]> {
  const local = await opened(stored);
  const payees = local.ledger.transactions
    .list()
    .map((transaction) => transaction.payee)
    .sort();
  await local.close();
  open.splice(open.indexOf(local), 1);
  return payees;
}

test('compacting merges every stored update into one, and the ledger read back is the same', async () => {
  const stored = freshStored();
  await ledgerOfManyUpdates(stored, 40);
  const before = await payeesStored(stored);
  const updatesBefore = await storedCount(stored);
  expect(updatesBefore).toBeGreaterThan(40);

  expect(await compactStoredLedger(stored)).toEqual({ merged: updatesBefore });
  expect(await storedCount(stored)).toBe(1);
  expect(await payeesStored(stored)).toEqual(before);
  expect(before).toHaveLength(40);
});

test('what was overwritten before the merge takes no room after it, as the ledger itself holds it', async () => {
  const stored = freshStored();
  const local = await opened(stored);
  const accountId = local.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  for (let i = 0; i < 10; i++) {
    const { id } = local.ledger.transactions.create({ date: '2026-11-02', amount: -1, currency: 'EUR', accountId });
    for (let edit = 0; edit < 10; edit++) {
      local.ledger.transactions.update(id, {
        payee: `A payee long enough to weigh something in the stored ledger, number ${i}, edit ${edit}`,
      });
    }
  }
  await local.flushed();
  await local.close();
  open.splice(open.indexOf(local), 1);
  const everyByte = Y.mergeUpdates(await storedRecords(stored)).length;

  await compactStoredLedger(stored);

  const [merged] = await storedRecords(stored);
  expect(merged?.length).toBeLessThan(everyByte / 2);
  expect((await opened(stored)).ledger.accounts.get(accountId)?.name).toBe('Checking');
});

test('a ledger deleted from the device while a compaction starts is not made again', async () => {
  const stored = freshStored();
  expect(await compactStoredLedger(stored)).toBe('too-few');
  const names = (await indexedDB.databases()).map((database) => database.name);
  expect(names).not.toContain(stored.database);
});

test('an update stored while the merge is made is kept beside it', async () => {
  const stored = freshStored();
  await ledgerOfManyUpdates(stored, 10);
  const other = new Y.Doc();
  const late = openLedger(other);
  const accountId = late.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' }).id;
  late.transactions.create({ date: '2026-11-03', amount: -5, currency: 'EUR', accountId, payee: 'Stored meanwhile' });

  const result = await compactStoredLedger(stored, () => storeUpdates(stored, [Y.encodeStateAsUpdate(other)]));

  expect(result).toMatchObject({ merged: expect.any(Number) });
  expect(await storedCount(stored)).toBe(2);
  const payees = await payeesStored(stored);
  expect(payees).toContain('Stored meanwhile');
  expect(payees).toHaveLength(11);
});

test('two tabs compacting at once: the one that finds the updates changed writes nothing, and nothing is lost', async () => {
  const stored = freshStored();
  await ledgerOfManyUpdates(stored, 10);
  let second: Awaited<ReturnType<typeof compactStoredLedger>> | undefined;
  const first = await compactStoredLedger(stored, async () => {
    second = await compactStoredLedger(stored);
  });

  expect(second).toMatchObject({ merged: expect.any(Number) });
  expect(first).toBe('changed-meanwhile');
  expect(await storedCount(stored)).toBe(1);
  expect(await payeesStored(stored)).toHaveLength(10);
});

test('updates stored at earlier starts count: a ledger opened holding as many as set is compacted', async () => {
  const stored = freshStored();
  await ledgerOfManyUpdates(stored, 25);
  const asked: StoredLedger[] = [];
  await opened(stored, {
    compact: async (which) => {
      asked.push(which);
      return 'too-few';
    },
    compactAfter: 20,
  });
  await expect.poll(() => asked).toEqual([stored]);
});

test('a ledger in use is compacted off the page once it has stored as many updates as set, once at a time, never by y-indexeddb on the page', async () => {
  const stored = freshStored();
  const asked: StoredLedger[] = [];
  let finish: () => void = () => undefined;
  const local = await opened(stored, {
    compact: (which) => {
      asked.push(which);
      return new Promise((resolve) => {
        finish = () => resolve('too-few');
      });
    },
    compactAfter: 20,
  });
  // The records stored before (y-indexeddb's first one) are counted once a read of them lands.
  await local.flushed();
  const accountId = local.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const record = (count: number): void => {
    for (let i = 0; i < count; i++) {
      local.ledger.transactions.create({
        date: '2026-11-02',
        amount: -1,
        currency: 'EUR',
        accountId,
        payee: `Shop ${i}`,
      });
    }
  };
  record(10);
  expect(asked).toHaveLength(0);
  record(30);
  // One compaction at a time, however many updates follow while it runs.
  expect(asked).toEqual([stored]);
  finish();
  await new Promise((resolve) => setTimeout(resolve, 0));
  record(19);
  expect(asked).toHaveLength(1);
  record(1);
  expect(asked).toHaveLength(2);
  await local.flushed();
  // y-indexeddb merges on the page at 500 stored updates; here every update stays until the worker merges them.
  record(600);
  await local.flushed();
  // y-indexeddb's own merge would come a second after its 500th update.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  expect(await storedCount(stored)).toBeGreaterThan(600);
});
