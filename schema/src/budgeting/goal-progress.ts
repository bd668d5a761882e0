import { addMonths, dayNumber } from '../calendar/index.js';
import { Converter, type Money, money, type RateTable } from '../money/index.js';
import type { Contribution, Goal } from '../records/index.js';

export const GOAL_STATES = ['reached', 'on-track', 'behind', 'overdue', 'no-date'] as const;
export type GoalState = (typeof GOAL_STATES)[number];

export interface GoalProgressInput {
  readonly goal: Goal;
  readonly today: string;
  /** Current balances of the goal's linked accounts, in their own currencies. */
  readonly accountBalances: readonly Money[];
  /**
   * The same accounts' balances as the goal's start date began (opening balance and every
   * transaction dated before it); counted only when the goal counts what they gained (GOAL4).
   */
  readonly accountBalancesAtStart: readonly Money[];
  /** Live contributions to this goal. */
  readonly contributions: readonly Pick<Contribution, 'date' | 'amount' | 'currency'>[];
  readonly rates: RateTable;
}

export interface GoalProgress {
  readonly saved: Money;
  readonly remaining: Money;
  /** Whole percent, 0–100. */
  readonly percent: number;
  /** To pay in today and on this day each month up to the target date; null without a date or once reached. */
  readonly monthlyNeeded: Money | null;
  readonly state: GoalState;
  /** Balances and contributions left out for want of an exchange rate. */
  readonly unconverted: number;
}

/** How many monthly payments fit from today to the target date, paying today and on this day each month. */
function paymentsLeft(today: string, targetDate: string): number {
  let payments = 1;
  while (addMonths(today, payments) <= targetDate) payments += 1;
  return payments;
}

/** Progress of a savings goal (SPEC GOAL1–GOAL4): saved, what is left, the monthly pace, and whether it is on track. */
export function goalProgress(input: GoalProgressInput): GoalProgress {
  const { goal, today, rates } = input;
  const converter = new Converter(rates, goal.currency);
  let saved = 0;
  const add = (amount: Money, date: string): void => {
    saved += converter.minorUnits(amount.amount, amount.currency, date) ?? 0;
  };
  for (const balance of input.accountBalances) add(balance, today);
  if (!goal.countWholeBalance)
    for (const balance of input.accountBalancesAtStart) add(money(-balance.amount, balance.currency), today);
  for (const contribution of input.contributions)
    add(money(contribution.amount, contribution.currency), contribution.date);

  const remaining = Math.max(0, goal.targetAmount - saved);
  const percent = Math.min(100, Number((BigInt(Math.max(saved, 0)) * 100n) / BigInt(goal.targetAmount)));
  const base = {
    saved: money(saved, goal.currency),
    remaining: money(remaining, goal.currency),
    percent,
    unconverted: converter.unconverted,
  };
  if (remaining === 0) return { ...base, monthlyNeeded: null, state: 'reached' };
  if (goal.targetDate === null) return { ...base, monthlyNeeded: null, state: 'no-date' };
  if (today > goal.targetDate) return { ...base, monthlyNeeded: money(remaining, goal.currency), state: 'overdue' };
  const payments = paymentsLeft(today, goal.targetDate);
  // Rounded up, so that paying it every month reaches the target rather than falling a cent short.
  const monthlyNeeded = money(Number((BigInt(remaining) + BigInt(payments) - 1n) / BigInt(payments)), goal.currency);
  if (goal.startDate === null || today <= goal.startDate) return { ...base, monthlyNeeded, state: 'on-track' };
  // On track when saved / target ≥ elapsed / duration, compared in integers: saved · duration ≥ target · elapsed.
  const elapsed = BigInt(dayNumber(today) - dayNumber(goal.startDate));
  const duration = BigInt(dayNumber(goal.targetDate) - dayNumber(goal.startDate));
  const onTrack = BigInt(saved) * duration >= BigInt(goal.targetAmount) * elapsed;
  return { ...base, monthlyNeeded, state: onTrack ? 'on-track' : 'behind' };
}
