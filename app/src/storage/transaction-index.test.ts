import 'fake-indexeddb/auto';
import { type Ledger, openLedger } from '@tally/schema';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { matchesSearch, searchQuery } from './search-text.js';
import { TallyDatabase, TRANSACTION_INDEX_FINGERPRINT, TRANSACTION_INDEX_NEWEST } from './tally-database.js';
import { type LedgerState, TransactionIndex, type TransactionSource } from './transaction-index.js';
import { type TransactionRow, toTransactionRow } from './transaction-row.js';

let db: TallyDatabase;
let ledger: Ledger;
let accountId: string;
let databaseCount = 0;

/** A ledger's state as the running Tally fingerprints it: its state vector, in base64. */
function stateOf(doc: Y.Doc): LedgerState {
  const decode = (fingerprint: string) => Y.decodeStateVector(Buffer.from(fingerprint, 'base64'));
  return {
    fingerprint: () => Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
    covers: (a, b) => [...decode(b)].every(([client, clock]) => (decode(a).get(client) ?? 0) >= clock),
  };
}

function addTransaction(date: string, payee: string, amount = -100) {
  return ledger.transactions.create({ date, amount, currency: 'EUR', accountId, payee });
}

/** Every stored row, newest first, as the months hold them, and which months are stored. */
async function stored(): Promise<{ months: string[]; rows: TransactionRow[] }> {
  const months = (await db.transactionMonths.toArray()).reverse();
  return { months: months.map(({ month }) => month), rows: months.flatMap(({ rows }) => rows) };
}

/** Counts the IndexedDB transactions opened on the database from now on. */
function countTransactions(): () => number {
  let count = 0;
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  Object.assign(db, {
    transaction: (...args: unknown[]) => {
      count += 1;
      return transaction(...args);
    },
  });
  return () => count;
}

async function openIndex(): Promise<TransactionIndex> {
  const index = new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc));
  await index.load();
  await index.follow();
  return index;
}

