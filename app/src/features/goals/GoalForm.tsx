import type { Goal, LedgerRecord } from '@tally/schema';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useIssueText } from '../../forms/index.js';
import { useLocale, useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useHomeCurrency, useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter, formatDay, formMessages, today } from '../../ui/index.js';
import { type GoalDraft, type GoalIssues, type GoalProblem, goalDraftOf, saveGoalDraft } from './goal-draft.js';
import { goalMessages } from './messages.js';

interface GoalFormProps {
  readonly goal?: LedgerRecord<Goal> | undefined;
  readonly onDone: () => void;
}

/** Create or edit a goal; its currency is fixed once it has been created, as its contributions are in it. */
export function GoalForm({ goal, onDone }: GoalFormProps) {
  const tally = useTally();
  const text = useText(goalMessages);
  const words = useText(formMessages);
  const locale = useLocale();
  const home = useHomeCurrency();
  const accounts = useRecords(tally.accounts).filter(
    (account) => !account.archived || goal?.accountIds.includes(account.id),
  );
  // The form as it opened: saving writes only what the person changed since (another device may have changed the rest).
  const [opened] = useState<GoalDraft | undefined>(() => goal && goalDraftOf(goal, locale));
  const [draft, setDraft] = useState<GoalDraft>(
    () =>
      opened ?? {
        name: '',
        target: '',
        currency: home,
        targetDate: '',
        accountIds: [],
        countWholeBalance: false,
      },
  );
  const [issues, setIssues] = useState<GoalIssues>({});
  const [deleted, setDeleted] = useState(false);
  // A linked account deleted on another device stays listed, marked, so it can be unticked.
  const deletedAccounts = [...new Set([...(opened?.accountIds ?? []), ...draft.accountIds])]
    .filter((id) => !accounts.some((account) => account.id === id))
    .flatMap((id) => tally.ledger.accounts.get(id) ?? []);
  const choices = [
    ...accounts.map((account) => ({ account, label: account.name })),
    ...deletedAccounts.map((account) => ({ account, label: text('accountDeleted', { name: account.name }) })),
  ];
  const set = (field: 'name' | 'target' | 'currency' | 'targetDate') => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const toggleAccount = (id: string, linked: boolean) =>
    setDraft((current) => ({
      ...current,
      accountIds: linked ? [...current.accountIds, id] : current.accountIds.filter((each) => each !== id),
    }));

  const code = draft.currency.trim().toUpperCase();
  const message = useIssueText((problem: GoalProblem) =>
    text(problem, { start: formatDay(goal?.startDate ?? today(), locale), code }),
  );

  const save = (restore: boolean) => {
    const saving = saveGoalDraft(tally.ledger, draft, goal && { id: goal.id, opened, restore }, locale, today());
    setDeleted('deleted' in saving);
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDone();
  };

  const errors = {
    name: message(issues.name),
    target: message(issues.target),
    currency: issues.currency && words(`currency.${issues.currency}`, { code }),
    targetDate: message(issues.targetDate),
    accountIds: message(issues.accountIds),
    form: deleted ? text('goalDeleted') : message(issues.form),
  };
  return (
    <form className="form card" onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="goal-form">
      <Field id="goal-name" label={words('name')} error={errors.name}>
        <input
          id="goal-name"
          data-testid="goal-name"
          autoFocus
          value={draft.name}
          onChange={set('name')}
          {...describedBy('goal-name', errors.name)}
        />
      </Field>
      <div className="goal-form__pair">
        <Field id="goal-target" label={text('target')} error={errors.target}>
          <input
            id="goal-target"
            data-testid="goal-target"
            inputMode="decimal"
            autoComplete="off"
            value={draft.target}
            onChange={set('target')}
            {...describedBy('goal-target', errors.target)}
          />
        </Field>
        <Field id="goal-currency" label={words('currency')} error={errors.currency}>
          <input
            id="goal-currency"
            data-testid="goal-currency"
            maxLength={3}
            autoComplete="off"
            disabled={goal !== undefined}
            value={draft.currency}
            onChange={(event) => setDraft((current) => ({ ...current, currency: event.target.value.toUpperCase() }))}
            {...describedBy('goal-currency', errors.currency)}
          />
        </Field>
      </div>
      <Field id="goal-date" label={text('targetDate')} error={errors.targetDate}>
        <input
          id="goal-date"
          data-testid="goal-date"
          type="date"
          value={draft.targetDate}
          onChange={set('targetDate')}
          {...describedBy('goal-date', errors.targetDate)}
        />
      </Field>
      <fieldset className="goal-form__accounts" aria-describedby="goal-accounts-hint">
        <legend>{text('accounts')}</legend>
        <p className="hint" id="goal-accounts-hint">
          {accounts.length === 0 ? text('noAccounts') : text('accountsHint')}
        </p>
        {choices.map(({ account, label }) => (
          <label key={account.id} className="choice">
            <input
              type="checkbox"
              data-testid="goal-account"
              data-name={account.name}
              checked={draft.accountIds.includes(account.id)}
              onChange={(event) => toggleAccount(account.id, event.target.checked)}
            />
            {label}
          </label>
        ))}
        {deletedAccounts.length > 0 && (
          <p className="hint" data-testid="goal-accounts-gone">
            {text('accountsGoneHint')}
          </p>
        )}
        {errors.accountIds && (
          <p className="field__error" role="alert">
            {errors.accountIds}
          </p>
        )}
        {choices.length > 0 && (
          <label className="choice goal-form__whole">
            <input
              type="checkbox"
              data-testid="goal-whole-balance"
              checked={draft.countWholeBalance}
              onChange={(event) => setDraft((current) => ({ ...current, countWholeBalance: event.target.checked }))}
            />
            {text('wholeBalance')}
          </label>
        )}
      </fieldset>
      {errors.form && (
        <p className="form__error" role="alert" data-testid="goal-form-error">
          {errors.form}
        </p>
      )}
      {deleted && (
        <button type="button" className="button" data-testid="goal-restore-save" onClick={() => save(true)}>
          {text('restoreSave')}
        </button>
      )}
      <FormFooter onCancel={onDone} cancelTestId="goal-cancel" saveLabel={text('save')} saveTestId="save-goal" />
    </form>
  );
}
