import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { type GoalDraft, goalDraftOf, saveContribution, saveGoalDraft } from './goal-draft.js';

let ledger: Ledger;
let savings: string;
const TODAY = '2026-11-25';

function draft(change: Partial<GoalDraft> = {}): GoalDraft {
  return {
    name: 'Bike',
    target: '500',
    currency: 'EUR',
    targetDate: '',
    accountIds: [],
    countWholeBalance: false,
    ...change,
  };
}

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  savings = ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' }).id;
});

describe('saving the goal form', () => {
  test('a new goal is paced from today, its target read the way the locale writes amounts', () => {
    expect(
      saveGoalDraft(
        ledger,
        draft({ target: '1.250,50', targetDate: '2027-06-01', accountIds: [savings] }),
        undefined,
        'de-DE',
        TODAY,
      ),
    ).toEqual({ saved: true });
    expect(ledger.goals.list()).toMatchObject([
      {
        name: 'Bike',
        targetAmount: 125050,
        currency: 'EUR',
        startDate: TODAY,
        targetDate: '2027-06-01',
        accountIds: [savings],
        countWholeBalance: false,
      },
    ]);
  });

  test('[GOAL4] counting the whole balance is a choice the form writes, and an old goal without a start starts counting its gain today', () => {
    expect(saveGoalDraft(ledger, draft({ name: 'Whole', countWholeBalance: true }), undefined, 'en-US', TODAY)).toEqual(
      {
        saved: true,
      },
    );
    expect(ledger.goals.list()[0]).toMatchObject({ countWholeBalance: true, startDate: TODAY });
    const old = ledger.goals.create({ name: 'Old', targetAmount: 100, currency: 'EUR', accountIds: [savings] });
    const opened = goalDraftOf(old, 'en-US');
    expect(opened.countWholeBalance).toBe(true);
    const editing = { id: old.id, opened, restore: false };
    expect(saveGoalDraft(ledger, { ...opened, countWholeBalance: false }, editing, 'en-US', TODAY)).toEqual({
      saved: true,
    });
    expect(ledger.goals.get(old.id)).toMatchObject({ countWholeBalance: false, startDate: TODAY });
  });

  test('every bad field gets its own reason and nothing is written', () => {
    expect(
      saveGoalDraft(ledger, draft({ name: ' ', target: 'lots', targetDate: TODAY }), undefined, 'en-US', TODAY),
    ).toEqual({
      issues: {
        name: 'nameEmpty',
        target: { code: 'money.stray-text', values: { text: 'lots', currency: 'EUR' } },
        targetDate: 'dateNotAfterStart',
      },
    });
    expect(saveGoalDraft(ledger, draft({ target: '0', currency: 'EURO' }), undefined, 'en-US', TODAY)).toEqual({
      issues: { currency: 'not-a-code' },
    });
    expect(saveGoalDraft(ledger, draft({ target: '0', currency: 'ABC' }), undefined, 'en-US', TODAY)).toEqual({
      issues: { currency: 'unknown' },
    });
    expect(saveGoalDraft(ledger, draft({ target: '0' }), undefined, 'en-US', TODAY)).toEqual({
      issues: { target: { code: 'amount.is-zero', values: {} } },
    });
    expect(saveGoalDraft(ledger, draft({ target: '-5' }), undefined, 'en-US', TODAY)).toEqual({
      issues: { target: 'amountNegative' },
    });
    expect(ledger.goals.size).toBe(0);
  });

  test('editing keeps the goal’s currency and its start, and may drop the date', () => {
    const goal = ledger.goals.create({
      name: 'Bike',
      targetAmount: 50000,
      currency: 'EUR',
      startDate: '2026-01-01',
      targetDate: '2026-12-01',
    });
    expect(
      saveGoalDraft(
        ledger,
        draft({ name: 'Road bike', target: '800', currency: 'USD' }),
        { id: goal.id },
        'en-US',
        TODAY,
      ),
    ).toEqual({ saved: true });
    expect(ledger.goals.get(goal.id)).toMatchObject({
      name: 'Road bike',
      targetAmount: 80000,
      currency: 'EUR',
      startDate: '2026-01-01',
      targetDate: null,
    });
  });

  test('an account deleted on another device while the form was open is reported, not linked', () => {
    ledger.accounts.delete(savings);
    expect(saveGoalDraft(ledger, draft({ accountIds: [savings] }), undefined, 'en-US', TODAY)).toEqual({
      issues: { accountIds: 'accountGone' },
    });
  });

  test('[LWW1] an edit writes only what the person changed: a target changed on another device meanwhile stays', () => {
    const goal = ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR', startDate: '2026-01-01' });
    const opened = goalDraftOf(goal, 'en-US');
    ledger.goals.update(goal.id, { targetAmount: 70000 });
    expect(saveGoalDraft(ledger, { ...opened, name: 'Road bike' }, { id: goal.id, opened }, 'en-US', TODAY)).toEqual({
      saved: true,
    });
    expect(ledger.goals.get(goal.id)).toMatchObject({ name: 'Road bike', targetAmount: 70000 });
  });

  test('ticking an account keeps one another device linked meanwhile', () => {
    const checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const cash = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
    const goal = ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR', accountIds: [savings] });
    const opened = goalDraftOf(goal, 'en-US');
    ledger.goals.update(goal.id, { accountIds: [savings, cash] });
    expect(
      saveGoalDraft(ledger, { ...opened, accountIds: [checking] }, { id: goal.id, opened }, 'en-US', TODAY),
    ).toEqual({ saved: true });
    expect(ledger.goals.get(goal.id)?.accountIds).toEqual([cash, checking]);
  });

  test('a goal linked to an account deleted elsewhere can still be saved, and the gone account is unlinked when the links change', () => {
    const checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const goal = ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR', accountIds: [savings] });
    const opened = goalDraftOf(goal, 'en-US');
    ledger.accounts.delete(savings);
    expect(saveGoalDraft(ledger, { ...opened, name: 'Road bike' }, { id: goal.id, opened }, 'en-US', TODAY)).toEqual({
      saved: true,
    });
    expect(
      saveGoalDraft(ledger, { ...opened, accountIds: [savings, checking] }, { id: goal.id, opened }, 'en-US', TODAY),
    ).toEqual({ saved: true });
    expect(ledger.goals.get(goal.id)).toMatchObject({ name: 'Road bike', accountIds: [checking] });
  });

  test('[REC5] an edit of a goal deleted elsewhere is kept until saved again, which brings it back', () => {
    const goal = ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR' });
    const opened = goalDraftOf(goal, 'en-US');
    ledger.goals.delete(goal.id);
    const edited = { ...opened, target: '600' };
    expect(saveGoalDraft(ledger, edited, { id: goal.id, opened }, 'en-US', TODAY)).toEqual({ deleted: true });
    expect(ledger.goals.get(goal.id)).toMatchObject({ deleted: true, targetAmount: 50000 });
    expect(saveGoalDraft(ledger, edited, { id: goal.id, opened, restore: true }, 'en-US', TODAY)).toEqual({
      saved: true,
    });
    expect(ledger.goals.get(goal.id)).toMatchObject({ deleted: false, targetAmount: 60000 });
  });
});

