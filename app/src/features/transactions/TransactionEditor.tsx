import { type Account, type Category, formatAmount, formatMoney, type LedgerRecord, money } from '@tally/schema';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { isRefusal, useRefusalText } from '../../forms/index.js';
import { useLocale, useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useTally, useTransactionRows } from '../../tally/index.js';
import { describedBy, Field, formMessages, readAmount, today, wordMessages } from '../../ui/index.js';
import { AttachmentsField } from '../attachments/index.js';
import { FirstAccount } from '../first-run/index.js';
import { CategorySuggestion } from './CategorySuggestion.js';
import { suggestionFor } from './category-suggestion.js';
import { deleteTransactions } from './deleting.js';
import type { DraftIssues } from './draft-issues.js';
import { categoriesOfKind, choicesFor } from './editor-choices.js';
import { transactionEditorMessages } from './editor-messages.js';
import { PaidByShares } from './PaidByShares.js';
import { PayeeSuggestions } from './PayeeSuggestions.js';
import { type PayeeHabit, payeeHabits } from './payee-habits.js';
import { SplitParts } from './SplitParts.js';
import { readSharing } from './sharing-draft.js';
import { partsTotal, type SplitPartDraft, splitBalance, startSplit } from './split-draft.js';
import { TagsField } from './TagsField.js';
import {
  draftOf,
  emptyDraft,
  saveTransactionDraft,
  TRANSACTION_KINDS,
  type TransactionDraft,
  type TransactionKind,
} from './transaction-draft.js';
import { useCategoryModel } from './use-category-model.js';
import './transactions.css';

interface TransactionEditorProps {
  /** The transaction to edit; a new one when absent. */
  readonly id?: string | undefined;
  readonly onClose: () => void;
  /** Called once the transaction being edited is deleted, with its id, so the deletion can be undone. */
  readonly onDeleted: (id: string) => void;
}

type TextField = 'kind' | 'amount' | 'payee' | 'date' | 'accountId' | 'toAccountId' | 'categoryId' | 'notes';

