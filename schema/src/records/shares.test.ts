import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Ledger } from '../ledger/index.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { shareAmounts } from './share-amounts.js';

function household(): { ledger: Ledger; accountId: string; alex: string; sam: string; kim: string } {
  const ledger = new Ledger(new Y.Doc(), { random: new SeededRandom(1), now: () => Date.UTC(2026, 5, 1) });
  const accountId = ledger.accounts.create({ name: 'Joint', type: 'checking', currency: 'EUR' }).id;
  const [alex, sam, kim] = ['Alex', 'Sam', 'Kim'].map((name) => ledger.people.create({ name }).id) as [
    string,
    string,
    string,
  ];
  return { ledger, accountId, alex, sam, kim };
}

describe('who paid and how a transaction is shared', () => {
  it('[SHR1][SHR2] dinner of 100.00 paid by Alex, shared equally by three: 33.34, 33.33, 33.33 in the order listed', () => {
    const { ledger, accountId, alex, sam, kim } = household();
    const dinner = ledger.transactions.create({
      date: '2026-06-01',
      amount: -10_000,
      currency: 'EUR',
      accountId,
      payee: 'Trattoria',
      paidBy: alex,
      shares: [
        { personId: sam, weight: 1 },
        { personId: alex, weight: 1 },
        { personId: kim, weight: 1 },
      ],
    });
    expect(dinner.paidBy).toBe(alex);
    expect(shareAmounts(dinner)).toEqual([
      { personId: sam, amount: -3_334 },
      { personId: alex, amount: -3_333 },
      { personId: kim, amount: -3_333 },
    ]);
  });

  it('[SHR1] shared by weight: rent of 1,500.00 at 2:1 is 1,000.00 and 500.00', () => {
    const { ledger, accountId, alex, sam } = household();
    const rent = ledger.transactions.create({
      date: '2026-06-01',
      amount: -150_000,
      currency: 'EUR',
      accountId,
      paidBy: sam,
      shares: [
        { personId: alex, weight: 2 },
        { personId: sam, weight: 1 },
      ],
    });
    expect(shareAmounts(rent).map((share) => share.amount)).toEqual([-100_000, -50_000]);
  });

  it('[SHR1] shared by exact amounts that add up, kept as written', () => {
    const { ledger, accountId, alex, sam } = household();
    const shop = ledger.transactions.create({
      date: '2026-06-01',
      amount: -8_437,
      currency: 'EUR',
      accountId,
      paidBy: alex,
      shares: [
        { personId: alex, amount: -6_012 },
        { personId: sam, amount: -2_425 },
      ],
    });
    expect(shareAmounts(shop)).toEqual([
      { personId: alex, amount: -6_012 },
      { personId: sam, amount: -2_425 },
    ]);
  });

  it('[SHR1] refuses exact amounts that do not add up to the whole, and says by how much', () => {
    const { ledger, accountId, alex, sam } = household();
    expect(() =>
      ledger.transactions.create({
        date: '2026-06-01',
        amount: -1_000,
        currency: 'EUR',
        accountId,
        paidBy: alex,
        shares: [
          { personId: alex, amount: -600 },
          { personId: sam, amount: -399 },
        ],
      }),
    ).toThrow(/shares add up to -999, not to the amount -1000/);
  });

  it('[SHR1] refuses exact shares against the amount’s direction, a mix of weights and amounts, and a person twice', () => {
    const { ledger, accountId, alex, sam } = household();
    const base = { date: '2026-06-01', amount: -1_000, currency: 'EUR', accountId, paidBy: alex };
    expect(() =>
      ledger.transactions.create({
        ...base,
        shares: [
          { personId: alex, amount: -1_200 },
          { personId: sam, amount: 200 },
        ],
      }),
    ).toThrow(/shares of money out are negative/);
    expect(() =>
      ledger.transactions.create({
        ...base,
        shares: [
          { personId: alex, weight: 1 },
          { personId: sam, amount: -500 },
        ] as never,
      }),
    ).toThrow(/all by weight or all exact amounts/);
    expect(() =>
      ledger.transactions.create({
        ...base,
        shares: [
          { personId: alex, weight: 1 },
          { personId: alex, weight: 2 },
        ],
      }),
    ).toThrow(/share 2 names a person who already has a share/);
  });

  it('[SHR1] refuses a weight of nothing or a fraction, a share of nothing, and a share with neither', () => {
    const { ledger, accountId, alex, sam } = household();
    const base = { date: '2026-06-01', amount: -1_000, currency: 'EUR', accountId, paidBy: alex };
    for (const [shares, reason] of [
      [[{ personId: sam, weight: 0 }], /share 1: a weight is a whole number from 1 to 10000/],
      [[{ personId: sam, weight: 1.5 }], /share 1: a weight is a whole number/],
      [[{ personId: sam, amount: 0 }], /share 1 needs a whole, non-zero amount/],
      [[{ personId: sam }], /share 1 needs either a weight or an exact amount/],
      [[{ personId: 'nobody', weight: 1 }], /share 1 needs a person/],
    ] as const) {
      expect(() => ledger.transactions.create({ ...base, shares: shares as never })).toThrow(reason);
    }
  });

  it('[SHR1] a shared transaction needs who paid; someone may pay without sharing, for themselves', () => {
    const { ledger, accountId, alex, sam } = household();
    expect(() =>
      ledger.transactions.create({
        date: '2026-06-01',
        amount: -1_000,
        currency: 'EUR',
        accountId,
        shares: [{ personId: sam, weight: 1 }],
      }),
    ).toThrow(/shared transaction needs who paid/);
    const own = ledger.transactions.create({
      date: '2026-06-01',
      amount: -1_000,
      currency: 'EUR',
      accountId,
      paidBy: alex,
    });
    expect(own).toMatchObject({ paidBy: alex, shares: [] });
  });

  it('[SHR1] refuses a payer or a share naming someone who is not one of the ledger’s people', () => {
    const { ledger, accountId, sam } = household();
    const stranger = 'S'.repeat(22);
    const base = { date: '2026-06-01', amount: -1_000, currency: 'EUR', accountId };
    expect(() => ledger.transactions.create({ ...base, paidBy: stranger })).toThrow(
      /paidBy: the person does not exist/,
    );
    expect(() =>
      ledger.transactions.create({ ...base, paidBy: sam, shares: [{ personId: stranger, weight: 1 }] }),
    ).toThrow(/shares: the person does not exist/);
    ledger.people.delete(sam);
    expect(() => ledger.transactions.create({ ...base, paidBy: sam })).toThrow(/the person does not exist/);
  });

  it('[PPL1] an archived person may still be named: their old transactions stay editable', () => {
    const { ledger, accountId, alex, sam } = household();
    ledger.people.update(sam, { archived: true });
    const tx = ledger.transactions.create({
      date: '2026-06-01',
      amount: -1_000,
      currency: 'EUR',
      accountId,
      paidBy: sam,
      shares: [
        { personId: alex, weight: 1 },
        { personId: sam, weight: 1 },
      ],
    });
    expect(ledger.transactions.update(tx.id, { amount: -1_200 }).amount).toBe(-1_200);
  });

  it('[SHR1] a transfer between accounts is nobody’s expense: it takes no payer and no shares', () => {
    const { ledger, accountId, alex } = household();
    const savings = ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' }).id;
    const [out] = ledger.createTransfer({
      date: '2026-06-01',
      fromAccountId: accountId,
      toAccountId: savings,
      amount: 500,
    });
    expect(() => ledger.transactions.update(out.id, { paidBy: alex })).toThrow(/transfer between accounts is nobody/);
  });

  it('[SHR1] a split transaction is shared as a whole: its parts are categories, its shares people', () => {
    const { ledger, accountId, alex, sam } = household();
    const food = ledger.categories.create({ name: 'Food', kind: 'expense' }).id;
    const home = ledger.categories.create({ name: 'Home', kind: 'expense' }).id;
    const shop = ledger.transactions.create({
      date: '2026-06-01',
      amount: -3_000,
      currency: 'EUR',
      accountId,
      splits: [
        { categoryId: food, amount: -2_000, memo: '' },
        { categoryId: home, amount: -1_000, memo: '' },
      ],
      paidBy: alex,
      shares: [
        { personId: alex, weight: 1 },
        { personId: sam, weight: 1 },
      ],
    });
    expect(shareAmounts(shop).map((share) => share.amount)).toEqual([-1_500, -1_500]);
  });

  it('[SHR1] money in is shared too: a refund of 30.00 received by Alex is 15.00 each, positive', () => {
    const { ledger, accountId, alex, sam } = household();
    const refund = ledger.transactions.create({
      date: '2026-06-01',
      amount: 3_000,
      currency: 'EUR',
      accountId,
      paidBy: alex,
      shares: [
        { personId: alex, amount: 1_500 },
        { personId: sam, amount: 1_500 },
      ],
    });
    expect(shareAmounts(refund).map((share) => share.amount)).toEqual([1_500, 1_500]);
  });
});
