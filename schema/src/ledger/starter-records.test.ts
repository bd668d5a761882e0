import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestNetwork } from '../testing/test-network.js';
import { checkLedgerUpdate } from '../update-guard/index.js';
import type { Ledger } from './ledger.js';
import { STARTER_CATEGORY_SLOTS, type StarterRecords, starterAccountId, starterCategoryId } from './starter-records.js';

const ENGLISH: StarterRecords = {
  currency: 'EUR',
  accountName: 'Cash',
  categoryNames: {
    groceries: 'Groceries',
    eatingOut: 'Eating out',
    housing: 'Housing',
    utilities: 'Utilities',
    transport: 'Transport',
    health: 'Health',
    shopping: 'Shopping',
    leisure: 'Leisure',
    salary: 'Salary',
    otherIncome: 'Other income',
  },
};

const SPANISH: StarterRecords = {
  currency: 'EUR',
  accountName: 'Efectivo',
  categoryNames: {
    groceries: 'Supermercado',
    eatingOut: 'Restaurantes',
    housing: 'Vivienda',
    utilities: 'Suministros',
    transport: 'Transporte',
    health: 'Salud',
    shopping: 'Compras',
    leisure: 'Ocio',
    salary: 'Nómina',
    otherIncome: 'Otros ingresos',
  },
};

/**
 * Two devices, each started while offline, then joined through a relay that checks every update
 * with the guard (GRD1–GRD8) before it passes it on. The seed is printed so a failure can be replayed.
 */
function twoDevicesApart(seed: number): { network: TestNetwork; phone: Ledger; laptop: Ledger } {
  console.info(`starter records: seed ${seed}`);
  const network = new TestNetwork({
    seed,
    replicas: 2,
    clockSkewMs: 60_000,
    beforeApply: (replica, update, from) => {
      const verdict = checkLedgerUpdate(replica.doc, update);
      if (verdict.verdict !== 'refused') return;
      const everything = Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(replica.doc));
      if (!verdict.retry || checkLedgerUpdate(replica.doc, Y.mergeUpdates([update, everything])).verdict === 'refused')
        throw new Error(`an honest update was refused: ${JSON.stringify(verdict)}`);
    },
  });
  network.disconnect(0);
  network.disconnect(1);
  const [phone, laptop] = network.replicas.map((replica) => replica.ledger) as [Ledger, Ledger];
  return { network, phone, laptop };
}

function names(ledger: Ledger): { accounts: string[]; categories: string[] } {
  return {
    accounts: ledger.accounts.list().map((account) => `${account.name} ${account.currency}`),
    categories: ledger.categories
      .list()
      .map((category) => `${category.kind} ${category.name}`)
      .sort(),
  };
}

