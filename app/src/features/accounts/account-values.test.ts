import { accountBalances, currencyCode, type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { accountValues, mismatchedByAccount } from './account-values.js';

let ledger: Ledger;
beforeEach(() => {
  ledger = openLedger(new Y.Doc());
});

function valuesOn(day: string, home: 'USD' | 'EUR' | null = 'USD') {
  const accounts = ledger.accounts.list();
  const { balances } = accountBalances(accounts, []);
  return accountValues(accounts, balances, ledger.rateTable(), home === null ? null : currencyCode(home), day);
}

function valueNamed(name: string, day: string) {
  const value = valuesOn(day).values.find((candidate) => candidate.account.name === name);
  if (!value) throw new Error(`no account ${name}`);
  return value;
}

describe('an account in another currency, in the home currency', () => {
  test('is converted exactly and rounded once, half to even, with the rate used named', () => {
    ledger.accounts.create({ name: 'Berlin', type: 'checking', currency: 'EUR', openingBalance: 100001 });
    ledger.accounts.create({ name: 'Lisbon', type: 'savings', currency: 'EUR', openingBalance: 100003 });
    ledger.setExchangeRate({ from: 'EUR', to: 'USD', date: '2026-11-20', rate: '1.5' });
    // €1,000.01 × 1.5 = $1,500.015: the half cent goes to the even cent, up here…
    expect(valueNamed('Berlin', '2026-11-25').inHome).toEqual({
      kind: 'converted',
      money: { amount: 150002, currency: 'USD' },
      rate: expect.objectContaining({ from: 'EUR', to: 'USD', rate: '1.5', date: '2026-11-20' }),
    });
    // …and down here: €1,000.03 × 1.5 = $1,500.045 → $1,500.04.
    expect(valueNamed('Lisbon', '2026-11-25').inHome).toMatchObject({ kind: 'converted', money: { amount: 150004 } });
  });

  test('uses the latest rate entered on or before the day, either way round, never a later one', () => {
    ledger.accounts.create({ name: 'Berlin', type: 'checking', currency: 'EUR', openingBalance: 100000 });
    ledger.setExchangeRate({ from: 'EUR', to: 'USD', date: '2026-11-10', rate: '1.08' });
    ledger.setExchangeRate({ from: 'EUR', to: 'USD', date: '2026-11-20', rate: '1.0842' });
    ledger.setExchangeRate({ from: 'USD', to: 'EUR', date: '2026-11-30', rate: '0.8' });

    expect(valueNamed('Berlin', '2026-11-15').inHome).toMatchObject({
      money: { amount: 108000 },
      rate: { date: '2026-11-10' },
    });
    expect(valueNamed('Berlin', '2026-11-20').inHome).toMatchObject({
      money: { amount: 108420 },
      rate: { date: '2026-11-20' },
    });
    expect(valueNamed('Berlin', '2026-11-29').inHome).toMatchObject({
      money: { amount: 108420 },
      rate: { date: '2026-11-20' },
    });
    // Entered the other way round: €1,000 ÷ 0.8 = $1,250.
    expect(valueNamed('Berlin', '2026-12-01').inHome).toMatchObject({
      money: { amount: 125000 },
      rate: { from: 'USD', to: 'EUR', rate: '0.8' },
    });
  });

  test('without a rate on or before the day is not converted, and says between which currencies', () => {
    ledger.accounts.create({ name: 'Berlin', type: 'checking', currency: 'EUR', openingBalance: 100000 });
    ledger.setExchangeRate({ from: 'EUR', to: 'USD', date: '2026-11-20', rate: '1.0842' });
    expect(valueNamed('Berlin', '2026-11-19').inHome).toEqual({ kind: 'no-rate', from: 'EUR', to: 'USD' });
  });
});

describe('net worth in the home currency', () => {
  test('adds accounts in the home currency as they are and foreign ones converted', () => {
    ledger.accounts.create({ name: 'Chase', type: 'checking', currency: 'USD', openingBalance: 50000 });
    ledger.accounts.create({ name: 'Berlin', type: 'checking', currency: 'EUR', openingBalance: 100000 });
    ledger.setExchangeRate({ from: 'EUR', to: 'USD', date: '2026-11-20', rate: '1.0842' });
    const { netWorth, values } = valuesOn('2026-11-25');
    expect(netWorth).toEqual({ total: { amount: 158420, currency: 'USD' }, unconverted: [] });
    expect(values.find((value) => value.account.name === 'Chase')?.inHome).toEqual({ kind: 'same' });
  });

  test('names every account it could not convert instead of leaving it out silently', () => {
    ledger.accounts.create({ name: 'Chase', type: 'checking', currency: 'USD', openingBalance: 50000 });
    ledger.accounts.create({ name: 'London', type: 'savings', currency: 'GBP', openingBalance: 20000 });
    ledger.accounts.create({ name: 'Tokyo', type: 'cash', currency: 'JPY', openingBalance: 5000 });
    ledger.setExchangeRate({ from: 'USD', to: 'JPY', date: '2026-01-01', rate: '150' });
    const { netWorth } = valuesOn('2026-11-25');
    // ¥5,000 ÷ 150 = $33.333… → $33.33
    expect(netWorth?.total).toEqual({ amount: 53333, currency: 'USD' });
    expect(netWorth?.unconverted.map((account) => account.name)).toEqual(['London']);
  });

  test('leaves archived accounts out, and is not given until there is a home currency', () => {
    const closed = ledger.accounts.create({ name: 'Old card', type: 'credit', currency: 'USD', openingBalance: 9900 });
    ledger.accounts.create({ name: 'Chase', type: 'checking', currency: 'USD', openingBalance: 50000 });
    ledger.accounts.update(closed.id, { archived: true });
    expect(valuesOn('2026-11-25').netWorth?.total).toEqual({ amount: 50000, currency: 'USD' });
    expect(valuesOn('2026-11-25', null)).toMatchObject({
      netWorth: undefined,
      values: [{ inHome: null }, { inHome: null }],
    });
  });
});

describe('balances', () => {
  test('count a transaction only in its account’s currency, and count the ones left out', () => {
    const account = ledger.accounts.create({ name: 'Berlin', type: 'checking', currency: 'EUR', openingBalance: 1000 });
    const row = { id: 'x', date: '2026-11-20', categoryId: null, payee: '', notes: '', transferId: null, search: '' };
    const { balances, mismatched } = accountBalances(
      [account],
      [
        { ...row, accountId: account.id, amount: -250, currency: 'EUR' },
        { ...row, accountId: account.id, amount: -999, currency: 'USD' },
      ],
    );
    expect(balances.get(account.id)).toEqual({ amount: 750, currency: 'EUR' });
    expect(mismatchedByAccount(mismatched).get(account.id)).toBe(1);
  });
});
