import { formatAmount, LedgerError, money, transactionKind, validateRecord, type Ledger, type SplitPart } from '@tally/schema';
import { readAmount } from './amount-text.js';
import { addLedgerIssues, hasIssues, type DraftIssues } from './draft-issues.js';
import { partsTotal, readSplitParts, sameParts, type SplitPartDraft } from './split-draft.js';

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
}

export function emptyDraft(date: string, accountId: string): TransactionDraft {
  return { kind: 'expense', amount: '', payee: '', date, accountId, toAccountId: '', categoryId: '', notes: '', tags: [], parts: [] };
}

/** The form for an existing transaction, amounts written the way the locale writes them. */
export function draftOf(ledger: Ledger, id: string, locale: string): TransactionDraft | undefined {
  const existing = ledger.transactions.get(id);
  if (!existing) return undefined;
  const direction = existing.amount < 0 ? -1 : 1;
  const write = (minorUnits: number) => formatAmount(money(minorUnits, existing.currency), locale, { useGrouping: false });
  return {
    kind: direction < 0 ? 'expense' : 'income',
    amount: write(Math.abs(existing.amount)),
    payee: existing.payee,
    date: existing.date,
    accountId: existing.accountId,
    toAccountId: '',
    categoryId: existing.categoryId ?? '',
    notes: existing.notes,
    tags: existing.tags,
    parts: existing.splits.map((part) => ({ categoryId: part.categoryId, amount: write(direction * part.amount), memo: part.memo })),
  };
}

/**
 * Checks the whole draft, then writes it in one ledger change, or writes nothing and says what
 * is wrong next to each field. Returns no issues when the transaction was saved.
 */
export function saveTransactionDraft(ledger: Ledger, draft: TransactionDraft, editingId: string | undefined, locale: string): DraftIssues {
  const issues: DraftIssues = {};
  const account = draft.accountId ? ledger.accounts.get(draft.accountId) : undefined;
  const current = editingId ? ledger.transactions.get(editingId) : undefined;
  if (!account || account.deleted) issues.accountId = 'account-missing';
  let minorUnits: number | undefined;
  if (account) {
    const read = readAmount(draft.amount, account.currency, locale);
    if (read.ok) minorUnits = Math.abs(read.minorUnits);
    else issues.amount = read.issue;
  } else if (draft.amount.trim() === '') {
    issues.amount = 'amount-missing';
  }
  const transfer = draft.kind === 'transfer' && editingId === undefined;
  if (transfer && !draft.toAccountId) issues.toAccountId = 'to-account-missing';
  else if (transfer && draft.toAccountId === draft.accountId) issues.toAccountId = 'to-account-same';

  // A transfer leg keeps its sign and its account: only its own details change here.
  const direction = current?.transferId ? (Math.sign(current.amount) === -1 ? -1 : 1) : draft.kind === 'income' ? 1 : -1;
  const amount = direction * (minorUnits ?? 1);
  const split = !transfer && !current?.transferId && draft.parts.length > 0;
  let splits: readonly SplitPart[] = [];
  if (split && account) {
    const read = readSplitParts(draft.parts, account.currency, locale, direction);
    Object.assign(issues, read.issues);
    splits = read.parts;
    // A split left unbalanced by edits on two devices (REC7) may still be saved with other changes (REC8).
    const unchanged = current !== undefined && current.amount === amount && sameParts(current.splits, splits);
    if (!hasIssues(read.issues) && minorUnits !== undefined && !unchanged && partsTotal(splits) !== BigInt(amount)) issues.splits = 'split-unbalanced';
  }

  const input = {
    date: draft.date,
    amount,
    currency: account?.currency ?? 'USD',
    accountId: draft.accountId,
    categoryId: transfer || split || current?.transferId || !draft.categoryId ? null : draft.categoryId,
    payee: draft.payee.trim(),
    notes: draft.notes.trim(),
    tags: draft.tags,
  };
  // The parts were checked above; the ledger checks them again on writing.
  const validation = validateRecord(transactionKind, input);
  if (!validation.ok) addLedgerIssues(issues, validation.issues);
  if (hasIssues(issues) || minorUnits === undefined) return issues;

  try {
    if (transfer) {
      ledger.createTransfer({
        date: input.date,
        fromAccountId: input.accountId,
        toAccountId: draft.toAccountId,
        amount: minorUnits,
        payee: input.payee,
        notes: input.notes,
      });
    } else if (editingId) {
      ledger.transactions.update(editingId, { ...input, splits });
    } else {
      ledger.transactions.create({ ...input, splits });
    }
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    addLedgerIssues(issues, error.issues.length > 0 ? error.issues : [{ field: '' }]);
  }
  return issues;
}

/** Deletes a transaction, and the other leg with it when it is a transfer. */
export function deleteTransaction(ledger: Ledger, id: string): void {
  const transaction = ledger.transactions.get(id);
  ledger.transact(() => {
    ledger.transactions.delete(id);
    const other = transaction?.transferId ? ledger.transactions.get(transaction.transferId) : undefined;
    if (other && !other.deleted) ledger.transactions.delete(other.id);
  });
}
