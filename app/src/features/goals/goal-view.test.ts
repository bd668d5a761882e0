import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { toTransactionRow } from '../../storage/index.js';
import { goalViews } from './goal-view.js';

let ledger: Ledger;
let savings: string;
let checking: string;

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  savings = ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR', openingBalance: 10000 }).id;
  checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
});

function views(today: string) {
  return goalViews({
    goals: ledger.goals.list(),
    contributions: ledger.contributions.list(),
    accounts: ledger.accounts.list(),
    transactions: ledger.transactions.list().map(toTransactionRow),
    rates: ledger.rateTable(),
    today,
  });
}

test('[GOAL1] a goal counts its linked accounts’ balances and its own contributions, newest first', () => {
  const goal = ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR', accountIds: [savings] });
  const other = ledger.goals.create({ name: 'Trip', targetAmount: 90000, currency: 'EUR' });
  ledger.transactions.create({ date: '2026-11-02', amount: 5000, currency: 'EUR', accountId: savings });
  ledger.transactions.create({ date: '2026-11-02', amount: 9900, currency: 'EUR', accountId: checking });
  ledger.contributions.create({ goalId: goal.id, date: '2026-10-01', amount: 2000, currency: 'EUR' });
  ledger.contributions.create({ goalId: goal.id, date: '2026-11-01', amount: 3000, currency: 'EUR' });
  ledger.contributions.create({ goalId: other.id, date: '2026-11-01', amount: 7000, currency: 'EUR' });

  const [bike] = views('2026-11-25').filter((view) => view.goal.id === goal.id);
  expect(bike?.progress).toMatchObject({
    saved: { amount: 20000 },
    remaining: { amount: 30000 },
    percent: 40,
    state: 'no-date',
  });
  expect(bike?.contributions.map((contribution) => contribution.date)).toEqual(['2026-11-01', '2026-10-01']);
  expect(bike?.linkedAccounts).toEqual(['Savings']);
});

test('[GOAL2][GOAL3] the monthly amount needed and whether the goal is on track or behind', () => {
  ledger.goals.create({
    name: 'Bike',
    targetAmount: 60000,
    currency: 'EUR',
    startDate: '2026-01-01',
    targetDate: '2027-04-25',
    accountIds: [savings],
  });
  const [early] = views('2026-11-25');
  // 500 € left, paid today and on the 25th of each month to April: six payments.
  expect(early?.progress.monthlyNeeded).toEqual({ amount: 8334, currency: 'EUR' });
  expect(early?.progress.state).toBe('behind');

  ledger.transactions.create({ date: '2026-11-02', amount: 50000, currency: 'EUR', accountId: savings });
  expect(views('2026-11-25')[0]?.progress.state).toBe('reached');
});

test('an account deleted elsewhere stops counting, and a balance without a rate is counted as unconverted', () => {
  const dollars = ledger.accounts.create({
    name: 'Dollars',
    type: 'savings',
    currency: 'USD',
    openingBalance: 5000,
  }).id;
  ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR', accountIds: [savings, dollars] });
  expect(views('2026-11-25')[0]?.progress).toMatchObject({ saved: { amount: 10000 }, unconverted: 1 });

  ledger.accounts.delete(savings);
  expect(views('2026-11-25')[0]).toMatchObject({
    linkedAccounts: ['Dollars'],
    progress: { saved: { amount: 0 }, unconverted: 1 },
  });
});

test('[GOAL4] a new goal on an account that already holds money starts at 0 %, and counts what arrives from its start', () => {
  ledger.transactions.create({ date: '2026-10-02', amount: 43000, currency: 'EUR', accountId: savings });
  const goal = ledger.goals.create({
    name: 'Holiday',
    targetAmount: 40000,
    currency: 'EUR',
    startDate: '2026-11-01',
    accountIds: [savings],
    countWholeBalance: false,
  });
  const whole = ledger.goals.create({
    name: 'Everything',
    targetAmount: 40000,
    currency: 'EUR',
    accountIds: [savings],
  });
  const holiday = () => views('2026-11-25').find((view) => view.goal.id === goal.id)?.progress;
  expect(holiday()).toMatchObject({ saved: { amount: 0 }, percent: 0 });
  expect(views('2026-11-25').find((view) => view.goal.id === whole.id)?.progress.state).toBe('reached');
  ledger.transactions.create({ date: '2026-11-01', amount: 10000, currency: 'EUR', accountId: savings });
  expect(holiday()).toMatchObject({ saved: { amount: 10000 }, percent: 25 });
});
