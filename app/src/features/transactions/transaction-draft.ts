import {
  type Attachment,
  currencyCode,
  formatAmount,
  isExactShares,
  type Ledger,
  type LedgerRecord,
  money,
  type SplitPart,
  type Transaction,
  transactionKind,
  validateRecord,
} from '@tally/schema';
import { amountRefusal, type Changed, type Checked, type Editing, type Saving, saveEdit } from '../../forms/index.js';
import { readAmount } from '../../ui/index.js';
import { restoreTransactions } from './deleting.js';
import { addLedgerIssues, type DraftIssues, hasIssues } from './draft-issues.js';
import { NOT_SHARED, readSharing, type SharingDraft, sameShares, sharingOf } from './sharing-draft.js';
import { partsTotal, readSplitParts, type SplitPartDraft, sameParts } from './split-draft.js';

export const TRANSACTION_KINDS = ['expense', 'income', 'transfer'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** The transaction form as the person typed it: every value still text. */
export interface TransactionDraft {
  readonly kind: TransactionKind;
  readonly amount: string;
  readonly payee: string;
  readonly date: string;
  readonly accountId: string;
  readonly toAccountId: string;
  readonly categoryId: string;
  readonly notes: string;
  readonly tags: readonly string[];
  /** Empty unless the transaction is split over several categories (REC7). */
  readonly parts: readonly SplitPartDraft[];
  /** Who paid, a person of the ledger; empty when nobody is named (SPEC SHR1). */
  readonly paidBy: string;
  readonly sharing: SharingDraft;
  /** Receipts and documents; their bytes are on the device already (SPEC ATT1). */
  readonly attachments: readonly Attachment[];
}

export function emptyDraft(date: string, accountId: string): TransactionDraft {
  return {
    kind: 'expense',
    amount: '',
    payee: '',
    date,
    accountId,
    toAccountId: '',
    categoryId: '',
    notes: '',
    tags: [],
    parts: [],
    paidBy: '',
    sharing: NOT_SHARED,
    attachments: [],
  };
}

/** The form for an existing transaction, amounts written the way the locale writes them. */
export function draftOf(ledger: Ledger, id: string, locale: string): TransactionDraft | undefined {
  const existing = ledger.transactions.get(id);
  return existing && draftOfRecord(ledger, existing, locale);
}

function draftOfRecord(ledger: Ledger, existing: LedgerRecord<Transaction>, locale: string): TransactionDraft {
  const legs = transferLegs(ledger, existing);
  if (legs) return transferDraftOf(legs, locale);
  // A zero amount (a waived fee) has no sign: its category says which way it went.
  const income =
    existing.amount > 0 ||
    (existing.amount === 0 &&
      existing.categoryId !== null &&
      ledger.categories.get(existing.categoryId)?.kind === 'income');
  const direction = income ? 1 : -1;
  const write = (minorUnits: number) =>
    formatAmount(money(minorUnits, existing.currency), locale, { useGrouping: false });
  return {
    kind: income ? 'income' : 'expense',
    amount: write(Math.abs(existing.amount)),
    payee: existing.payee,
    date: existing.date,
    accountId: existing.accountId,
    toAccountId: '',
    categoryId: existing.categoryId ?? '',
    notes: existing.notes,
    tags: existing.tags,
    parts: existing.splits.map((part) => ({
      categoryId: part.categoryId,
      amount: write(direction * part.amount),
      memo: part.memo,
    })),
    paidBy: existing.paidBy ?? '',
    sharing: sharingOf(existing, locale),
    attachments: existing.attachments,
  };
}

/** The two legs of a transfer, the one money leaves first; undefined for any other transaction. */
export function transferLegs(
  ledger: Ledger,
  leg: LedgerRecord<Transaction>,
): readonly [from: LedgerRecord<Transaction>, to: LedgerRecord<Transaction>] | undefined {
  const other = leg.transferId === null ? undefined : ledger.transactions.get(leg.transferId);
  if (!other) return undefined;
  return leg.amount < 0 || (leg.amount === 0 && other.amount > 0) ? [leg, other] : [other, leg];
}

/**
 * A transfer is edited as one: from the account money leaves, to the one it reaches, with the
 * amount that left. Its attachments are the first leg's, the one the list shows.
 */
function transferDraftOf([from, to]: readonly [Transaction, Transaction], locale: string): TransactionDraft {
  return {
    kind: 'transfer',
    amount: formatAmount(money(Math.abs(from.amount), from.currency), locale, { useGrouping: false }),
    payee: from.payee,
    date: from.date,
    accountId: from.accountId,
    toAccountId: to.accountId,
    categoryId: '',
    notes: from.notes,
    tags: from.tags,
    parts: [],
    paidBy: '',
    sharing: NOT_SHARED,
    attachments: from.attachments,
  };
}

/** The transaction being edited: the form as it opened, so only what the person changed is written. */
export type TransactionEditing = Editing<TransactionDraft>;

/** What the form writes; a transaction's links and its cleared mark are not the form's to change. */
type TransactionFields = Pick<
  Transaction,
  | 'date'
  | 'amount'
  | 'currency'
  | 'accountId'
  | 'categoryId'
  | 'payee'
  | 'notes'
  | 'tags'
  | 'splits'
  | 'paidBy'
  | 'shares'
  | 'attachments'
>;

/** The form checked: what it writes, and for a new transfer the account it goes to. */
interface CheckedTransaction {
  readonly input: TransactionFields;
  readonly transferTo: string | undefined;
  readonly minorUnits: number;
}

/**
 * Checks the whole draft, then writes it in one ledger change, or writes nothing and says what
 * is wrong next to each field (`saveEdit`: an edit writes only the fields the person changed
 * since the form opened, LWW1, and an edit of a transaction deleted meanwhile is refused until it
 * is saved again with `restore`). A transfer's other leg is restored with it.
 */
export function saveTransactionDraft(
  ledger: Ledger,
  draft: TransactionDraft,
  editing: TransactionEditing | undefined,
  locale: string,
): Saving<DraftIssues> {
  return saveEdit(ledger, draft, editing, {
    find: (id) => ledger.transactions.get(id),
    draftOf: (current) => draftOfRecord(ledger, current, locale),
    check: ({ current, opened, changed }) => checkDraft(ledger, draft, { current, opened, changed }, locale),
    create: ({ input, transferTo, minorUnits }) => {
      if (transferTo === undefined) {
        ledger.transactions.create(input);
        return;
      }
      const [from] = ledger.createTransfer({
        date: input.date,
        fromAccountId: input.accountId,
        toAccountId: transferTo,
        amount: minorUnits,
        payee: input.payee,
        notes: input.notes,
        tags: input.tags,
      });
      if (input.attachments.length > 0) ledger.transactions.update(from.id, { attachments: input.attachments });
    },
    update: (current, checked, changed) => {
      const legs = transferLegs(ledger, current);
      if (legs) updateTransfer(ledger, legs, checked, changed);
      else ledger.transactions.update(current.id, changedFields(checked.input, current, changed));
    },
    restore: (current) => restoreTransactions(ledger, [current.id]),
    refused: (refusal) => {
      const issues: DraftIssues = {};
      if (refusal.code === 'ledger.invalid-record' && refusal.fields.length > 0)
        addLedgerIssues(issues, refusal.fields);
      else issues.form = refusal;
      return issues;
    },
  });
}

function checkDraft(
  ledger: Ledger,
  draft: TransactionDraft,
  form: {
    readonly current: LedgerRecord<Transaction> | undefined;
    readonly opened: TransactionDraft | undefined;
    readonly changed: Changed<TransactionDraft>;
  },
  locale: string,
): Checked<CheckedTransaction, DraftIssues> {
  const { current, opened } = form;
  const issues: DraftIssues = {};
  const account = draft.accountId ? ledger.accounts.get(draft.accountId) : undefined;
  if (!account || account.deleted) issues.accountId = 'account-missing';
  let minorUnits: number | undefined;
  if (account) {
    const read = readAmount(draft.amount, account.currency, locale);
    if (!read.ok) issues.amount = amountRefusal(read.problem);
    // An imported zero (a waived fee) may stay zero while other fields are edited.
    else if (read.amount === 0 && (opened === undefined || draft.amount !== opened.amount))
      issues.amount = amountRefusal({ code: 'zero', values: {} });
    else minorUnits = Math.abs(read.amount);
  } else if (draft.amount.trim() === '') {
    issues.amount = amountRefusal({ code: 'empty', values: {} });
  }
  const transfer = draft.kind === 'transfer';
  if (transfer && !draft.toAccountId) issues.toAccountId = 'to-account-missing';
  else if (transfer && draft.toAccountId === draft.accountId) issues.toAccountId = 'to-account-same';

  // An edit keeps the transaction's direction: only its details change here. A transfer is written from the leg money leaves.
  const direction = transfer
    ? -1
    : current && current.amount !== 0
      ? Math.sign(current.amount) === -1
        ? -1
        : 1
      : draft.kind === 'income'
        ? 1
        : -1;
  const amount = minorUnits === undefined ? direction : minorUnits === 0 ? 0 : direction * minorUnits;
  const split = !transfer && draft.parts.length > 0;
  let splits: readonly SplitPart[] = [];
  if (split && account) {
    const read = readSplitParts(draft.parts, account.currency, locale, direction);
    Object.assign(issues, read.issues);
    splits = read.parts;
    // A split left unbalanced by edits on two devices (REC7) may still be saved with other changes (REC8).
    const unchanged = current !== undefined && current.amount === amount && sameParts(current.splits, splits);
    if (!hasIssues(read.issues) && minorUnits !== undefined && !unchanged && partsTotal(splits) !== BigInt(amount))
      issues.splits = 'split-unbalanced';
  }

  // A transfer is nobody's expense (SHR1); shares left unbalanced by two devices may stay as they are (SHR3).
  const shared =
    account && !transfer && !current?.transferId
      ? readSharing(draft.paidBy, draft.sharing, account.currency, locale, direction, minorUnits)
      : undefined;
  if (shared) {
    const untouched = current !== undefined && current.amount === amount && sameShares(current.shares, shared.shares);
    const { shares: sharesIssue, ...others } = shared.issues;
    Object.assign(issues, others);
    if (sharesIssue && !untouched) issues.shares = sharesIssue;
  }

  const input: TransactionFields = {
    date: draft.date,
    amount,
    currency: account?.currency ?? currencyCode('USD'),
    accountId: draft.accountId,
    categoryId: transfer || split || !draft.categoryId ? null : draft.categoryId,
    payee: draft.payee.trim(),
    notes: draft.notes.trim(),
    tags: draft.tags,
    splits,
    paidBy: shared?.paidBy ?? null,
    shares: shared?.shares ?? [],
    attachments: draft.attachments,
  };
  // The parts and shares were checked above, against what changed (REC8); the ledger checks them again on writing.
  const validation = validateRecord(transactionKind, { ...input, splits: [], paidBy: null, shares: [] });
  if (!validation.ok) addLedgerIssues(issues, validation.issues);
  if (hasIssues(issues) || minorUnits === undefined) return { issues };
  return { fields: { input, transferTo: transfer ? draft.toAccountId : undefined, minorUnits } };
}

/**
 * The ledger's fields that follow from the form fields the person changed. The amount, its
 * currency and the split parts are one thing: the minor units the form read belong to the form's
 * account, and the parts add up to the form's amount, so when any of them changed all are written
 * together — never parts balanced against an amount another device has since replaced (REC7).
 */
function changedFields(
  input: TransactionFields,
  current: Transaction,
  changed: Changed<TransactionDraft>,
): Partial<TransactionFields> {
  const patch: { -readonly [Field in keyof TransactionFields]?: TransactionFields[Field] } = {};
  if (changed('date')) patch.date = input.date;
  if (changed('accountId')) {
    patch.accountId = input.accountId;
    patch.currency = input.currency;
  }
  const money = changed('amount') || changed('kind') || changed('parts') || input.currency !== current.currency;
  const split = input.splits.length > 0 || current.splits.length > 0;
  if (money) patch.amount = input.amount;
  if (changed('parts') || (money && split)) patch.splits = input.splits;
  // Splitting or unsplitting changes the category too: a split transaction has none (REC7).
  if (changed('categoryId') || changed('parts') || (money && split)) patch.categoryId = input.categoryId;
  if (changed('payee')) patch.payee = input.payee;
  if (changed('notes')) patch.notes = input.notes;
  if (changed('tags')) patch.tags = input.tags;
  // Payer and shares are two fields (SHR3); exact shares follow the amount like split parts.
  if (changed('paidBy')) patch.paidBy = input.paidBy;
  if (changed('sharing') || (money && isExactShares(input.shares))) patch.shares = input.shares;
  // Removing an attachment is an edit like any other: the list as the form holds it is written.
  if (changed('attachments')) patch.attachments = input.attachments;
  return patch;
}

/**
 * Writes a transfer edited as one to both its legs: what both share (day, payee, notes, tags) to
 * each, the account money leaves and the amount that left to the first, the account it reaches to
 * the second. Between accounts of one currency the second leg receives what left; between two
 * currencies it keeps the amount it received, which the form does not show.
 */
function updateTransfer(
  ledger: Ledger,
  [from, to]: readonly [LedgerRecord<Transaction>, LedgerRecord<Transaction>],
  { input, transferTo, minorUnits }: CheckedTransaction,
  changed: Changed<TransactionDraft>,
): void {
  const shared: { -readonly [Field in keyof TransactionFields]?: TransactionFields[Field] } = {};
  if (changed('date')) shared.date = input.date;
  if (changed('payee')) shared.payee = input.payee;
  if (changed('notes')) shared.notes = input.notes;
  if (changed('tags')) shared.tags = input.tags;
  const fromPatch = { ...shared };
  const toPatch = { ...shared };
  if (changed('attachments')) fromPatch.attachments = input.attachments;
  const toAccount = transferTo === undefined ? undefined : ledger.accounts.get(transferTo);
  if (changed('accountId')) {
    fromPatch.accountId = input.accountId;
    fromPatch.currency = input.currency;
  }
  if (changed('toAccountId') && toAccount) {
    toPatch.accountId = toAccount.id;
    toPatch.currency = toAccount.currency;
  }
  if (changed('amount') || changed('accountId') || changed('toAccountId')) {
    fromPatch.amount = -minorUnits;
    if (toAccount && toAccount.currency === input.currency) toPatch.amount = minorUnits;
  }
  ledger.transactions.update(from.id, fromPatch);
  ledger.transactions.update(to.id, toPatch);
}
