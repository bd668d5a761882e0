import {
  type Goal,
  isCurrencyCode,
  type Ledger,
  LedgerError,
  type LedgerRecord,
  parseCalendarDate,
} from '@tally/schema';
import { type AmountProblem, amountForInput, readAmount } from '../../ui/index.js';

/** The goal form as the person typed it: every value still text. */
export interface GoalDraft {
  readonly name: string;
  readonly target: string;
  readonly currency: string;
  /** `YYYY-MM-DD`, or empty for a goal without a date. */
  readonly targetDate: string;
  readonly accountIds: readonly string[];
}

/** Why a field was refused, as the key of its message in the goals catalogue. */
export type GoalProblem =
  | 'nameEmpty'
  | 'nameTooLong'
  | `amount${Capitalize<AmountProblem>}`
  | 'currencyFormat'
  | 'currencyUnknown'
  | 'dateInvalid'
  | 'dateNotAfterStart'
  | 'accountGone'
  | 'noteTooLong'
  | 'notSaved'
  | 'goalDeleted';

export type GoalIssues = Partial<
  Record<'name' | 'target' | 'currency' | 'targetDate' | 'accountIds' | 'form', GoalProblem>
>;
export type ContributionIssues = Partial<Record<'amount' | 'date' | 'note' | 'form', GoalProblem>>;

export interface ContributionDraft {
  readonly amount: string;
  readonly date: string;
  readonly note: string;
}

const NAME_LIMIT = 100;
const NOTE_LIMIT = 200;

const AMOUNT_PROBLEMS = {
  empty: 'amountEmpty',
  unreadable: 'amountUnreadable',
  negative: 'amountNegative',
  zero: 'amountZero',
} as const satisfies Record<AmountProblem, GoalProblem>;

/** The goal being edited: the form as it opened, so only what the person changed is written. */
export interface GoalEditing {
  readonly id: string;
  /** Without it, the form is compared with the goal as it is now. */
  readonly opened?: GoalDraft | undefined;
  /** Save into a goal another device deleted meanwhile, bringing it back. */
  readonly restore?: boolean;
}

/** The form of an existing goal, its target written the way the locale writes amounts. */
export function goalDraftOf(goal: LedgerRecord<Goal>, locale: string): GoalDraft {
  return {
    name: goal.name,
    target: amountForInput(goal.targetAmount, goal.currency, locale),
    currency: goal.currency,
    targetDate: goal.targetDate ?? '',
    accountIds: goal.accountIds,
  };
}

/**
 * Checks the whole goal form, then creates or changes the goal, or writes nothing and says what is
 * wrong next to each field. A new goal is paced from today (GOAL3), so its date must come later.
 *
 * An edit writes only the fields the person changed since the form opened (LWW1); its linked
 * accounts are the goal's current ones with the person's ticks and unticks applied, less any
 * account deleted elsewhere. An edit of a goal deleted meanwhile is refused with `goalDeleted`
 * until it is saved again with `restore`, never dropped.
 */
export function saveGoalDraft(
  ledger: Ledger,
  draft: GoalDraft,
  editing: GoalEditing | undefined,
  locale: string,
  today: string,
): GoalIssues {
  const current = editing ? ledger.goals.get(editing.id) : undefined;
  if (editing && (!current || current.deleted) && !editing.restore) return { form: 'goalDeleted' };
  const opened = current ? (editing?.opened ?? goalDraftOf(current, locale)) : undefined;
  const issues: GoalIssues = {};
  const name = draft.name.trim();
  if (name === '') issues.name = 'nameEmpty';
  else if ([...name].length > NAME_LIMIT) issues.name = 'nameTooLong';

  const code = current?.currency ?? draft.currency.trim().toUpperCase();
  let targetAmount: number | undefined;
  if (!isCurrencyCode(code)) issues.currency = /^[A-Z]{3}$/.test(code) ? 'currencyUnknown' : 'currencyFormat';
  else {
    const read = readAmount(draft.target, code, locale, { negative: true, zero: true });
    if (read.ok) targetAmount = read.amount;
    else issues.target = amountProblem(read.problem);
  }

  const startDate = current ? current.startDate : today;
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

  if (Object.keys(issues).length > 0 || targetAmount === undefined || !isCurrencyCode(code)) return issues;
  try {
    if (current && opened) {
      const patch: {
        name?: string;
        targetAmount?: number;
        targetDate?: string | null;
        accountIds?: readonly string[];
      } = {};
      if (draft.name !== opened.name) patch.name = name;
      if (draft.target !== opened.target) patch.targetAmount = targetAmount;
      if (draft.targetDate !== opened.targetDate) patch.targetDate = targetDate;
      if (added.length > 0 || removed.length > 0) patch.accountIds = accountIds;
      ledger.transact(() => {
        if (current.deleted) ledger.goals.restore(current.id);
        ledger.goals.update(current.id, editing?.restore ? { name, targetAmount, targetDate, accountIds } : patch);
      });
    } else ledger.goals.create({ name, targetAmount, currency: code, startDate, targetDate, accountIds });
    return {};
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { form: 'notSaved' };
  }
}

/** Adds money put towards a goal by hand, in the goal's currency; a negative amount takes money out. */
export function saveContribution(
  ledger: Ledger,
  goal: LedgerRecord<Goal>,
  draft: ContributionDraft,
  locale: string,
): ContributionIssues {
  const issues: ContributionIssues = {};
  const read = readAmount(draft.amount, goal.currency, locale, { zero: true });
  if (!read.ok) issues.amount = amountProblem(read.problem);
  if (!parseCalendarDate(draft.date)) issues.date = 'dateInvalid';
  const note = draft.note.trim();
  if ([...note].length > NOTE_LIMIT) issues.note = 'noteTooLong';
  if (Object.keys(issues).length > 0 || !read.ok) return issues;
  try {
    ledger.contributions.create({
      goalId: goal.id,
      date: draft.date,
      amount: read.amount,
      currency: goal.currency,
      note,
    });
    return {};
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { form: 'notSaved' };
  }
}

function amountProblem(problem: AmountProblem): GoalProblem {
  return AMOUNT_PROBLEMS[problem];
}
