import { isCurrencyCode, LedgerError, parseCalendarDate, type Goal, type Ledger, type LedgerRecord } from '@tally/schema';
import { readAmount, type AmountProblem } from '../budgets/amount-text.js';

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
  | 'notSaved';

export type GoalIssues = Partial<Record<'name' | 'target' | 'currency' | 'targetDate' | 'accountIds' | 'form', GoalProblem>>;
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

/**
 * Checks the whole goal form, then creates or changes the goal, or writes nothing and says what is
 * wrong next to each field. A new goal is paced from today (GOAL3), so its date must come later.
 */
export function saveGoalDraft(ledger: Ledger, draft: GoalDraft, editing: LedgerRecord<Goal> | undefined, locale: string, today: string): GoalIssues {
  const issues: GoalIssues = {};
  const name = draft.name.trim();
  if (name === '') issues.name = 'nameEmpty';
  else if ([...name].length > NAME_LIMIT) issues.name = 'nameTooLong';

  const code = editing?.currency ?? draft.currency.trim().toUpperCase();
  let targetAmount: number | undefined;
  if (!isCurrencyCode(code)) issues.currency = /^[A-Z]{3}$/.test(code) ? 'currencyUnknown' : 'currencyFormat';
  else {
    const read = readAmount(draft.target, code, locale, { negative: true, zero: true });
    if (read.ok) targetAmount = read.amount;
    else issues.target = amountProblem(read.problem);
  }

  const startDate = editing ? editing.startDate : today;
  const targetDate = draft.targetDate.trim() === '' ? null : draft.targetDate.trim();
  if (targetDate !== null && !parseCalendarDate(targetDate)) issues.targetDate = 'dateInvalid';
  else if (targetDate !== null && startDate !== null && targetDate <= startDate) issues.targetDate = 'dateNotAfterStart';

  const accountIds = draft.accountIds.filter((id) => {
    const account = ledger.accounts.get(id);
    return account !== undefined && !account.deleted;
  });
  if (accountIds.length < draft.accountIds.length) issues.accountIds = 'accountGone';

  if (Object.keys(issues).length > 0 || targetAmount === undefined || !isCurrencyCode(code)) return issues;
  try {
    if (editing) ledger.goals.update(editing.id, { name, targetAmount, targetDate, accountIds });
    else ledger.goals.create({ name, targetAmount, currency: code, startDate, targetDate, accountIds });
    return {};
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { form: 'notSaved' };
  }
}

/** Adds money put towards a goal by hand, in the goal's currency; a negative amount takes money out. */
export function saveContribution(ledger: Ledger, goal: LedgerRecord<Goal>, draft: ContributionDraft, locale: string): ContributionIssues {
  const issues: ContributionIssues = {};
  const read = readAmount(draft.amount, goal.currency, locale, { zero: true });
  if (!read.ok) issues.amount = amountProblem(read.problem);
  if (!parseCalendarDate(draft.date)) issues.date = 'dateInvalid';
  const note = draft.note.trim();
  if ([...note].length > NOTE_LIMIT) issues.note = 'noteTooLong';
  if (Object.keys(issues).length > 0 || !read.ok) return issues;
  try {
    ledger.contributions.create({ goalId: goal.id, date: draft.date, amount: read.amount, currency: goal.currency, note });
    return {};
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return { form: 'notSaved' };
  }
}

function amountProblem(problem: AmountProblem): GoalProblem {
  return AMOUNT_PROBLEMS[problem];
}
