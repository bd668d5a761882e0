import { LedgerError, parseMoney, transactionKind, validateRecord, type FieldIssue, type Ledger } from '@tally/schema';

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
}

export type DraftField = keyof TransactionDraft | 'form';
export type DraftIssues = Partial<Record<DraftField, string>>;

const FIELD_OF: Record<string, DraftField> = {
  date: 'date',
  amount: 'amount',
  receivedAmount: 'amount',
  currency: 'accountId',
  accountId: 'accountId',
  fromAccountId: 'accountId',
  toAccountId: 'toAccountId',
  categoryId: 'categoryId',
  payee: 'payee',
  notes: 'notes',
};

/**
 * Checks the whole draft, then writes it in one ledger change, or writes nothing and says what
 * is wrong next to each field. Returns no issues when the transaction was saved.
 */
export function saveTransactionDraft(ledger: Ledger, draft: TransactionDraft, editingId: string | undefined, locale: string): DraftIssues {
  const issues: DraftIssues = {};
  const account = draft.accountId ? ledger.accounts.get(draft.accountId) : undefined;
  if (!account || account.deleted) issues.accountId = 'Choose an account.';
  let minorUnits: number | undefined;
  if (account) {
    const parsed = parseMoney(draft.amount, account.currency, locale);
    if (!parsed.ok) issues.amount = sentence(parsed.reason);
    else if (parsed.money.amount === 0) issues.amount = 'Enter an amount other than zero.';
    else minorUnits = Math.abs(parsed.money.amount);
  } else if (draft.amount.trim() === '') {
    issues.amount = 'Enter an amount.';
  }
  const transfer = draft.kind === 'transfer' && editingId === undefined;
  if (transfer && !draft.toAccountId) issues.toAccountId = 'Choose the account the money goes to.';

  const input = {
    date: draft.date,
    amount: draft.kind === 'expense' || transfer ? -(minorUnits ?? 1) : (minorUnits ?? 1),
    currency: account?.currency ?? 'XXX',
    accountId: draft.accountId,
    categoryId: transfer || !draft.categoryId ? null : draft.categoryId,
    payee: draft.payee.trim(),
    notes: draft.notes.trim(),
  };
  const validation = validateRecord(transactionKind, account ? input : { ...input, currency: 'USD' });
  if (!validation.ok) addIssues(issues, validation.issues);
  if (Object.keys(issues).length > 0 || minorUnits === undefined) return issues;

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
      const current = ledger.transactions.get(editingId);
      // A transfer leg keeps its sign and its account: only its own details change here.
      const amount = current?.transferId ? Math.sign(current.amount) * minorUnits : input.amount;
      ledger.transactions.update(editingId, { ...input, amount, categoryId: current?.transferId ? null : input.categoryId });
    } else {
      ledger.transactions.create(input);
    }
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    addIssues(issues, error.issues.length > 0 ? error.issues : [{ field: '', message: error.message }]);
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

function addIssues(issues: DraftIssues, found: readonly FieldIssue[]): void {
  for (const issue of found) {
    const field = FIELD_OF[issue.field] ?? 'form';
    issues[field] ??= sentence(issue.message);
  }
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
