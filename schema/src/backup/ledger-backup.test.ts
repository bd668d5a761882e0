import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Ledger, LedgerError } from '../ledger/index.js';
import { ledgerSnapshot } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { TestNetwork } from '../testing/test-network.js';
import { exportLedger, restoreLedger } from './ledger-backup.js';
import { transactionsToCsv } from './transactions-csv.js';

function emptyLedger(seed: number): Ledger {
  return new Ledger(new Y.Doc(), { random: new SeededRandom(seed), now: () => Date.UTC(2026, 10, 25) });
}

let livedIn: Ledger | undefined;

/**
 * A lived-in ledger: every kind of record, edits, deletes and concurrent merges, from the fuzz
 * network. Built once: the tests only read it, exporting it and restoring into other ledgers.
 */
function livedInLedger(): Ledger {
  livedIn ??= buildLivedInLedger();
  return livedIn;
}

function buildLivedInLedger(): Ledger {
  const network = new TestNetwork({ seed: 42, replicas: 2 });
  for (let step = 0; step < 600; step += 1) {
    network.advance(1_000);
    network.operate();
    network.deliver(4);
  }
  network.settle();
  const [first] = network.replicas;
  if (!first) throw new Error('no replica');
  first.ledger.setHomeCurrency('EUR');
  return first.ledger;
}

