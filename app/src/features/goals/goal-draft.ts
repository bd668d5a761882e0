import {
  type CurrencyCode,
  type Goal,
  isCurrencyCode,
  type Ledger,
  type LedgerRecord,
  parseCalendarDate,
} from '@tally/schema';
import {
  amountRefusal,
  type Checked,
  type Editing,
  type Refusal,
  type Saving,
  saveEdit,
  saveForm,
} from '../../forms/index.js';
import { type AmountProblem, amountForInput, readAmount } from '../../ui/index.js';

/** The goal form as the person typed it: every value still text. */
export interface GoalDraft {
  readonly name: string;
  readonly target: string;
  readonly currency: string;
  /** `YYYY-MM-DD`, or empty for a goal without a date. */
  readonly targetDate: string;
  readonly accountIds: readonly string[];
  /** The linked accounts count with their whole balance, not only what they gain from the goal's start (GOAL4). */
  readonly countWholeBalance: boolean;
}

/** Why a field was refused, as the key of its message in the goals catalogue. */
export type GoalProblem =
  | 'nameEmpty'
  | 'nameTooLong'
  | 'amountNegative'
  | 'dateInvalid'
  | 'dateNotAfterStart'
  | 'accountGone'
  | 'noteTooLong';

/** What is wrong at each field: one of the goal's own problems, or a refusal worded by `forms/`. */
export type GoalIssues = Partial<
  Record<'name' | 'target' | 'targetDate' | 'accountIds' | 'form', GoalProblem | Refusal>
> & {
  /** A currency code that is not one, worded by the shared words (`currency.<problem>`). */
  currency?: 'not-a-code' | 'unknown';
};
export type ContributionIssues = Partial<Record<'amount' | 'date' | 'note' | 'form', GoalProblem | Refusal>>;

export interface ContributionDraft {
  readonly amount: string;
  readonly date: string;
  readonly note: string;
}

const NAME_LIMIT = 100;
const NOTE_LIMIT = 200;

/** The goal being edited: the form as it opened, so only what the person changed is written. */
export type GoalEditing = Editing<GoalDraft>;

interface GoalFields {
  readonly name: string;
  readonly targetAmount: number;
  readonly currency: CurrencyCode;
  readonly startDate: string | null;
  readonly targetDate: string | null;
  readonly accountIds: readonly string[];
  readonly countWholeBalance: boolean;
}

/** The goal's fields, and whether the person ticked or unticked an account (the order of ticks is no change). */
interface CheckedGoal {
  readonly goal: GoalFields;
  readonly accountsChanged: boolean;
}

/** The form of an existing goal, its target written the way the locale writes amounts. */
export function goalDraftOf(goal: LedgerRecord<Goal>, locale: string): GoalDraft {
  return {
    name: goal.name,
    target: amountForInput(goal.targetAmount, goal.currency, locale),
    currency: goal.currency,
    targetDate: goal.targetDate ?? '',
    accountIds: goal.accountIds,
    countWholeBalance: goal.countWholeBalance,
  };
}

/**
 * Checks the whole goal form, then creates or changes the goal (`saveEdit`), or writes nothing and
 * says what is wrong next to each field. A new goal is paced from today (GOAL3), so its date must
 * come later; by default it counts what its accounts gain from today on (GOAL4). An edit's linked accounts are the goal's current ones with the person's ticks and
 * unticks applied, less any account deleted elsewhere.
 */
export function saveGoalDraft(
  ledger: Ledger,
  draft: GoalDraft,
  editing: GoalEditing | undefined,
  locale: string,
  today: string,
): Saving<GoalIssues> {
  return saveEdit(ledger, draft, editing, {
    find: (id) => ledger.goals.get(id),
    draftOf: (current) => goalDraftOf(current, locale),
    check: ({ current, opened }) => checkGoal(ledger, draft, current, opened, locale, today),
    create: ({ goal }) => ledger.goals.create(goal),
    update: (current, { goal, accountsChanged }, changed) =>
      ledger.goals.update(current.id, {
        ...(changed('name') && { name: goal.name }),
        ...(changed('target') && { targetAmount: goal.targetAmount }),
        ...(changed('targetDate') && { targetDate: goal.targetDate }),
        ...((accountsChanged || changed.all) && { accountIds: goal.accountIds }),
        ...(changed('countWholeBalance') && { countWholeBalance: goal.countWholeBalance }),
        // Counting the gain needs a start (GOAL4): a goal that had none starts counting today.
        ...(changed('countWholeBalance') && current.startDate !== goal.startDate && { startDate: goal.startDate }),
      }),
    restore: (current) => ledger.goals.restore(current.id),
    refused: (refusal) => ({ form: refusal }),
  });
}

