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
  readonly transactions: readonly Pick<TransactionRow, 'accountId' | 'amount' | 'currency'>[];
  readonly rates: RateTable;
  readonly today: string;
}

/** Each goal with its progress (GOAL1–GOAL3): linked balances and contributions, the monthly pace and its state. */
export function goalViews(input: GoalViewsInput): GoalView[] {
  const { balances } = accountBalances(
    input.accounts,
    input.transactions.flatMap(({ accountId, amount, currency }) =>
      isCurrencyCode(currency) ? [{ accountId, amount, currency }] : [],
    ),
  );
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
      contributions,
      rates: input.rates,
    });
    return { goal, progress, contributions, linkedAccounts: linked.map((id) => names.get(id) ?? '') };
  });
}
