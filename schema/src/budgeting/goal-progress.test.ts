import { describe, expect, it } from 'vitest';
import { currencyCode, money, RateTable } from '../money/index.js';
import type { Goal } from '../records/index.js';
import { type GoalProgressInput, goalProgress } from './goal-progress.js';

const EUR = currencyCode('EUR');
const bike: Goal = {
  name: 'Bike',
  targetAmount: 120_000,
  currency: EUR,
  startDate: '2026-01-01',
  targetDate: '2026-12-31',
  accountIds: [],
  countWholeBalance: true,
};

function progress(overrides: Partial<GoalProgressInput>): ReturnType<typeof goalProgress> {
  return goalProgress({
    goal: bike,
    today: '2026-07-01',
    accountBalances: [],
    accountBalancesAtStart: [],
    contributions: [],
    rates: new RateTable([]),
    ...overrides,
  });
}

describe('savings goals', () => {
  it('[GOAL1] counts linked account balances and manual contributions', () => {
    const result = progress({
      accountBalances: [money(50_000, 'EUR')],
      contributions: [{ date: '2026-03-01', amount: 10_000, currency: EUR }],
    });
    expect(result).toMatchObject({ saved: money(60_000, 'EUR'), remaining: money(60_000, 'EUR'), percent: 50 });
  });

  it('[GOAL2] works out the monthly amount, rounded up so the target is reached, not missed by a cent', () => {
    // 1,000.00 left, paying on 1 Oct, 1 Nov and 1 Dec: 333.34 each.
    const result = progress({
      today: '2026-10-01',
      accountBalances: [money(110_000, 'EUR')],
      goal: { ...bike, targetAmount: 210_000 },
    });
    expect(result.monthlyNeeded).toEqual(money(33_334, 'EUR'));
  });

  it('[GOAL2] counts the payments that still fit: today and the same day of each month up to the target date', () => {
    expect(progress({ today: '2026-12-31' }).monthlyNeeded).toEqual(money(120_000, 'EUR'));
    expect(progress({ today: '2026-12-01' }).monthlyNeeded).toEqual(money(120_000, 'EUR'));
    expect(progress({ today: '2026-11-30' }).monthlyNeeded).toEqual(money(60_000, 'EUR'));
    expect(progress({ today: '2026-01-31' }).monthlyNeeded).toEqual(money(10_000, 'EUR'));
  });

  it('[GOAL3] is on track when saved keeps pace with time elapsed, and behind by even a cent less', () => {
    // 2026-01-01 → 2026-12-31 is 364 days; on 2026-07-02, 182 days in: exactly half is on pace.
    expect(progress({ today: '2026-07-02', accountBalances: [money(60_000, 'EUR')] }).state).toBe('on-track');
    expect(progress({ today: '2026-07-02', accountBalances: [money(59_999, 'EUR')] }).state).toBe('behind');
  });

  it('[GOAL3] is reached, overdue, or simply has no date', () => {
    expect(progress({ accountBalances: [money(130_000, 'EUR')] })).toMatchObject({
      state: 'reached',
      percent: 100,
      remaining: money(0, 'EUR'),
      monthlyNeeded: null,
    });
    expect(progress({ today: '2027-01-05', accountBalances: [money(100_000, 'EUR')] })).toMatchObject({
      state: 'overdue',
      monthlyNeeded: money(20_000, 'EUR'),
    });
    expect(progress({ goal: { ...bike, targetDate: null } })).toMatchObject({ state: 'no-date', monthlyNeeded: null });
  });

  it('[GOAL1] converts a linked account in another currency at today’s rate, and counts one it cannot', () => {
    const rates = new RateTable([{ date: '2026-06-01', from: currencyCode('GBP'), to: EUR, rate: '1.2' }]);
    const result = progress({ rates, accountBalances: [money(10_000, 'GBP'), money(5_000, 'CHF')] });
    expect(result.saved).toEqual(money(12_000, 'EUR'));
    expect(result.unconverted).toBe(1);
  });

  it('[GOAL1] an overdrawn linked account counts against the goal but the percentage never goes below zero', () => {
    expect(progress({ accountBalances: [money(-5_000, 'EUR')] })).toMatchObject({
      saved: money(-5_000, 'EUR'),
      percent: 0,
      remaining: money(125_000, 'EUR'),
    });
  });

  it('[GOAL4] a goal counting the gain starts at nothing saved on an account that already holds money', () => {
    const result = progress({
      goal: { ...bike, targetAmount: 400_000, countWholeBalance: false, startDate: '2026-07-01' },
      accountBalances: [money(530_000, 'EUR')],
      accountBalancesAtStart: [money(530_000, 'EUR')],
    });
    expect(result).toMatchObject({ saved: money(0, 'EUR'), percent: 0 });
    expect(result.state).not.toBe('reached');
  });

  it('[GOAL4] counts what each linked account gained since the start, at today’s rate, with contributions', () => {
    const USD = currencyCode('USD');
    const result = progress({
      goal: { ...bike, countWholeBalance: false },
      rates: new RateTable([{ from: USD, to: EUR, date: '2026-06-01', rate: '0.5' }]),
      accountBalances: [money(530_000, 'EUR'), money(100_000, 'USD')],
      accountBalancesAtStart: [money(500_000, 'EUR'), money(60_000, 'USD')],
      contributions: [{ date: '2026-03-01', amount: 5_000, currency: EUR }],
    });
    expect(result.saved).toEqual(money(55_000, 'EUR'));
  });

  it('[GOAL4] a goal counting the whole balance ignores the balances at its start', () => {
    const result = progress({
      accountBalances: [money(50_000, 'EUR')],
      accountBalancesAtStart: [money(50_000, 'EUR')],
    });
    expect(result.saved).toEqual(money(50_000, 'EUR'));
  });

  it('[GOAL4] money taken out since the start is a gain below zero: 0 %, and more left to save', () => {
    const result = progress({
      goal: { ...bike, countWholeBalance: false },
      accountBalances: [money(40_000, 'EUR')],
      accountBalancesAtStart: [money(50_000, 'EUR')],
    });
    expect(result).toMatchObject({ saved: money(-10_000, 'EUR'), percent: 0, remaining: money(130_000, 'EUR') });
  });
});
