import {
  type Account,
  accountBalances,
  type Contribution,
  type Goal,
  type GoalProgress,
  goalProgress,
  isCurrencyCode,
  type LedgerRecord,
  type Money,
  type RateTable,
} from '@tally/schema';
import type { TransactionRow } from '../../storage/index.js';

export interface GoalView {
  readonly goal: LedgerRecord<Goal>;
  readonly progress: GoalProgress;
  /** Manual contributions to this goal, newest first. */
  readonly contributions: readonly LedgerRecord<Contribution>[];
  /** Names of the live accounts whose balances count towards it. */
  readonly linkedAccounts: readonly string[];
}

export interface GoalViewsInput {
  readonly goals: readonly LedgerRecord<Goal>[];
  readonly contributions: readonly LedgerRecord<Contribution>[];
  readonly accounts: readonly LedgerRecord<Account>[];
  readonly transactions: readonly Pick<TransactionRow, 'accountId' | 'amount' | 'currency' | 'date'>[];
  readonly rates: RateTable;
  readonly today: string;
}

/**
 * Each goal with its progress (GOAL1–GOAL4): linked balances, or what they gained since the goal's
 * start, and contributions, the monthly pace and its state.
 */
export function goalViews(input: GoalViewsInput): GoalView[] {
  const entries = input.transactions.flatMap(({ accountId, amount, currency, date }) =>
    isCurrencyCode(currency) ? [{ accountId, amount, currency, date }] : [],
  );
  const { balances } = accountBalances(input.accounts, entries);
  const balancesAsOf = new Map<string, ReadonlyMap<string, Money>>();
  /** Each account's balance as the day began: its opening balance and every transaction dated before it. */
  const balancesBefore = (day: string): ReadonlyMap<string, Money> => {
    const known = balancesAsOf.get(day);
    if (known) return known;
    const { balances: before } = accountBalances(
      input.accounts,
      entries.filter((entry) => entry.date < day),
    );
    balancesAsOf.set(day, before);
    return before;
  };
  const names = new Map(input.accounts.map((account) => [account.id, account.name]));
  const byGoal = new Map<string, LedgerRecord<Contribution>[]>();
  for (const contribution of input.contributions) {
    const list = byGoal.get(contribution.goalId) ?? [];
    list.push(contribution);
    byGoal.set(contribution.goalId, list);
  }
  return input.goals.map((goal) => {
    const contributions = (byGoal.get(goal.id) ?? []).sort((a, b) =>
      a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1,
    );
    // A deleted account no longer counts: its balance is gone from the ledger's accounts.
    const linked = goal.accountIds.filter((id) => balances.has(id));
    const progress = goalProgress({
      goal,
      today: input.today,
      accountBalances: linked.flatMap((id): Money[] => {
        const balance = balances.get(id);
        return balance ? [balance] : [];
      }),
      accountBalancesAtStart:
        goal.countWholeBalance || goal.startDate === null
          ? []
          : linked.flatMap((id): Money[] => {
              const balance = balancesBefore(goal.startDate ?? '').get(id);
              return balance ? [balance] : [];
            }),
      contributions,
      rates: input.rates,
    });
    return { goal, progress, contributions, linkedAccounts: linked.map((id) => names.get(id) ?? '') };
  });
}