function checkGoal(
  ledger: Ledger,
  draft: GoalDraft,
  current: LedgerRecord<Goal> | undefined,
  opened: GoalDraft | undefined,
  locale: string,
  today: string,
): Checked<CheckedGoal, GoalIssues> {
  const issues: GoalIssues = {};
  const name = draft.name.trim();
  if (name === '') issues.name = 'nameEmpty';
  else if ([...name].length > NAME_LIMIT) issues.name = 'nameTooLong';

  const code = current?.currency ?? draft.currency.trim().toUpperCase();
  let targetAmount: number | undefined;
  if (!isCurrencyCode(code)) issues.currency = /^[A-Z]{3}$/.test(code) ? 'unknown' : 'not-a-code';
  else {
    const read = readAmount(draft.target, code, locale, { negative: true, zero: true });
    if (read.ok) targetAmount = read.amount;
    else issues.target = amountIssue(read.problem);
  }

  const startDate = current?.startDate ?? (current && draft.countWholeBalance ? null : today);
  const targetDate = draft.targetDate.trim() === '' ? null : draft.targetDate.trim();
  if (targetDate !== null && !parseCalendarDate(targetDate)) issues.targetDate = 'dateInvalid';
  else if (targetDate !== null && startDate !== null && targetDate <= startDate)
    issues.targetDate = 'dateNotAfterStart';

  const exists = (id: string) => ledger.accounts.get(id)?.deleted === false;
  const added = draft.accountIds.filter((id) => !opened?.accountIds.includes(id));
  const removed = opened?.accountIds.filter((id) => !draft.accountIds.includes(id)) ?? [];
  if (!added.every(exists)) issues.accountIds = 'accountGone';
  const kept = current
    ? current.accountIds.filter((id) => !removed.includes(id) && !added.includes(id) && exists(id))
    : [];
  const accountIds = [...kept, ...added];

  if (Object.keys(issues).length > 0 || targetAmount === undefined || !isCurrencyCode(code)) return { issues };
  const { countWholeBalance } = draft;
  const goal = { name, targetAmount, currency: code, startDate, targetDate, accountIds, countWholeBalance };
  return { fields: { goal, accountsChanged: added.length > 0 || removed.length > 0 } };
}

/** Adds money put towards a goal by hand, in the goal's currency; a negative amount takes money out. */
export function saveContribution(
  ledger: Ledger,
  goal: LedgerRecord<Goal>,
  draft: ContributionDraft,
  locale: string,
): Saving<ContributionIssues> {
  return saveForm(ledger, {
    check: () => {
      const issues: ContributionIssues = {};
      const read = readAmount(draft.amount, goal.currency, locale, { zero: true });
      if (!read.ok) issues.amount = amountIssue(read.problem);
      if (!parseCalendarDate(draft.date)) issues.date = 'dateInvalid';
      const note = draft.note.trim();
      if ([...note].length > NOTE_LIMIT) issues.note = 'noteTooLong';
      if (Object.keys(issues).length > 0 || !read.ok) return { issues };
      return { fields: { goalId: goal.id, date: draft.date, amount: read.amount, currency: goal.currency, note } };
    },
    write: (contribution) => {
      ledger.contributions.create(contribution);
    },
    refused: (refusal) => ({ form: refusal }),
  });
}

/** A goal's target may not be negative, in the goal's words; any other problem is the amount's refusal. */
function amountIssue(problem: AmountProblem): GoalProblem | Refusal {
  return problem.code === 'negative' ? 'amountNegative' : amountRefusal(problem);
}
