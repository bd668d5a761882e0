import { type FormEvent, useState } from 'react';
import { useIssueText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter, formMessages, wordMessages } from '../../ui/index.js';
import { recurringMessages } from './messages.js';
import {
  type OccurrenceDraft,
  type OccurrenceIssues,
  occurrenceDraftOf,
  saveOccurrenceDraft,
} from './occurrence-draft.js';
import type { IssueCode } from './recurring-draft.js';
import { formatDueDate } from './schedule-words.js';
import type { UpcomingOccurrence } from './upcoming.js';

interface OccurrenceFormProps {
  readonly occurrence: UpcomingOccurrence;
  readonly onDone: () => void;
}

/** "Edit this one": amount, day and payee of one occurrence; the recurring item stays as it is. */
export function OccurrenceForm({ occurrence, onDone }: OccurrenceFormProps) {
  const text = useText(recurringMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const { ledger } = useTally();
  const [draft, setDraft] = useState<OccurrenceDraft>(() => occurrenceDraftOf(occurrence, text.locale));
  const [issues, setIssues] = useState<OccurrenceIssues>({});
  const change = (patch: Partial<OccurrenceDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const say = useIssueText((code: IssueCode) =>
    code === 'accountMissing' ? shared('accountMissing') : text(`error.${code}`),
  );
  const error = (field: keyof OccurrenceIssues) => say(issues[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saving = saveOccurrenceDraft(ledger, occurrence, draft, text.locale);
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) onDone();
  };

  return (
    <form
      className="form card recurring__form"
      onSubmit={submit}
      noValidate
      data-testid="occurrence-form"
      aria-labelledby="occurrence-form-title"
      aria-describedby="occurrence-form-hint"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <h3 id="occurrence-form-title">
        {text('occurrenceTitle', {
          payee: occurrence.payee || words('noPayee'),
          date: formatDueDate(occurrence.dueDate, text.locale),
        })}
      </h3>
      <p className="hint" id="occurrence-form-hint">
        {text('occurrenceHint')}
      </p>
      <Field id="occurrence-amount" label={words('amount')} error={error('amount')}>
        <input
          id="occurrence-amount"
          data-testid="occurrence-amount"
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          value={draft.amount}
          onChange={(event) => change({ amount: event.target.value })}
          {...describedBy('occurrence-amount', error('amount'))}
        />
      </Field>
      <Field id="occurrence-date" label={words('date')} error={error('date')}>
        <input
          id="occurrence-date"
          data-testid="occurrence-date"
          type="date"
          value={draft.date}
          onChange={(event) => change({ date: event.target.value })}
          {...describedBy('occurrence-date', error('date'))}
        />
      </Field>
      <Field id="occurrence-payee" label={words('payee')} error={error('payee')}>
        <input
          id="occurrence-payee"
          data-testid="occurrence-payee"
          autoComplete="off"
          value={draft.payee}
          onChange={(event) => change({ payee: event.target.value })}
          {...describedBy('occurrence-payee', error('payee'))}
        />
      </Field>
      {issues.form && (
        <p className="form__error" role="alert">
          {error('form')}
        </p>
      )}
      <FormFooter
        onCancel={onDone}
        cancelTestId="cancel-occurrence"
        saveLabel={text('saveOne')}
        saveTestId="save-occurrence"
      />
    </form>
  );
}
