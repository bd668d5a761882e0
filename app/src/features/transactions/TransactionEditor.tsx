import { formatAmount, money, type Ledger } from '@tally/schema';
import { useState, type FormEvent } from 'react';
import { useTally } from '../../app/tally-context.js';
import { useRecords } from '../../ledger/index.js';
import { describedBy, Field } from '../../ui/Field.js';
import { useLocale } from '../../i18n/index.js';
import { today } from '../../ui/locale.js';
import {
  deleteTransaction,
  saveTransactionDraft,
  TRANSACTION_KINDS,
  type DraftIssues,
  type TransactionDraft,
  type TransactionKind,
} from './transaction-draft.js';

interface TransactionEditorProps {
  /** The transaction to edit; a new one when absent. */
  readonly id?: string | undefined;
  readonly onClose: () => void;
}

const KIND_LABELS: Record<TransactionKind, string> = { expense: 'Expense', income: 'Income', transfer: 'Transfer' };

function initialDraft(ledger: Ledger, id: string | undefined, defaultAccountId: string, locale: string): TransactionDraft {
  const existing = id ? ledger.transactions.get(id) : undefined;
  if (!existing) {
    return { kind: 'expense', amount: '', payee: '', date: today(), accountId: defaultAccountId, toAccountId: '', categoryId: '', notes: '' };
  }
  return {
    kind: existing.amount < 0 ? 'expense' : 'income',
    amount: formatAmount(money(Math.abs(existing.amount), existing.currency), locale, { useGrouping: false }),
    payee: existing.payee,
    date: existing.date,
    accountId: existing.accountId,
    toAccountId: '',
    categoryId: existing.categoryId ?? '',
    notes: existing.notes,
  };
}

/** Add or edit one transaction; nothing is written until every field is valid. */
export function TransactionEditor({ id, onClose }: TransactionEditorProps) {
  const tally = useTally();
  const locale = useLocale();
  const accounts = useRecords(tally.accounts).filter((account) => !account.archived);
  const categories = useRecords(tally.categories).filter((category) => !category.archived);
  const [draft, setDraft] = useState(() => initialDraft(tally.ledger, id, accounts[0]?.id ?? '', locale));
  const [issues, setIssues] = useState<DraftIssues>({});
  const isTransferLeg = id !== undefined && tally.ledger.transactions.get(id)?.transferId != null;
  const set = (field: keyof TransactionDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = saveTransactionDraft(tally.ledger, draft, id, locale);
    setIssues(found);
    if (Object.keys(found).length === 0) onClose();
  };

  const remove = () => {
    if (id) deleteTransaction(tally.ledger, id);
    onClose();
  };

  return (
    <div
      className="sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="transaction-editor-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <form className="sheet__body form" onSubmit={submit} noValidate data-testid="transaction-editor">
        <h2 id="transaction-editor-title">{id ? 'Edit transaction' : 'New transaction'}</h2>
        {!id && (
          <div className="segmented" role="radiogroup" aria-label="Kind">
            {TRANSACTION_KINDS.map((kind) => (
              <label key={kind} className={draft.kind === kind ? 'segmented__option segmented__option--on' : 'segmented__option'}>
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={set('kind')}
                  data-testid={`kind-${kind}`}
                />
                {KIND_LABELS[kind]}
              </label>
            ))}
          </div>
        )}
        <Field id="amount" label="Amount" error={issues.amount}>
          <input id="amount" data-testid="amount" inputMode="decimal" autoComplete="off" autoFocus value={draft.amount} onChange={set('amount')} {...describedBy('amount', issues.amount)} />
        </Field>
        <Field id="payee" label={draft.kind === 'income' ? 'From' : 'Payee'} error={issues.payee}>
          <input id="payee" data-testid="payee" autoComplete="off" value={draft.payee} onChange={set('payee')} {...describedBy('payee', issues.payee)} />
        </Field>
        <Field id="date" label="Date" error={issues.date}>
          <input id="date" data-testid="date" type="date" value={draft.date} onChange={set('date')} {...describedBy('date', issues.date)} />
        </Field>
        <Field id="account" label={draft.kind === 'transfer' && !id ? 'From account' : 'Account'} error={issues.accountId}>
          <select id="account" data-testid="account" value={draft.accountId} onChange={set('accountId')} disabled={isTransferLeg} {...describedBy('account', issues.accountId)}>
            <option value="">Choose an account</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </Field>
        {draft.kind === 'transfer' && !id ? (
          <Field id="to-account" label="To account" error={issues.toAccountId}>
            <select id="to-account" data-testid="to-account" value={draft.toAccountId} onChange={set('toAccountId')} {...describedBy('to-account', issues.toAccountId)}>
              <option value="">Choose an account</option>
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          !isTransferLeg && (
            <Field id="category" label="Category" error={issues.categoryId}>
              <select id="category" data-testid="category" value={draft.categoryId} onChange={set('categoryId')} {...describedBy('category', issues.categoryId)}>
                <option value="">No category</option>
                {categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.group ? `${category.group} · ${category.name}` : category.name}
                  </option>
                ))}
              </select>
            </Field>
          )
        )}
        <Field id="notes" label="Notes" error={issues.notes}>
          <textarea id="notes" data-testid="notes" rows={2} value={draft.notes} onChange={set('notes')} {...describedBy('notes', issues.notes)} />
        </Field>
        {issues.form && (
          <p className="form__error" role="alert" data-testid="form-error">
            {issues.form}
          </p>
        )}
        <div className="form__actions">
          {id && (
            <button type="button" className="button button--danger" data-testid="delete" onClick={remove}>
              Delete
            </button>
          )}
          <span className="form__spacer" />
          <button type="button" className="button" onClick={onClose} data-testid="cancel">
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="save">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