beforeEach(() => {
  db = new TallyDatabase(`tally-test-${databaseCount++}`);
  ledger = openLedger(new Y.Doc());
  accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the transaction index', () => {
  test('is built from the ledger the first time, newest first', async () => {
    addTransaction('2026-11-01', 'Bakery');
    addTransaction('2026-11-03', 'Cinema');
    addTransaction('2026-10-30', 'Rent');
    const index = await openIndex();
    expect(index.getSnapshot().rows.map((row) => row.payee)).toEqual(['Cinema', 'Bakery', 'Rent']);
    await index.flushed();
    const { months, rows } = await stored();
    expect(months).toEqual(['2026-11', '2026-10']);
    expect(rows.map((row) => row.payee)).toEqual(['Cinema', 'Bakery', 'Rent']);
  });

  test('follows creates, edits and deletes, in memory and in IndexedDB', async () => {
    const index = await openIndex();
    const bakery = addTransaction('2026-11-01', 'Bakery');
    const cinema = addTransaction('2026-11-03', 'Cinema');
    ledger.transactions.update(bakery.id, { date: '2026-11-05', payee: 'Bakery & Café' });
    ledger.transactions.delete(cinema.id);
    expect(index.getSnapshot().rows.map((row) => [row.payee, row.date])).toEqual([['Bakery & Café', '2026-11-05']]);
    await index.flushed();
    expect((await stored()).rows).toMatchObject([{ id: bakery.id, payee: 'Bakery & Café', search: 'bakery cafe' }]);
  });

  test('a transaction moved to another month moves in IndexedDB, and a month left empty is removed', async () => {
    const index = await openIndex();
    const rent = addTransaction('2026-10-30', 'Rent');
    const bakery = addTransaction('2026-11-01', 'Bakery');
    addTransaction('2026-11-03', 'Cinema');
    await index.flushed();
    ledger.transactions.update(bakery.id, { date: '2026-09-15' });
    ledger.transactions.delete(rent.id);
    await index.flushed();
    const { months, rows } = await stored();
    expect(months).toEqual(['2026-11', '2026-09']);
    expect(rows.map((row) => [row.payee, row.date])).toEqual([
      ['Cinema', '2026-11-03'],
      ['Bakery', '2026-09-15'],
    ]);
  });

  test('two tabs writing the same month before hearing each other both keep their rows stored', async () => {
    const tabA = await openIndex();
    const otherTab = openLedger(new Y.Doc());
    Y.applyUpdate(otherTab.doc, Y.encodeStateAsUpdate(ledger.doc));
    const tabB = new TransactionIndex(db, otherTab.transactions, stateOf(otherTab.doc));
    await tabB.load();
    await tabB.follow();
    addTransaction('2026-11-01', 'Bakery');
    await tabA.flushed();
    otherTab.transactions.create({ date: '2026-11-02', amount: -5, currency: 'EUR', accountId, payee: 'Kiosk' });
    await tabB.flushed();
    expect((await stored()).rows.map((row) => row.payee)).toEqual(['Kiosk', 'Bakery']);
  });

  test('a tab that rebuilt the index from an older ledger state leaves no fingerprint vouching for the rows it dropped', async () => {
    const tabA = await openIndex();
    await tabA.flushed();
    const copy = () => {
      const tab = openLedger(new Y.Doc());
      Y.applyUpdate(tab.doc, Y.encodeStateAsUpdate(ledger.doc));
      return tab;
    };
    const stale = copy();
    ledger.transactions.create({ date: '2026-11-01', amount: -5, currency: 'EUR', accountId, payee: 'Kiosk' });
    await tabA.flushed();
    // A tab opened on the ledger as it was before the kiosk, before hearing of it, rebuilds the index without it.
    const tabB = new TransactionIndex(db, stale.transactions, stateOf(stale.doc));
    await tabB.load();
    await tabB.follow();
    await tabB.flushed();
    addTransaction('2026-11-02', 'Lamp');
    await tabA.flushed();

    const next = new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc));
    await next.load();
    await next.follow();
    expect(next.getSnapshot().rows.map((row) => row.payee)).toEqual(['Lamp', 'Kiosk']);
    await next.flushed();
    expect((await stored()).rows.map((row) => row.payee)).toEqual(['Lamp', 'Kiosk']);
  });

  test('a tab closed half-way through rebuilding a large index while another tab wrote leaves the next start to rebuild it', async () => {
    ledger.transact(() => {
      for (let month = 1; month <= 12; month++) {
        for (let i = 0; i < 600; i++) addTransaction(`2024-${String(month).padStart(2, '0')}-10`, `Shop ${i}`);
      }
    });
    await (await openIndex()).flushed();
    const copy = () => {
      const tab = openLedger(new Y.Doc());
      Y.applyUpdate(tab.doc, Y.encodeStateAsUpdate(ledger.doc));
      return tab;
    };
    // One tab follows the stored index; another opens on a newer ledger state, so it rebuilds.
    const other = copy();
    const writing = new TransactionIndex(db, other.transactions, stateOf(other.doc));
    await writing.load();
    await writing.follow();
    const newer = copy();
    newer.transactions.create({ date: '2024-12-21', amount: -5, currency: 'EUR', accountId, payee: 'Lamp' });
    // The rebuilding tab's own connection: its first IndexedDB transaction of the rebuild commits;
    // then the other tab stores a change, and the rebuilding tab is closed before its next one.
    const closing = new TallyDatabase(db.name);
    const rebuilding = new TransactionIndex(closing, newer.transactions, stateOf(newer.doc));
    await rebuilding.load();
    const transaction = closing.transaction.bind(closing) as (...args: unknown[]) => Promise<unknown>;
    let begun = 0;
    Object.assign(closing, {
      transaction: async (...args: unknown[]) => {
        begun += 1;
        if (begun === 1) return transaction(...args);
        other.transactions.create({ date: '2024-12-20', amount: -5, currency: 'EUR', accountId, payee: 'Kiosk' });
        await writing.flushed();
        throw new Error('the tab was closed');
      },
    });
    await rebuilding.follow();
    await rebuilding.flushed();
    closing.close();
    expect(begun).toBe(2);

    const next = new TransactionIndex(db, other.transactions, stateOf(other.doc));
    await next.load();
    await next.follow();
    expect(next.getSnapshot().rows).toHaveLength(12 * 600 + 1);
    await next.flushed();
    expect((await stored()).rows).toEqual(next.getSnapshot().rows);
  });

  test('a tab writing its copy of changes after another tab stored them leaves the index vouched for, so the next start does not rebuild', async () => {
    addTransaction('2026-01-10', 'Bakery');
    const tabA = await openIndex();
    await tabA.flushed();
    const other = openLedger(new Y.Doc());
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(ledger.doc));
    const tabB = new TransactionIndex(db, other.transactions, stateOf(other.doc));
    await tabB.load();
    await tabB.follow();
    const updates: Uint8Array[] = [];
    ledger.doc.on('update', (update: Uint8Array) => updates.push(update));
    addTransaction('2026-02-10', 'Kiosk');
    addTransaction('2026-02-11', 'Lamp');
    await tabA.flushed();
    // The other tab, in the background, hears both changes and writes its copy of them later.
    for (const update of updates) Y.applyUpdate(other.doc, update);
    await tabB.flushed();
    await expect(db.settings.get(TRANSACTION_INDEX_FINGERPRINT)).resolves.toMatchObject({
      value: stateOf(ledger.doc).fingerprint(),
    });
    expect((await stored()).rows.map((row) => row.payee)).toEqual(['Lamp', 'Kiosk', 'Bakery']);
  });

  test('a tab starting while another stores a change reads the stored rows and their fingerprint as one, and lists the change', async () => {
    addTransaction('2025-01-10', 'Bakery');
    const tabA = await openIndex();
    await tabA.flushed();
    // Tab A adds the kiosk: y-indexeddb stores it at once, its index row once the page is idle.
    const kiosk = addTransaction('2025-03-10', 'Kiosk');
    // Tab B starts on the ledger with the kiosk; tab A stores the kiosk's row between B's reads.
    const other = openLedger(new Y.Doc());
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(ledger.doc));
    const tabB = new TransactionIndex(new TallyDatabase(db.name), other.transactions, stateOf(other.doc));
    await tabB.load();
    await tabA.flushed();
    await tabB.follow();
    expect(tabB.getSnapshot().rows.map((row) => row.payee)).toEqual(['Kiosk', 'Bakery']);

    // Tab B then hears from another device that the kiosk moved to May, and stores that.
    const peer = openLedger(new Y.Doc());
    Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(other.doc));
    peer.transactions.update(kiosk.id, { date: '2025-05-02' });
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc)));
    await tabB.flushed();
    const next = new TransactionIndex(db, other.transactions, stateOf(other.doc));
    await next.load();
    await next.follow();
    expect(next.getSnapshot().rows.map((row) => `${row.payee} ${row.date}`)).toEqual([
      'Kiosk 2025-05-02',
      'Bakery 2025-01-10',
    ]);
  });

  test('two tabs rebuilding a large index at once store each row once', async () => {
    ledger.transact(() => {
      for (let month = 1; month <= 12; month++) {
        for (let i = 0; i < 600; i++) addTransaction(`2024-${String(month).padStart(2, '0')}-10`, `Shop ${i}`);
      }
    });
    const tabs = [
      new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc)),
      new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc)),
    ];
    await Promise.all(tabs.map((tab) => tab.load()));
    await Promise.all(tabs.map((tab) => tab.follow()));
    await Promise.all(tabs.map((tab) => tab.flushed()));
    expect((await stored()).rows).toEqual(tabs[0]?.getSnapshot().rows);
  });

  test('one row changed in each of many full months is stored over several IndexedDB transactions', async () => {
    ledger.transact(() => {
      for (let month = 1; month <= 12; month++) {
        for (let i = 0; i < 600; i++) addTransaction(`2024-${String(month).padStart(2, '0')}-10`, `Shop ${i}`);
      }
    });
    const index = await openIndex();
    await index.flushed();
    const transactions = countTransactions();
    const rents = index.getSnapshot().rows.filter((row) => row.payee === 'Shop 0');
    ledger.transact(() => {
      for (const rent of rents) ledger.transactions.update(rent.id, { payee: 'Rent' });
    });
    await index.flushed();
    expect(transactions()).toBeGreaterThan(1);
    expect((await stored()).rows).toEqual(index.getSnapshot().rows);
  });

  test('a start shows the newest screenful across months first, then every row in the same order as before', async () => {
    ledger.transact(() => {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 20; day++) {
          addTransaction(
            `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            `Shop ${month}/${day}`,
          );
        }
      }
    });
    const first = await openIndex();
    await first.flushed();
    const reopened = new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc));
    await reopened.loadNewest();
    expect(reopened.getSnapshot()).toEqual({ loaded: false, rows: first.getSnapshot().rows.slice(0, 100) });
    await reopened.load();
    expect(reopened.getSnapshot()).toEqual({ loaded: true, rows: first.getSnapshot().rows });
  });

  test('a start shows its first screen from the rows kept apart for it, which follow every change, without reading a month', async () => {
    ledger.transact(() => {
      for (let day = 1; day <= 28; day++)
        for (let i = 0; i < 6; i++) addTransaction(`2026-11-${String(day).padStart(2, '0')}`, `Shop ${day}/${i}`);
    });
    const index = await openIndex();
    await index.flushed();
    const newest = index.getSnapshot().rows[0];
    if (newest === undefined) throw new Error('no rows');
    ledger.transactions.delete(newest.id);
    addTransaction('2026-11-30', 'Late bakery');
    await index.flushed();
    await db.transactionMonths.clear();
    const reopened = new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc));
    await reopened.loadNewest();
    expect(reopened.getSnapshot()).toEqual({ loaded: false, rows: index.getSnapshot().rows.slice(0, 100) });
    expect(reopened.getSnapshot().rows[0]?.payee).toBe('Late bakery');
    expect(reopened.getSnapshot().rows.map((row) => row.id)).not.toContain(newest.id);
  });

  test('rows kept apart for another ledger state than the stored index vouches for are not shown', async () => {
    addTransaction('2026-11-01', 'Bakery');
    await (await openIndex()).flushed();
    await db.transaction('rw', db.transactionMonths, db.settings, async () => {
      await db.transactionMonths.clear();
      await db.settings.put({ key: TRANSACTION_INDEX_FINGERPRINT, value: 'another state' });
    });
    const reopened = new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc));
    await reopened.loadNewest();
    expect(reopened.getSnapshot()).toEqual({ loaded: false, rows: [] });
    expect((await db.settings.get(TRANSACTION_INDEX_NEWEST))?.value).toMatchObject({ rows: [{ payee: 'Bakery' }] });
  });

  test('a change larger than one write is stored whole, over several IndexedDB transactions', async () => {
    const index = await openIndex();
    const transactions = countTransactions();
    ledger.transact(() => {
      for (let month = 1; month <= 6; month++) {
        for (let i = 0; i < 2_000; i++) addTransaction(`2024-${String(month).padStart(2, '0')}-10`, `Shop ${i}`);
      }
    });
    await index.flushed();
    expect(transactions()).toBeGreaterThan(1);
    expect((await stored()).rows).toEqual(index.getSnapshot().rows);
  });

  test('a stored index that matches the ledger is used as it is, before the ledger is even read', async () => {
    addTransaction('2026-11-01', 'Bakery');
    await (await openIndex()).flushed();
    const reopened = new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc));
    await reopened.load();
    expect(reopened.getSnapshot()).toMatchObject({ loaded: true, rows: [{ payee: 'Bakery' }] });
  });

  test('a change elsewhere in the ledger (an account, a budget) leaves the stored index usable at the next start', async () => {
    addTransaction('2026-11-01', 'Bakery');
    const first = await openIndex();
    ledger.doc.on('update', () => first.ledgerChanged());
    ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' });
    await first.flushed();

    let rebuilds = 0;
    const source = ledger.transactions;
    const counting: TransactionSource = {
      get: (id) => source.get(id),
      observe: (listener) => source.observe(listener),
      list: (options) => {
        rebuilds += 1;
        return source.list(options);
      },
    };
    const next = new TransactionIndex(db, counting, stateOf(ledger.doc));
    await next.load();
    await next.follow();
    expect(rebuilds).toBe(0);
    expect(next.getSnapshot().rows.map((row) => row.payee)).toEqual(['Bakery']);
  });

  test('after a lost write, no later change vouches for the stored rows, and the next start rebuilds them', async () => {
    const first = await openIndex();
    ledger.doc.on('update', () => first.ledgerChanged());
    const put = db.transactionMonths.put.bind(db.transactionMonths);
    db.transactionMonths.put = () => Dexie.Promise.reject(new Error('the disk is full'));
    // Its month is not written again by the change after it, so its row stays unstored.
    addTransaction('2026-10-31', 'Bakery');
    await first.flushed();
    db.transactionMonths.put = put;
    ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' });
    addTransaction('2026-11-02', 'Cinema');
    await first.flushed();

    const next = new TransactionIndex(db, ledger.transactions, stateOf(ledger.doc));
    await next.load();
    expect(next.getSnapshot().rows.map((row) => row.payee)).toEqual(['Cinema']);
    await next.follow();
    expect(next.getSnapshot().rows.map((row) => row.payee)).toEqual(['Cinema', 'Bakery']);
  });

  test('changes in quick succession, transactions and others mixed, leave the stored index vouched for', async () => {
    const first = await openIndex();
    ledger.doc.on('update', () => first.ledgerChanged());
    ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' });
    addTransaction('2026-11-01', 'Bakery');
    ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' });
    await first.flushed();
    await expect(db.settings.get(TRANSACTION_INDEX_FINGERPRINT)).resolves.toMatchObject({
      value: stateOf(ledger.doc).fingerprint(),
    });
  });

  test('a stored index from another ledger state is rebuilt from the ledger', async () => {
    addTransaction('2026-11-01', 'Bakery');
    const first = await openIndex();
    await first.flushed();
    // Changes the index never saw, as when a write to IndexedDB was lost.
    const other = openLedger(new Y.Doc());
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(ledger.doc));
    other.transactions.create({ date: '2026-11-09', amount: -5, currency: 'EUR', accountId, payee: 'Kiosk' });
    const index = new TransactionIndex(db, other.transactions, stateOf(other.doc));
    await index.load();
    expect(index.getSnapshot().rows.map((row) => row.payee)).toEqual(['Bakery']);
    await index.follow();
    expect(index.getSnapshot().rows.map((row) => row.payee)).toEqual(['Kiosk', 'Bakery']);
  });

  test('changes arriving from a peer are indexed like local ones', async () => {
    const index = await openIndex();
    const peer = openLedger(new Y.Doc());
    Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(ledger.doc));
    peer.transactions.create({ date: '2026-11-02', amount: -700, currency: 'EUR', accountId, payee: 'Taxi' });
    Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(peer.doc));
    expect(index.getSnapshot().rows.map((row) => [row.payee, row.amount])).toEqual([['Taxi', -700]]);
  });

  test('a large batch of changes keeps the same order as one by one', async () => {
    const index = await openIndex();
    ledger.transact(() => {
      for (let day = 1; day <= 28; day++) {
        for (let i = 0; i < 30; i++) addTransaction(`2026-02-${String(day).padStart(2, '0')}`, `Shop ${day}/${i}`);
      }
    });
    const rows = index.getSnapshot().rows;
    expect(rows).toHaveLength(840);
    expect(rows.every((row, i) => i === 0 || (rows[i - 1]?.date ?? '') >= row.date)).toBe(true);
  });

  test('a tag added on another device makes the transaction findable by it', async () => {
    const index = await openIndex();
    const taxi = addTransaction('2026-11-02', 'Taxi');
    const peer = openLedger(new Y.Doc());
    Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(ledger.doc));
    peer.transactions.update(taxi.id, { tags: ['Lisbon trip'] });
    Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(peer.doc));
    const [row] = index.getSnapshot().rows;
    expect(row?.tags).toEqual(['Lisbon trip']);
    expect(row && matchesSearch(row.search, searchQuery('lisb'))).toBe(true);
  });

  test('rows stored by an older version of Tally, without tags or folded words, are rebuilt from the ledger', async () => {
    addTransaction('2026-11-01', 'Café Müller');
    const name = db.name;
    db.close();
    const old = new Dexie(name);
    old.version(1).stores({ transactions: 'id, [date+id], accountId, categoryId', settings: 'key' });
    await old.table('transactions').put({ id: 'x', date: '2026-11-01', payee: 'Café Müller', search: 'café müller\n' });
    await old.table('settings').put({ key: 'transactionIndex.fingerprint', value: stateOf(ledger.doc).fingerprint() });
    old.close();
    db = new TallyDatabase(name);
    const index = await openIndex();
    expect(index.getSnapshot().rows).toMatchObject([{ payee: 'Café Müller', tags: [], search: 'cafe muller' }]);
  });

  test('rows stored one to a record by an older version of Tally are rebuilt a month to a record', async () => {
    const bakery = addTransaction('2026-11-01', 'Bakery');
    const name = db.name;
    db.close();
    const old = new Dexie(name);
    old
      .version(4)
      .stores({ transactions: 'id, [date+id], accountId, categoryId', settings: 'key', attachments: 'hash, state' });
    await old.table('transactions').put({ ...toTransactionRow(bakery), payee: 'Stale' });
    await old.table('settings').put({ key: TRANSACTION_INDEX_FINGERPRINT, value: stateOf(ledger.doc).fingerprint() });
    old.close();
    db = new TallyDatabase(name);
    const index = await openIndex();
    await index.flushed();
    expect(index.getSnapshot().rows.map((row) => row.payee)).toEqual(['Bakery']);
    expect(await stored()).toMatchObject({ months: ['2026-11'], rows: [{ payee: 'Bakery' }] });
    expect(db.tables.map((table) => table.name)).not.toContain('transactions');
  });
});
