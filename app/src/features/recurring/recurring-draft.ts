import {
  type CurrencyCode,
  type FieldIssue,
  FREQUENCIES,
  type Frequency,
  formatAmount,
  type Ledger,
  type LedgerRecord,
  money,
  parseCalendarDate,
  type RecurringTransaction,
} from '@tally/schema';
import {
  amountRefusal,
  type Changed,
  type Checked,
  type Editing,
  type Refusal,
  type Saving,
  saveEdit,
} from '../../forms/index.js';
import { readAmount as readAmountText } from '../../ui/index.js';

export const DIRECTIONS = ['expense', 'income'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The recurring item form as the person typed it: every value still text. */
export interface RecurringDraft {
  readonly direction: Direction;
  readonly amount: string;
  readonly payee: string;
  readonly accountId: string;
  readonly categoryId: string;
  readonly frequency: Frequency;
  readonly interval: string;
  /** Monthly only; empty means the start date's day. */
  readonly dayOfMonth: string;
  readonly startDate: string;
  /** Empty for no end. */
  readonly endDate: string;
  readonly paused: boolean;
}

export type RecurringField =
  | 'amount'
  | 'payee'
  | 'accountId'
  | 'categoryId'
  | 'interval'
  | 'dayOfMonth'
  | 'startDate'
  | 'endDate'
  | 'form';

/** Why a field was refused; each is a message in the catalogue (`error.<code>`). */
export type IssueCode =
  | 'accountMissing'
  | 'payeeTooLong'
  | 'categoryMissing'
  | 'intervalInvalid'
  | 'dayInvalid'
  | 'dateInvalid'
  | 'startDateMissing'
  | 'endBeforeStart'
  | 'notSaved';

/** What is wrong at each field: one of the form's own codes, or a refusal worded by `forms/`. */
export type RecurringIssues = Partial<Record<RecurringField, IssueCode | Refusal>>;

export function isFrequency(value: string): value is Frequency {
  return FREQUENCIES.some((frequency) => frequency === value);
}

export function isDirection(value: string): value is Direction {
  return DIRECTIONS.some((direction) => direction === value);
}

/** A blank form, or the form of an existing item with its amount written in the reader's locale. */
export function draftOf(
  rule: LedgerRecord<RecurringTransaction> | undefined,
  defaults: { readonly accountId: string; readonly today: string },
  locale: string,
): RecurringDraft {
  if (!rule) {
    return {
      direction: 'expense',
      amount: '',
      payee: '',
      accountId: defaults.accountId,
      categoryId: '',
      frequency: 'monthly',
      interval: '1',
      dayOfMonth: '',
      startDate: defaults.today,
      endDate: '',
      paused: false,
    };
  }
  return {
    direction: rule.amount < 0 ? 'expense' : 'income',
    amount: formatAmount(money(Math.abs(rule.amount), rule.currency), locale, { useGrouping: false }),
    payee: rule.payee,
    accountId: rule.accountId,
    categoryId: rule.categoryId ?? '',
    frequency: rule.frequency,
    interval: String(rule.interval),
    dayOfMonth: rule.dayOfMonth === null ? '' : String(rule.dayOfMonth),
    startDate: rule.startDate,
    endDate: rule.endDate ?? '',
    paused: rule.paused,
  };
}

/** A whole number typed into a field, or undefined for anything else ("1.5", "2x", "-1"). */
function wholeNumber(text: string): number | undefined {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** Minor units of a typed amount, always positive, or why the text is not one. */
export function readAmount(
  text: string,
  currency: CurrencyCode,
  locale: string,
): { readonly ok: true; readonly units: number } | { readonly ok: false; readonly issue: Refusal } {
  const read = readAmountText(text, currency, locale, { zero: true });
  return read.ok ? { ok: true, units: Math.abs(read.amount) } : { ok: false, issue: amountRefusal(read.problem) };
}

const FIELD_OF: Readonly<Record<string, RecurringField>> = {
  amount: 'amount',
  payee: 'payee',
  accountId: 'accountId',
  currency: 'accountId',
  categoryId: 'categoryId',
  interval: 'interval',
  dayOfMonth: 'dayOfMonth',
  startDate: 'startDate',
  endDate: 'endDate',
};

/** The ledger's own refusals, placed next to the field they concern. */
export function issuesFromLedger(found: readonly FieldIssue[]): RecurringIssues {
  const issues: RecurringIssues = {};
  for (const issue of found) {
    const field = FIELD_OF[issue.field] ?? 'form';
    const code: IssueCode =
      field === 'accountId'
        ? 'accountMissing'
        : field === 'categoryId'
          ? 'categoryMissing'
          : field === 'endDate'
            ? 'endBeforeStart'
            : 'notSaved';
    issues[field] ??= code;
  }
  return issues;
}

/** The item being edited: the form as it opened, so only what the person changed is written. */
export type RecurringEditing = Editing<RecurringDraft>;

/** What the form writes; notes and how far occurrences were created are not the form's to change. */
type RecurringFields = Omit<RecurringTransaction, 'notes' | 'createdThrough'>;

/**
 * Checks the whole form, then creates or updates the recurring item in one ledger change
 * (`saveEdit`: an edit writes only the fields the person changed since the form opened, LWW1,
 * and an edit of an item deleted meanwhile is refused until it is saved again with `restore`),
 * or writes nothing and says what is wrong next to each field.
 */
export function saveRecurringDraft(
  ledger: Ledger,
  draft: RecurringDraft,
  editing: RecurringEditing | undefined,
  locale: string,
): Saving<RecurringIssues> {
  return saveEdit(ledger, draft, editing, {
    find: (id) => ledger.recurring.get(id),
    draftOf: (current) => draftOf(current, { accountId: '', today: '' }, locale),
    check: () => checkRecurring(ledger, draft, locale),
    create: (fields) => ledger.recurring.create(fields),
    update: (current, fields, changed) => ledger.recurring.update(current.id, changedFields(fields, current, changed)),
    restore: (current) => ledger.recurring.restore(current.id),
    refused: (refusal) =>
      refusal.code === 'ledger.invalid-record' && refusal.fields.length > 0
        ? issuesFromLedger(refusal.fields)
        : { form: refusal },
  });
}

function checkRecurring(
  ledger: Ledger,
  draft: RecurringDraft,
  locale: string,
): Checked<RecurringFields, RecurringIssues> {
  const issues: RecurringIssues = {};
  const account = draft.accountId ? ledger.accounts.get(draft.accountId) : undefined;
  const amount = account && !account.deleted ? readAmount(draft.amount, account.currency, locale) : undefined;
  if (!account || account.deleted) issues.accountId = 'accountMissing';
  else if (amount && !amount.ok) issues.amount = amount.issue;
  if (draft.payee.trim().length > 200) issues.payee = 'payeeTooLong';
  const category = draft.categoryId ? ledger.categories.get(draft.categoryId) : undefined;
  if (draft.categoryId && (!category || category.deleted)) issues.categoryId = 'categoryMissing';
  const interval = wholeNumber(draft.interval);
  if (interval === undefined || interval < 1 || interval > 99) issues.interval = 'intervalInvalid';
  const monthly = draft.frequency === 'monthly';
  const dayOfMonth = monthly && draft.dayOfMonth.trim() !== '' ? wholeNumber(draft.dayOfMonth) : null;
  if (dayOfMonth === undefined || (dayOfMonth !== null && (dayOfMonth < 1 || dayOfMonth > 31)))
    issues.dayOfMonth = 'dayInvalid';
  if (draft.startDate === '') issues.startDate = 'startDateMissing';
  else if (!parseCalendarDate(draft.startDate)) issues.startDate = 'dateInvalid';
  if (draft.endDate !== '' && !parseCalendarDate(draft.endDate)) issues.endDate = 'dateInvalid';
  else if (draft.endDate !== '' && !issues.startDate && draft.endDate < draft.startDate)
    issues.endDate = 'endBeforeStart';
  if (Object.keys(issues).length > 0 || !account || !amount?.ok || interval === undefined || dayOfMonth === undefined)
    return { issues };
  return {
    fields: {
      amount: draft.direction === 'expense' ? -amount.units : amount.units,
      currency: account.currency,
      accountId: account.id,
      categoryId: draft.categoryId || null,
      payee: draft.payee.trim(),
      frequency: draft.frequency,
      interval,
      dayOfMonth,
      startDate: draft.startDate,
      endDate: draft.endDate || null,
      paused: draft.paused,
    },
  };
}

/**
 * The ledger's fields that follow from the form fields the person changed. The amount is read in
 * the minor units of the form's account, so moving the item to an account in another currency
 * writes the amount too.
 */
function changedFields(
  fields: RecurringFields,
  current: Pick<RecurringFields, 'currency'>,
  changed: Changed<RecurringDraft>,
): Partial<RecurringFields> {
  const patch: { -readonly [Field in keyof RecurringFields]?: RecurringFields[Field] } = {};
  if (changed('amount', 'direction') || fields.currency !== current.currency) patch.amount = fields.amount;
  if (changed('accountId')) {
    patch.accountId = fields.accountId;
    patch.currency = fields.currency;
  }
  if (changed('categoryId')) patch.categoryId = fields.categoryId;
  if (changed('payee')) patch.payee = fields.payee;
  if (changed('frequency')) patch.frequency = fields.frequency;
  if (changed('interval')) patch.interval = fields.interval;
  // A day of the month counts only for monthly items, so changing the frequency may change it too.
  if (changed('dayOfMonth', 'frequency')) patch.dayOfMonth = fields.dayOfMonth;
  if (changed('startDate')) patch.startDate = fields.startDate;
  if (changed('endDate')) patch.endDate = fields.endDate;
  if (changed('paused')) patch.paused = fields.paused;
  return patch;
}