describe('adding a contribution', () => {
  test('[GOAL1] is a record of its own, in the goal’s currency; a negative amount takes money out', () => {
    const goal = ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR' });
    expect(saveContribution(ledger, goal, { amount: '120', date: '2026-11-20', note: 'Birthday' }, 'en-US')).toEqual({
      saved: true,
    });
    expect(saveContribution(ledger, goal, { amount: '-20', date: '2026-11-21', note: '' }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.contributions.list().map(({ amount, currency, note }) => ({ amount, currency, note }))).toEqual(
      expect.arrayContaining([
        { amount: 12000, currency: 'EUR', note: 'Birthday' },
        { amount: -2000, currency: 'EUR', note: '' },
      ]),
    );
  });

  test('refuses an empty amount, zero and an impossible date', () => {
    const goal = ledger.goals.create({ name: 'Bike', targetAmount: 50000, currency: 'EUR' });
    expect(saveContribution(ledger, goal, { amount: '', date: '2026-02-30', note: '' }, 'en-US')).toEqual({
      issues: { amount: { code: 'money.empty', values: {} }, date: 'dateInvalid' },
    });
    expect(saveContribution(ledger, goal, { amount: '0', date: TODAY, note: '' }, 'en-US')).toEqual({
      issues: { amount: { code: 'amount.is-zero', values: {} } },
    });
    expect(ledger.contributions.size).toBe(0);
  });
});