describe('starting a ledger on a device', () => {
  it('[REC10] gives the home currency, a first cash account in it and income and expense categories', () => {
    const { phone } = twoDevicesApart(1);
    const started = phone.startLedger(ENGLISH);
    expect(phone.homeCurrency).toBe('EUR');
    expect(started.account).toMatchObject({ id: starterAccountId('EUR'), name: 'Cash', type: 'cash', currency: 'EUR' });
    expect(started.categories.map((category) => category.id)).toEqual(STARTER_CATEGORY_SLOTS.map(starterCategoryId));
    expect(names(phone).categories).toContain('income Salary');
    expect(names(phone).categories).toContain('expense Groceries');
    expect(phone.startLedger(ENGLISH)).toEqual(started);
  });

  it.each([1, 2, 3, 4])(
    '[REC10][REC6] two devices started apart hold one account and one of each starter category once joined (seed %i)',
    (seed) => {
      const { network, phone, laptop } = twoDevicesApart(seed);
      phone.startLedger(ENGLISH);
      network.advance(3_600_000);
      laptop.startLedger(ENGLISH);
      phone.transactions.create({
        date: '2026-01-01',
        amount: -450,
        currency: 'EUR',
        accountId: starterAccountId('EUR'),
        categoryId: starterCategoryId('groceries'),
      });
      network.settle();
      network.assertConverged();
      for (const ledger of [phone, laptop]) {
        expect(names(ledger).accounts).toEqual(['Cash EUR']);
        expect(ledger.categories.list()).toHaveLength(STARTER_CATEGORY_SLOTS.length);
        expect(ledger.transactions.list()).toHaveLength(1);
      }
    },
  );

  it.each([1, 2, 3, 4])(
    '[REC10] a rename made on one device before joining survives the other device starting later (seed %i)',
    (seed) => {
      const { network, phone, laptop } = twoDevicesApart(seed);
      phone.startLedger(ENGLISH);
      phone.accounts.update(starterAccountId('EUR'), { name: 'Wallet' });
      phone.categories.update(starterCategoryId('leisure'), { name: 'Fun' });
      phone.categories.delete(starterCategoryId('housing'));
      network.advance(86_400_000);
      laptop.startLedger(ENGLISH);
      network.settle();
      network.assertConverged();
      for (const ledger of [phone, laptop]) {
        expect(names(ledger).accounts).toEqual(['Wallet EUR']);
        expect(ledger.categories.get(starterCategoryId('leisure'))?.name).toBe('Fun');
        expect(ledger.categories.get(starterCategoryId('housing'))?.deleted).toBe(true);
        expect(ledger.categories.list()).toHaveLength(STARTER_CATEGORY_SLOTS.length - 1);
      }
    },
  );

  it('[REC10] a device that already holds the starter records leaves them as they are', () => {
    const { network, phone, laptop } = twoDevicesApart(5);
    phone.startLedger(ENGLISH);
    phone.accounts.update(starterAccountId('EUR'), { name: 'Wallet' });
    network.settle();
    expect(laptop.startLedger(SPANISH).account.name).toBe('Wallet');
    expect(laptop.categories.get(starterCategoryId('salary'))?.name).toBe('Salary');
  });

  it.each([1, 2, 3])('[REC10] devices started in two languages settle on one name per record (seed %i)', (seed) => {
    const { network, phone, laptop } = twoDevicesApart(seed);
    phone.startLedger(ENGLISH);
    laptop.startLedger(SPANISH);
    network.settle();
    network.assertConverged();
    expect(names(phone)).toEqual(names(laptop));
    expect(phone.accounts.list()).toHaveLength(1);
    for (const slot of STARTER_CATEGORY_SLOTS) {
      expect([ENGLISH.categoryNames[slot], SPANISH.categoryNames[slot]]).toContain(
        phone.categories.get(starterCategoryId(slot))?.name,
      );
    }
  });

  it('[REC10] a home currency chosen on one device survives another device starting in another currency', () => {
    const { network, phone, laptop } = twoDevicesApart(6);
    phone.setHomeCurrency('CHF');
    network.advance(60_000);
    laptop.startLedger({ ...ENGLISH, currency: 'USD' });
    network.settle();
    for (const ledger of [phone, laptop]) expect(ledger.homeCurrency).toBe('CHF');
  });

  it('[REC10] devices started in two currencies keep a first account in each, so no transaction changes currency', () => {
    const { network, phone, laptop } = twoDevicesApart(7);
    phone.startLedger(ENGLISH);
    laptop.startLedger({ ...ENGLISH, currency: 'USD' });
    laptop.transactions.create({
      date: '2026-01-01',
      amount: -450,
      currency: 'USD',
      accountId: starterAccountId('USD'),
    });
    network.settle();
    network.assertConverged();
    expect(names(phone).accounts.sort()).toEqual(['Cash EUR', 'Cash USD']);
    expect(['EUR', 'USD']).toContain(phone.homeCurrency);
    expect(phone.transactions.list()[0]).toMatchObject({ currency: 'USD', accountId: starterAccountId('USD') });
  });

  it('[REC10] a starter that is not a record is refused and nothing is written', () => {
    const { phone } = twoDevicesApart(8);
    expect(() => phone.startLedger({ ...ENGLISH, accountName: ' ' })).toThrow(/account.name: name is required/);
    expect(() => phone.startLedger({ ...ENGLISH, categoryNames: { ...ENGLISH.categoryNames, salary: '' } })).toThrow(
      /salary.name/,
    );
    expect(() => phone.startLedger({ ...ENGLISH, currency: 'XXQ' })).toThrow(/account.currency/);
    expect(phone.homeCurrency).toBeNull();
    expect(phone.accounts.size + phone.categories.size).toBe(0);
  });
});