/** Add or edit one transaction; nothing is written until every field is valid. */
export function TransactionEditor({ id, onClose, onDeleted }: TransactionEditorProps) {
  const tally = useTally();
  const locale = useLocale();
  const text = useText(transactionEditorMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const allAccounts = useRecords(tally.accounts);
  const allCategories = useRecords(tally.categories);
  const rules = useRecords(tally.rules);
  const allPeople = useRecords(tally.people);
  const { rows } = useTransactionRows();
  // The form as it opened: saving writes only what the person changed since (another device may have changed the rest).
  const [opened] = useState(() => (id ? draftOf(tally.ledger, id, locale) : undefined));
  const [draft, setDraft] = useState<TransactionDraft>(
    () => opened ?? emptyDraft(today(), allAccounts.find((account) => !account.archived)?.id ?? ''),
  );
  const [issues, setIssues] = useState<DraftIssues>({});
  const [deleted, setDeleted] = useState(false);
  const refusal = useRefusalText();
  // An archived account or category stays listed for the transaction that uses it.
  const accounts = choicesFor(allAccounts, opened ? [opened.accountId] : []);
  const categoriesInUse = opened ? [opened.categoryId, ...opened.parts.map((part) => part.categoryId)] : [];
  const categories = categoriesOfKind(choicesFor(allCategories, categoriesInUse), draft.kind, categoriesInUse);
  const habits = useMemo(() => (id ? [] : payeeHabits(rows)), [id, rows]);
  // Archived people are left out of new choices, but one the transaction names stays (PPL1).
  const named = new Set([opened?.paidBy ?? '', ...(opened?.sharing.entries.map((entry) => entry.personId) ?? [])]);
  const people = allPeople.filter((person) => !person.archived || named.has(person.id));
  const focusAfterRender = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusAfterRender.current === undefined) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = undefined;
  });
  const stored = id ? tally.ledger.transactions.get(id) : undefined;
  const transfer = draft.kind === 'transfer';
  const account: Account | undefined = accounts.find((candidate) => candidate.id === draft.accountId);
  const currency = account?.currency;
  const split = draft.parts.length > 0;

  const change = (patch: Partial<TransactionDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const set = (field: TextField) => (event: { target: { value: string } }) => change({ [field]: event.target.value });

  const amountRead = currency ? readAmount(draft.amount, currency, locale) : undefined;
  const direction = draft.kind === 'income' ? 1 : -1;
  const wantsSuggestion = !id && !transfer && !split && draft.categoryId === '';
  const model = useCategoryModel(rows, wantsSuggestion);
  const suggestion = suggestionFor({
    draft,
    editing: id !== undefined,
    amount: amountRead?.ok ? direction * Math.abs(amountRead.amount) : 0,
    rules,
    model,
    usable: (categoryId) => categories.some((category) => category.id === categoryId),
  });

  const sharesBalance =
    currency &&
    readSharing(
      draft.paidBy,
      draft.sharing,
      currency,
      locale,
      direction,
      amountRead?.ok ? Math.abs(amountRead.amount) : undefined,
    ).balance;
  const balance = currency && split ? splitBalance(draft.amount, draft.parts, currency, locale) : undefined;
  const show = (minorUnits: number) => (currency ? formatMoney(money(minorUnits, currency), locale) : '');
  const say = (issue: DraftIssues[keyof DraftIssues]): string | undefined =>
    issue &&
    (isRefusal(issue)
      ? refusal(issue)
      : issue === 'account-missing'
        ? shared('accountMissing')
        : text(`issue.${issue}`, {
            currency: currency ?? '',
            example: formatAmount(money(123456, currency ?? 'USD'), locale),
            assigned: show(balance?.assigned ?? 0),
            total: show(balance?.total ?? 0),
          }));
  const storedMismatch =
    stored && stored.splits.length > 0 && partsTotal(stored.splits) !== BigInt(stored.amount) ? stored : undefined;

  const save = (restore: boolean) => {
    const saving = saveTransactionDraft(tally.ledger, draft, id ? { id, opened, restore } : undefined, locale);
    setDeleted('deleted' in saving);
    setIssues('issues' in saving ? saving.issues : {});
    if (!('saved' in saving)) return;
    // Only now do the picked files join the upload outbox: a form cancelled sends nothing.
    void tally.attachments.saved(draft.attachments.map((attachment) => attachment.hash));
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  const remove = () => {
    if (id) {
      deleteTransactions(tally.ledger, [id]);
      onDeleted(id);
    }
    onClose();
  };

  // A category of the other kind is let go: income never lands in an expense category.
  const chooseKind = (kind: TransactionKind) =>
    change({
      kind,
      ...(allCategories.find((category) => category.id === draft.categoryId)?.kind !== kind && { categoryId: '' }),
    });

  // A repeat purchase: the payee brings its usual category and account, where the form offers them.
  const pickPayee = (habit: PayeeHabit) =>
    change({
      payee: habit.payee,
      ...(categories.some((category) => category.id === habit.categoryId) && { categoryId: habit.categoryId }),
      ...(accounts.some((candidate) => candidate.id === habit.accountId) && { accountId: habit.accountId }),
    });

  const categoryOptions = <CategoryOptions categories={categories} />;
  const accountOptions = accounts.map((candidate) => (
    <option key={candidate.id} value={candidate.id}>
      {candidate.name}
    </option>
  ));

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
      <form
        className="sheet__body form transaction-editor"
        onSubmit={submit}
        noValidate
        data-testid="transaction-editor"
      >
        <h2 id="transaction-editor-title">{id ? text('editTitle') : text('newTitle')}</h2>
        {!id && (
          <div className="segmented" role="radiogroup" aria-label={shared('kind')}>
            {TRANSACTION_KINDS.map((kind) => (
              <label
                key={kind}
                className={draft.kind === kind ? 'segmented__option segmented__option--on' : 'segmented__option'}
              >
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() => chooseKind(kind)}
                  data-testid={`kind-${kind}`}
                />
                {shared(kind)}
              </label>
            ))}
          </div>
        )}
        <Field id="amount" label={words('amount')} error={say(issues.amount)}>
          <input
            id="amount"
            data-testid="amount"
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            value={draft.amount}
            onChange={set('amount')}
            {...describedBy('amount', issues.amount)}
          />
        </Field>
        <Field id="payee" label={draft.kind === 'income' ? text('payer') : words('payee')} error={say(issues.payee)}>
          <input
            id="payee"
            data-testid="payee"
            autoComplete="off"
            value={draft.payee}
            onChange={set('payee')}
            {...describedBy('payee', issues.payee)}
          />
        </Field>
        {!id && !transfer && (
          <PayeeSuggestions habits={habits} typed={draft.payee} kind={draft.kind} onPick={pickPayee} />
        )}
        <Field id="date" label={words('date')} error={say(issues.date)}>
          <input
            id="date"
            data-testid="date"
            type="date"
            value={draft.date}
            onChange={set('date')}
            {...describedBy('date', issues.date)}
          />
        </Field>
        {accounts.length === 0 && !id ? (
          <FirstAccount onCreated={(accountId) => change({ accountId })} />
        ) : (
          <Field id="account" label={transfer ? text('fromAccount') : words('account')} error={say(issues.accountId)}>
            <select
              id="account"
              data-testid="account"
              value={draft.accountId}
              onChange={set('accountId')}
              {...describedBy('account', issues.accountId)}
            >
              <option value="">{words('chooseAccount')}</option>
              {accountOptions}
            </select>
          </Field>
        )}
        {transfer && (
          <Field id="to-account" label={text('toAccount')} error={say(issues.toAccountId)}>
            <select
              id="to-account"
              data-testid="to-account"
              value={draft.toAccountId}
              onChange={set('toAccountId')}
              {...describedBy('to-account', issues.toAccountId)}
            >
              <option value="">{words('chooseAccount')}</option>
              {accountOptions}
            </select>
          </Field>
        )}
        {!transfer && !split && (
          <>
            <Field id="category" label={words('category')} error={say(issues.categoryId)}>
              <select
                id="category"
                data-testid="category"
                value={draft.categoryId}
                onChange={set('categoryId')}
                {...describedBy('category', issues.categoryId)}
              >
                <option value="">{words('noCategory')}</option>
                {categoryOptions}
              </select>
            </Field>
            {!id && (
              <CategorySuggestion
                suggestion={suggestion}
                categoryName={(categoryId) => categories.find((category) => category.id === categoryId)?.name ?? ''}
                onAccept={(categoryId) => change({ categoryId })}
              />
            )}
            <button
              type="button"
              className="button"
              data-testid="split"
              onClick={() => change({ parts: startSplit(draft.categoryId, draft.amount), categoryId: '' })}
            >
              {text('splitAction')}
            </button>
          </>
        )}
        {split && !transfer && (
          <SplitParts
            parts={draft.parts}
            issues={issues}
            balance={balance}
            show={show}
            say={say}
            categoryOptions={categoryOptions}
            onChange={(parts: readonly SplitPartDraft[]) => change({ parts })}
            onUnsplit={() => {
              change({ parts: [], categoryId: draft.parts[0]?.categoryId ?? '' });
              focusAfterRender.current = 'category';
            }}
          />
        )}
        {!transfer && people.length > 0 && (
          <PaidByShares
            people={people}
            paidBy={draft.paidBy}
            sharing={draft.sharing}
            income={draft.kind === 'income'}
            issues={issues}
            balance={sharesBalance || undefined}
            stored={stored}
            show={show}
            say={say}
            onChange={change}
          />
        )}
        {storedMismatch && (
          <p className="form__notice" data-testid="split-mismatch">
            {text('storedMismatch', {
              assigned: formatMoney(money(Number(partsTotal(storedMismatch.splits)), storedMismatch.currency), locale),
              total: formatMoney(money(storedMismatch.amount, storedMismatch.currency), locale),
            })}
          </p>
        )}
        <Field id="notes" label={words('notes')} error={say(issues.notes)}>
          <textarea
            id="notes"
            data-testid="notes"
            rows={2}
            value={draft.notes}
            onChange={set('notes')}
            {...describedBy('notes', issues.notes)}
          />
        </Field>
        <TagsField
          tags={draft.tags}
          error={say(issues.tags)}
          onChange={(tags) => change({ tags })}
          onRefused={(issue) => setIssues((current) => ({ ...current, tags: issue }))}
        />
        <AttachmentsField
          attachments={draft.attachments}
          onChange={(attach) => setDraft((current) => ({ ...current, attachments: attach(current.attachments) }))}
        />
        {(issues.form || deleted) && (
          <p className="form__error" role="alert" data-testid="form-error">
            {deleted ? text('issue.transaction-deleted') : say(issues.form)}
          </p>
        )}
        {deleted && (
          <button type="button" className="button" data-testid="restore-save" onClick={() => save(true)}>
            {text('restoreSave')}
          </button>
        )}
        <div className="form__actions transaction-editor__actions">
          {id && (
            <button type="button" className="button button--danger" data-testid="delete" onClick={remove}>
              {words('delete')}
            </button>
          )}
          <span className="form__spacer" />
          <button type="button" className="button" onClick={onClose} data-testid="cancel">
            {words('cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="save">
            {text('save')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The categories to choose from, under their groups' names. */
function CategoryOptions({ categories }: { readonly categories: readonly LedgerRecord<Category>[] }) {
  const ungrouped = categories.filter((category) => !category.group);
  const groups = [...new Set(categories.map((category) => category.group).filter(Boolean))];
  const option = (category: LedgerRecord<Category>) => (
    <option key={category.id} value={category.id}>
      {category.name}
    </option>
  );
  return (
    <>
      {ungrouped.map(option)}
      {groups.map((group) => (
        <optgroup key={group} label={group}>
          {categories.filter((category) => category.group === group).map(option)}
        </optgroup>
      ))}
    </>
  );
}