describe('backup and restore', () => {
  it('[BAK1] export, wipe, restore gives back an identical ledger, deleted records included', () => {
    const original = livedInLedger();
    const file = JSON.stringify(exportLedger(original));
    const restored = emptyLedger(7);
    const summary = restoreLedger(restored, JSON.parse(file), 'into-empty');
    expect(ledgerSnapshot(restored)).toEqual(ledgerSnapshot(original));
    expect(restored.homeCurrency).toBe('EUR');
    expect(summary.added).toBeGreaterThan(100);
    expect(Object.values(ledgerSnapshot(original).transactions).some((t) => (t as { deleted: boolean }).deleted)).toBe(
      true,
    );
  });

  it('[BAK1] refuses to restore “into empty” over records, and writes nothing', () => {
    const ledger = emptyLedger(1);
    ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' });
    const before = Y.encodeStateVector(ledger.doc);
    expect(() => restoreLedger(ledger, exportLedger(livedInLedger()), 'into-empty')).toThrow(/already has records/);
    expect(Y.encodeStateVector(ledger.doc)).toEqual(before);
  });

  it('[BAK2] merging adds what is missing and keeps what the ledger has, even where the backup differs', () => {
    const ledger = emptyLedger(1);
    const cash = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' });
    const backup = exportLedger(ledger);
    ledger.accounts.update(cash.id, { name: 'Wallet' });
    const other = emptyLedger(2);
    const card = other.accounts.create({ name: 'Card', type: 'credit', currency: 'USD' });
    const merged = {
      ...backup,
      collections: {
        ...backup.collections,
        accounts: [...backup.collections.accounts, ...exportLedger(other).collections.accounts],
      },
    };
    expect(restoreLedger(ledger, merged, 'merge')).toEqual({ added: 1, kept: 1 });
    expect(ledger.accounts.get(cash.id)?.name).toBe('Wallet');
    expect(ledger.accounts.get(card.id)?.name).toBe('Card');
  });

  it('[BAK3] refuses a damaged backup, naming the record, and writes nothing', () => {
    const backup = exportLedger(livedInLedger());
    const [first, ...rest] = backup.collections.transactions;
    const damaged = {
      ...backup,
      collections: { ...backup.collections, transactions: [{ ...first, amount: 12.5 }, ...rest] },
    };
    const ledger = emptyLedger(3);
    expect(() => restoreLedger(ledger, damaged, 'into-empty')).toThrow(
      new RegExp(`transactions record ${String(first?.id)} is not valid: amount`),
    );
    expect(ledger.transactions.size + ledger.accounts.size).toBe(0);
    expect(() => restoreLedger(ledger, { format: 'something else' }, 'into-empty')).toThrow(/not a Tally backup/);
  });

  it('[BAK3] refuses, all or nothing, a backup whose transaction names an account that is nowhere', () => {
    const source = emptyLedger(4);
    const account = source.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' });
    source.transactions.create({ date: '2026-01-01', amount: -100, currency: 'EUR', accountId: account.id });
    const backup = exportLedger(source);
    const orphaned = { ...backup, collections: { ...backup.collections, accounts: [] } };
    const ledger = emptyLedger(5);
    const before = Y.encodeStateVector(ledger.doc);
    expect(() => restoreLedger(ledger, orphaned, 'into-empty')).toThrow(
      /transactions record .*: accountId names accounts record .*, which is nowhere/,
    );
    expect(Y.encodeStateVector(ledger.doc)).toEqual(before);
  });

  it('[BAK1] a split left not adding up by concurrent edits comes back exactly as it was', () => {
    const source = emptyLedger(8);
    const account = source.accounts.create({ name: 'Card', type: 'credit', currency: 'EUR' });
    const food = source.categories.create({ name: 'Food', kind: 'expense' });
    const home = source.categories.create({ name: 'Home', kind: 'expense' });
    const split = source.transactions.create({
      date: '2026-02-01',
      amount: -1_000,
      currency: 'EUR',
      accountId: account.id,
      splits: [
        { categoryId: food.id, amount: -600, memo: '' },
        { categoryId: home.id, amount: -400, memo: '' },
      ],
    });
    // A peer's concurrent amount edit, written under its own entry as it would arrive.
    Y.transact(source.doc, () =>
      source.doc.getMap('transactions').set(`${split.id}/peer`, [['zzzzzzzz.0', { a: -1_200 }]]),
    );
    const restored = emptyLedger(9);
    restoreLedger(restored, JSON.parse(JSON.stringify(exportLedger(source))), 'into-empty');
    expect(restored.transactions.get(split.id)).toEqual(source.transactions.get(split.id));
  });

  it('[BAK1] people, settlements and who paid and shared what come back exactly, archived and deleted ones too', () => {
    const source = emptyLedger(11);
    const account = source.accounts.create({ name: 'Joint', type: 'checking', currency: 'EUR' });
    const alex = source.people.create({ name: 'Alex', userId: 'alexRelayAccountId1234' });
    const sam = source.people.create({ name: 'Sam' });
    const kim = source.people.create({ name: 'Kim' });
    source.transactions.create({
      date: '2026-02-01',
      amount: -6_000,
      currency: 'EUR',
      accountId: account.id,
      paidBy: sam.id,
      shares: [
        { personId: alex.id, weight: 1 },
        { personId: sam.id, weight: 1 },
      ],
    });
    source.settlements.create({
      fromPersonId: alex.id,
      toPersonId: sam.id,
      amount: 3_000,
      currency: 'EUR',
      date: '2026-02-02',
    });
    source.people.update(kim.id, { archived: true });
    source.people.delete(sam.id);
    const restored = emptyLedger(12);
    restoreLedger(restored, JSON.parse(JSON.stringify(exportLedger(source))), 'into-empty');
    expect(ledgerSnapshot(restored)).toEqual(ledgerSnapshot(source));
    expect(restored.people.list({ includeDeleted: true })).toHaveLength(3);
  });

  it('[BAK3] refuses a backup whose transaction is shared with a person who is nowhere, and writes nothing', () => {
    const source = emptyLedger(13);
    const account = source.accounts.create({ name: 'Joint', type: 'checking', currency: 'EUR' });
    const alex = source.people.create({ name: 'Alex' });
    const sam = source.people.create({ name: 'Sam' });
    source.transactions.create({
      date: '2026-02-01',
      amount: -6_000,
      currency: 'EUR',
      accountId: account.id,
      paidBy: alex.id,
      shares: [
        { personId: alex.id, weight: 1 },
        { personId: sam.id, weight: 1 },
      ],
    });
    const backup = exportLedger(source);
    const withoutSam = {
      ...backup,
      collections: { ...backup.collections, people: backup.collections.people.filter((p) => p.id !== sam.id) },
    };
    const ledger = emptyLedger(14);
    const before = Y.encodeStateVector(ledger.doc);
    expect(() => restoreLedger(ledger, withoutSam, 'into-empty')).toThrow(
      new RegExp(`shares names people record ${sam.id}, which is nowhere`),
    );
    expect(Y.encodeStateVector(ledger.doc)).toEqual(before);
  });

  it('[BAK3] refuses a backup whose transaction names a field this Tally does not know, rather than drop it', () => {
    const backup = exportLedger(livedInLedger());
    const [first, ...rest] = backup.collections.transactions;
    const fromNewer = {
      ...backup,
      collections: { ...backup.collections, transactions: [{ ...first, splitWithPets: true }, ...rest] },
    };
    expect(() => restoreLedger(emptyLedger(15), fromNewer, 'into-empty')).toThrow(/unknown field "splitWithPets"/);
  });

  it('[BAK3] refuses a bad home currency or a bad id before writing anything', () => {
    const backup = exportLedger(livedInLedger());
    for (const damaged of [
      { ...backup, homeCurrency: 'XYZ' },
      { ...backup, collections: { ...backup.collections, rates: [{ id: 'not an id', deleted: false }] } },
      { ...backup, collections: [] },
    ]) {
      const ledger = emptyLedger(10);
      const before = Y.encodeStateVector(ledger.doc);
      expect(() => restoreLedger(ledger, damaged, 'into-empty')).toThrow(LedgerError);
      expect(Y.encodeStateVector(ledger.doc)).toEqual(before);
    }
  });

  it('exports transactions as CSV with names, exact amounts and split parts', () => {
    const ledger = emptyLedger(6);
    const account = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' });
    const food = ledger.categories.create({ name: 'Food', kind: 'expense' });
    const home = ledger.categories.create({ name: 'Home', kind: 'expense' });
    ledger.transactions.create({
      date: '2026-01-02',
      amount: -1_050,
      currency: 'EUR',
      accountId: account.id,
      payee: 'Bakery, Main St',
      categoryId: food.id,
    });
    ledger.transactions.create({
      date: '2026-01-03',
      amount: -3_000,
      currency: 'EUR',
      accountId: account.id,
      payee: 'Market',
      tags: ['weekly'],
      splits: [
        { categoryId: food.id, amount: -2_000, memo: '' },
        { categoryId: home.id, amount: -1_000, memo: '' },
      ],
    });
    expect(transactionsToCsv(ledger.transactions.list(), ledger.accounts.list(), ledger.categories.list())).toBe(
      'date,account,payee,category,amount,currency,notes,tags,cleared,paid_by,shares\r\n' +
        '2026-01-02,Checking,"Bakery, Main St",Food,-10.50,EUR,,,no,,\r\n' +
        '2026-01-03,Checking,Market,Food -20.00; Home -10.00,-30.00,EUR,,weekly,no,,\r\n',
    );
  });

  it('[SHR1] a shared transaction in the CSV names who paid and what each person bears', () => {
    const ledger = emptyLedger(8);
    const account = ledger.accounts.create({ name: 'Joint', type: 'checking', currency: 'EUR' });
    const alex = ledger.people.create({ name: 'Alex' });
    const sam = ledger.people.create({ name: 'Sam' });
    ledger.transactions.create({
      date: '2026-01-04',
      amount: -6_000,
      currency: 'EUR',
      accountId: account.id,
      payee: 'Groceries',
      paidBy: alex.id,
      shares: [
        { personId: alex.id, weight: 2 },
        { personId: sam.id, weight: 1 },
      ],
    });
    ledger.transactions.create({
      date: '2026-01-05',
      amount: -2_500,
      currency: 'EUR',
      accountId: account.id,
      payee: 'Cinema',
      paidBy: sam.id,
      shares: [
        { personId: alex.id, amount: -1_000 },
        { personId: sam.id, amount: -1_500 },
      ],
    });
    const csv = transactionsToCsv(
      ledger.transactions.list(),
      ledger.accounts.list(),
      ledger.categories.list(),
      ledger.people.list(),
    );
    expect(csv.split('\r\n').slice(1)).toEqual([
      '2026-01-04,Joint,Groceries,,-60.00,EUR,,,no,Alex,Alex 2/3; Sam 1/3',
      '2026-01-05,Joint,Cinema,,-25.00,EUR,,,no,Sam,Alex -10.00; Sam -15.00',
      '',
    ]);
  });
});
