import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { Ledger } from './ledger.js';

function device(seed: number, now: number): { doc: Y.Doc; ledger: Ledger } {
  const doc = new Y.Doc();
  return { doc, ledger: new Ledger(doc, { random: new SeededRandom(seed), now: () => now }) };
}

describe('ledger: budgets and goals', () => {
  it('[BUD4] budgeting the same category and month on two devices gives one budget, the later entry winning', () => {
    const a = device(1, 1_000);
    const groceries = a.ledger.categories.create({ name: 'Groceries', kind: 'expense' }).id;
    const b = device(2, 2_000);
    syncDocs(a.doc, b.doc);
    a.ledger.setBudget({ month: '2026-04', categoryId: groceries, amount: 40_000, currency: 'EUR' });
    b.ledger.setBudget({ month: '2026-04', categoryId: groceries, amount: 45_000, currency: 'EUR', rollover: true });
    syncDocs(a.doc, b.doc);
    for (const { ledger } of [a, b]) {
      expect(ledger.budgets.list().map((budget) => [budget.amount, budget.rollover])).toEqual([[45_000, true]]);
    }
  });

  it('[BUD4] copies last month’s budget without overwriting what this month already has', () => {
    const { ledger } = device(1, 1_000);
    const [food, rent] = ['Food', 'Rent'].map((name) => ledger.categories.create({ name, kind: 'expense' }).id) as [
      string,
      string,
    ];
    ledger.setBudget({ month: '2026-04', categoryId: food, amount: 40_000, currency: 'EUR', rollover: true });
    ledger.setBudget({ month: '2026-04', categoryId: rent, amount: 95_000, currency: 'EUR' });
    ledger.setBudget({ month: '2026-05', categoryId: rent, amount: 97_500, currency: 'EUR' });
    expect(ledger.copyBudgets('2026-04', '2026-05').map((budget) => budget.categoryId)).toEqual([food]);
    const may = ledger.budgets.list().filter((budget) => budget.month === '2026-05');
    expect(may.map((budget) => [budget.categoryId, budget.amount, budget.rollover]).sort()).toEqual(
      [
        [food, 40_000, true],
        [rent, 97_500, false],
      ].sort(),
    );
  });

  it('[GOAL1] refuses a contribution to a goal that does not exist or in another currency', () => {
    const { ledger } = device(1, 1_000);
    const goal = ledger.goals.create({ name: 'Bike', targetAmount: 100_000, currency: 'EUR' });
    expect(
      ledger.contributions.create({ goalId: goal.id, date: '2026-04-01', amount: 5_000, currency: 'EUR' }).amount,
    ).toBe(5_000);
    expect(() =>
      ledger.contributions.create({ goalId: goal.id, date: '2026-04-01', amount: 5_000, currency: 'USD' }),
    ).toThrow(/goal is in EUR/);
    expect(() =>
      ledger.contributions.create({ goalId: 'C'.repeat(22), date: '2026-04-01', amount: 1, currency: 'EUR' }),
    ).toThrow(/goal does not exist/);
  });

  it('[GOAL4] a goal stored before the choice existed still counts the whole balance', () => {
    const { doc, ledger } = device(1, 1_000);
    const id = 'G'.repeat(22);
    doc.getMap('goals').set(`${id}/olderdevice`, [['1.0', { n: 'Rainy day', a: 100_000, c: 'EUR', ac: [] }]]);
    expect(ledger.goals.get(id)).toMatchObject({ name: 'Rainy day', countWholeBalance: true });
  });

  it('[GOAL4] refuses a goal that counts what its accounts gain without a start date', () => {
    const { ledger } = device(1, 1_000);
    expect(() =>
      ledger.goals.create({ name: 'Bike', targetAmount: 100_000, currency: 'EUR', countWholeBalance: false }),
    ).toThrow(/needs a start date/);
    const goal = ledger.goals.create({
      name: 'Bike',
      targetAmount: 100_000,
      currency: 'EUR',
      startDate: '2026-04-01',
      countWholeBalance: false,
    });
    expect(goal.countWholeBalance).toBe(false);
  });
});
