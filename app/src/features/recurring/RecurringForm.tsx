import { FREQUENCIES, type LedgerRecord, type RecurringTransaction } from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { useIssueText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter, formMessages, wordMessages } from '../../ui/index.js';
import { recurringMessages } from './messages.js';
import {
  DIRECTIONS,
  draftOf,
  type IssueCode,
  isDirection,
  isFrequency,
  type RecurringDraft,
  type RecurringIssues,
  saveRecurringDraft,
} from './recurring-draft.js';

interface RecurringFormProps {
  readonly rule?: LedgerRecord<RecurringTransaction> | undefined;
  readonly today: string;
  readonly onDone: () => void;
}

/** Create or edit a recurring item; nothing is written until every field is valid. */
export function RecurringForm({ rule, today, onDone }: RecurringFormProps) {
  const text = useText(recurringMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const tally = useTally();
  const accounts = useRecords(tally.accounts).filter((account) => !account.archived || account.id === rule?.accountId);
  const categories = useRecords(tally.categories).filter(
    (category) => !category.archived || category.id === rule?.categoryId,
  );
  // The form as it opened: saving writes only what the person changed since (another device may have changed the rest).
  const [opened] = useState<RecurringDraft>(() =>
    draftOf(rule, { accountId: accounts[0]?.id ?? '', today }, text.locale),
  );
  const [draft, setDraft] = useState<RecurringDraft>(opened);
  const [issues, setIssues] = useState<RecurringIssues>({});
  const [deleted, setDeleted] = useState(false);
  const change = (patch: Partial<RecurringDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const say = useIssueText((code: IssueCode) =>
    code === 'accountMissing' ? shared('accountMissing') : text(`error.${code}`),
  );
  const error = (field: keyof RecurringIssues) => say(issues[field]);

  const save = (restore: boolean) => {
    const saving = saveRecurringDraft(
      tally.ledger,
      draft,
      rule ? { id: rule.id, opened, restore } : undefined,
      text.locale,
    );
    setDeleted('deleted' in saving);
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  const remove = () => {
    if (rule) tally.ledger.recurring.delete(rule.id);
    onDone();
  };

  const titleId = rule ? `recurring-form-title-${rule.id}` : 'recurring-form-title';
  return (
    <form
      className="form card recurring__form"
      onSubmit={submit}
      noValidate
      data-testid="recurring-form"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <h2 id={titleId}>{rule ? text('editTitle') : text('add')}</h2>
      <div className="recurring__pair">
        <Field id="recurring-direction" label={shared('kind')}>
          <select
            id="recurring-direction"
            data-testid="recurring-direction"
            value={draft.direction}
            onChange={(event) => isDirection(event.target.value) && change({ direction: event.target.value })}
          >
            {DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {shared(direction)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="recurring-amount" label={words('amount')} error={error('amount')}>
          <input
            id="recurring-amount"
            data-testid="recurring-amount-input"
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            value={draft.amount}
            onChange={(event) => change({ amount: event.target.value })}
            {...describedBy('recurring-amount', error('amount'))}
          />
        </Field>
      </div>
      <Field id="recurring-payee" label={words('payee')} error={error('payee')}>
        <input
          id="recurring-payee"
          data-testid="recurring-payee-input"
          autoComplete="off"
          value={draft.payee}
          onChange={(event) => change({ payee: event.target.value })}
          {...describedBy('recurring-payee', error('payee'))}
        />
      </Field>
      <div className="recurring__pair">
        <Field id="recurring-account" label={words('account')} error={error('accountId')}>
          <select
            id="recurring-account"
            data-testid="recurring-account"
            value={draft.accountId}
            onChange={(event) => change({ accountId: event.target.value })}
            {...describedBy('recurring-account', error('accountId'))}
          >
            <option value="">{words('chooseAccount')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="recurring-category" label={words('category')} error={error('categoryId')}>
          <select
            id="recurring-category"
            data-testid="recurring-category"
            value={draft.categoryId}
            onChange={(event) => change({ categoryId: event.target.value })}
            {...describedBy('recurring-category', error('categoryId'))}
          >
            <option value="">{words('noCategory')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.group ? `${category.group} · ${category.name}` : category.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="recurring__pair">
        <Field id="recurring-frequency" label={text('field.frequency')}>
          <select
            id="recurring-frequency"
            data-testid="recurring-frequency"
            value={draft.frequency}
            onChange={(event) => isFrequency(event.target.value) && change({ frequency: event.target.value })}
          >
            {FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {text(`frequency.${frequency}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="recurring-interval"
          label={text(`interval.${draft.frequency === 'last-business-day' ? 'monthly' : draft.frequency}`)}
          error={error('interval')}
        >
          <input
            id="recurring-interval"
            data-testid="recurring-interval"
            inputMode="numeric"
            autoComplete="off"
            value={draft.interval}
            onChange={(event) => change({ interval: event.target.value })}
            {...describedBy('recurring-interval', error('interval'))}
          />
        </Field>
      </div>
      {draft.frequency === 'monthly' && (
        <Field id="recurring-day" label={text('field.day')} error={error('dayOfMonth')}>
          <input
            id="recurring-day"
            data-testid="recurring-day"
            inputMode="numeric"
            autoComplete="off"
            value={draft.dayOfMonth}
            onChange={(event) => change({ dayOfMonth: event.target.value })}
            aria-invalid={error('dayOfMonth') ? true : undefined}
            aria-describedby={error('dayOfMonth') ? 'recurring-day-error recurring-day-hint' : 'recurring-day-hint'}
          />
          <p className="hint" id="recurring-day-hint">
            {text('dayHint')}
          </p>
        </Field>
      )}
      <div className="recurring__pair">
        <Field id="recurring-start" label={text('field.start')} error={error('startDate')}>
          <input
            id="recurring-start"
            data-testid="recurring-start"
            type="date"
            value={draft.startDate}
            onChange={(event) => change({ startDate: event.target.value })}
            {...describedBy('recurring-start', error('startDate'))}
          />
        </Field>
        <Field id="recurring-end" label={text('field.end')} error={error('endDate')}>
          <input
            id="recurring-end"
            data-testid="recurring-end"
            type="date"
            value={draft.endDate}
            onChange={(event) => change({ endDate: event.target.value })}
            {...describedBy('recurring-end', error('endDate'))}
          />
        </Field>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          data-testid="recurring-paused"
          checked={draft.paused}
          onChange={(event) => change({ paused: event.target.checked })}
        />
        {text('field.paused')}
      </label>
      {issues.form && (
        <p className="form__error" role="alert" data-testid="recurring-form-error">
          {error('form')}
        </p>
      )}
      {deleted && (
        <>
          <p className="form__error" role="alert" data-testid="recurring-gone">
            {text('gone')}
          </p>
          <button type="button" className="button" data-testid="recurring-restore-save" onClick={() => save(true)}>
            {text('restoreSave')}
          </button>
        </>
      )}
      <FormFooter
        remove={rule && { label: words('delete'), testId: 'delete-recurring', onRemove: remove }}
        onCancel={onDone}
        cancelTestId="cancel-recurring"
        saveLabel={text('save')}
        saveTestId="save-recurring"
      />
    </form>
  );
}
