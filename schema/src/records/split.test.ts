import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Ledger } from '../ledger/index.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { categoryAmounts } from './category-amounts.js';

function ledgerWithCategories(seed = 1): { ledger: Ledger; doc: Y.Doc; accountId: string; food: string; home: string } {
  const doc = new Y.Doc();
  const ledger = new Ledger(doc, { random: new SeededRandom(seed), now: () => Date.UTC(2026, 5, 1) + seed });
  const accountId = ledger.accounts.create({ name: 'Card', type: 'credit', currency: 'EUR' }).id;
  const food = ledger.categories.create({ name: 'Food', kind: 'expense' }).id;
  const home = ledger.categories.create({ name: 'Home', kind: 'expense' }).id;
  return { ledger, doc, accountId, food, home };
}

describe('split transactions', () => {
  it('one supermarket payment split between food and household, each counted in its category', () => {
    const { ledger, accountId, food, home } = ledgerWithCategories();
    const payment = ledger.transactions.create({
      date: '2026-06-01',
      amount: -8_437,
      currency: 'EUR',
      accountId,
      payee: 'Supermarket',
      splits: [
        { categoryId: food, amount: -6_012, memo: 'groceries' },
        { categoryId: home, amount: -2_425, memo: 'detergent' },
      ],
    });
    expect(categoryAmounts(payment)).toEqual([
      { categoryId: food, amount: -6_012 },
      { categoryId: home, amount: -2_425 },
    ]);
  });

  it('refuses parts that do not add up to the whole, to the cent, and says by how much', () => {
    const { ledger, accountId, food, home } = ledgerWithCategories();
    expect(() =>
      ledger.transactions.create({
        date: '2026-06-01',
        amount: -1_000,
        currency: 'EUR',
        accountId,
        splits: [
          { categoryId: food, amount: -600, memo: '' },
          { categoryId: home, amount: -399, memo: '' },
        ],
      }),
    ).toThrow(/parts add up to -999, not to the amount -1000/);
  });

  it('refuses a split of one part, a split that also has a category, and a part of nothing', () => {
    const { ledger, accountId, food, home } = ledgerWithCategories();
    const base = { date: '2026-06-01', amount: -1_000, currency: 'EUR', accountId };
    expect(() =>
      ledger.transactions.create({ ...base, splits: [{ categoryId: food, amount: -1_000, memo: '' }] }),
    ).toThrow(/at least two parts/);
    expect(() =>
      ledger.transactions.create({
        ...base,
        categoryId: food,
        splits: [
          { categoryId: food, amount: -500, memo: '' },
          { categoryId: home, amount: -500, memo: '' },
        ],
      }),
    ).toThrow(/takes its categories from its parts/);
    expect(() =>
      ledger.transactions.create({
        ...base,
        splits: [
          { categoryId: food, amount: -1_000, memo: '' },
          { categoryId: home, amount: 0, memo: '' },
        ],
      }),
    ).toThrow(/part 2 needs a whole, non-zero amount/);
  });

  it('refuses a part in a category that does not exist', () => {
    const { ledger, accountId, food } = ledgerWithCategories();
    expect(() =>
      ledger.transactions.create({
        date: '2026-06-01',
        amount: -1_000,
        currency: 'EUR',
        accountId,
        splits: [
          { categoryId: food, amount: -500, memo: '' },
          { categoryId: 'B'.repeat(22), amount: -500, memo: '' },
        ],
      }),
    ).toThrow(/category does not exist/);
  });

  it('a refund splits with positive parts, and income with mixed signs still adds up exactly', () => {
    const { ledger, accountId, food, home } = ledgerWithCategories();
    const refund = ledger.transactions.create({
      date: '2026-06-02',
      amount: 150,
      currency: 'EUR',
      accountId,
      splits: [
        { categoryId: food, amount: 250, memo: 'returned' },
        { categoryId: home, amount: -100, memo: 'restocking fee' },
      ],
    });
    expect(categoryAmounts(refund).reduce((sum, part) => sum + part.amount, 0)).toBe(150);
  });

  it('when one device changes the amount and another the parts at once, the difference shows as uncategorised', () => {
    const a = ledgerWithCategories(1);
    const b = { doc: new Y.Doc() };
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    const ledgerB = new Ledger(b.doc, { random: new SeededRandom(9), now: () => Date.UTC(2026, 5, 1) + 9 });
    const id = a.ledger.transactions.create({
      date: '2026-06-01',
      amount: -1_000,
      currency: 'EUR',
      accountId: a.accountId,
      categoryId: a.food,
    }).id;
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    a.ledger.transactions.update(id, { amount: -1_200 });
    ledgerB.transactions.update(id, {
      categoryId: null,
      splits: [
        { categoryId: a.food, amount: -700, memo: '' },
        { categoryId: a.home, amount: -300, memo: '' },
      ],
    });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    const merged = ledgerB.transactions.get(id);
    expect(merged?.amount).toBe(-1_200);
    expect(merged && categoryAmounts(merged)).toEqual([
      { categoryId: a.food, amount: -700 },
      { categoryId: a.home, amount: -300 },
      { categoryId: null, amount: -200 },
    ]);
  });
});

describe('split transactions after concurrent edits', () => {
  it('a split that no longer adds up can still have its payee changed, but not its amount alone', () => {
    const a = ledgerWithCategories(3);
    const id = a.ledger.transactions.create({
      date: '2026-06-01',
      amount: -1_000,
      currency: 'EUR',
      accountId: a.accountId,
      splits: [
        { categoryId: a.food, amount: -700, memo: '' },
        { categoryId: a.home, amount: -300, memo: '' },
      ],
    }).id;
    // A peer's concurrent amount edit, as it arrives: written under the peer's own entry.
    Y.transact(a.doc, () => a.doc.getMap('transactions').set(`${id}/peer`, [['zzzzzzzz.0', { a: -1_200 }]]));
    expect(a.ledger.transactions.update(id, { payee: 'Supermarket' }).payee).toBe('Supermarket');
    expect(() => a.ledger.transactions.update(id, { amount: -1_300 })).toThrow(
      /parts add up to -1000, not to the amount -1300/,
    );
  });
});
