import { type ExchangeRateRecord, type LedgerRecord, rateId } from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { saveForm, useRefusalText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { describedBy, Field, FormFooter, today } from '../../ui/index.js';
import { CurrencySelect } from './CurrencySelect.js';
import { describedWith } from './described-with.js';
import { currencyMessages } from './messages.js';
import { type RateDraft, type RateIssues, readRateEntry } from './rate-entry.js';
import { formatRateNumber } from './rate-number.js';

interface RateFormProps {
  /** The rate being edited; a new one otherwise. */
  readonly rate?: LedgerRecord<ExchangeRateRecord> | undefined;
  /** The pair a new rate starts with. */
  readonly pair?: { readonly from: string; readonly to: string } | undefined;
  readonly onDone: () => void;
}

const EXAMPLE_RATE = '1.0842';

/** Enters or edits the rate of a day between two currencies, as exact decimal text. */
export function RateForm({ rate, pair, onDone }: RateFormProps) {
  const { ledger } = useTally();
  const text = useText(currencyMessages);
  const example = formatRateNumber(EXAMPLE_RATE, text.locale);
  const [draft, setDraft] = useState<RateDraft>({
    from: rate?.from ?? pair?.from ?? '',
    to: rate?.to ?? pair?.to ?? '',
    date: rate?.date ?? today(),
    rate: rate ? formatRateNumber(rate.rate, text.locale, { useGrouping: false }) : '',
  });
  const [issues, setIssues] = useState<RateIssues>({});
  const refusal = useRefusalText();
  const change = (field: keyof RateDraft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saving = saveForm(ledger, {
      check: () => {
        const entry = readRateEntry(draft, text.locale);
        return entry.ok ? { fields: entry.rate } : { issues: entry.issues };
      },
      write: (entered) => {
        ledger.setExchangeRate(entered);
        // A new day or pair is another record (REC9): the edited one gives way to it.
        if (rate && rateId(entered.from, entered.to, entered.date) !== rate.id) ledger.rates.delete(rate.id);
      },
      refused: (refused): RateIssues => ({ form: refused }),
    });
    setIssues('issues' in saving ? saving.issues : {});
    if ('saved' in saving) onDone();
  };

  const fromError = issues.from && text(`error.from.${issues.from}`);
  const toError = issues.to && text(`error.to.${issues.to}`);
  const dateError = issues.date && text(`error.date.${issues.date}`);
  const rateError = issues.rate && text(`error.rate.${issues.rate}`, { example });
  const rateHint =
    draft.from !== '' && draft.to !== ''
      ? text('form.rateHint', { from: draft.from, to: draft.to, example })
      : text('form.rateHintAnyPair', { example });

  return (
    <form className="form card rate-form" onSubmit={submit} noValidate data-testid="rate-form">
      <div className="rate-form__pair">
        <Field id="rate-from" label={text('form.from')} error={fromError}>
          <CurrencySelect
            id="rate-from"
            data-testid="rate-from"
            value={draft.from}
            placeholder={text('chooseCurrency')}
            onChange={change('from')}
            {...describedBy('rate-from', fromError)}
          />
        </Field>
        <Field id="rate-to" label={text('form.to')} error={toError}>
          <CurrencySelect
            id="rate-to"
            data-testid="rate-to"
            value={draft.to}
            placeholder={text('chooseCurrency')}
            onChange={change('to')}
            {...describedBy('rate-to', toError)}
          />
        </Field>
      </div>
      <Field id="rate-date" label={text('form.date')} error={dateError}>
        <input
          id="rate-date"
          data-testid="rate-date"
          type="date"
          value={draft.date}
          onChange={change('date')}
          {...describedBy('rate-date', dateError)}
        />
      </Field>
      <Field id="rate-value" label={text('form.rate')} error={rateError}>
        <input
          id="rate-value"
          data-testid="rate-value"
          inputMode="decimal"
          autoComplete="off"
          value={draft.rate}
          onChange={change('rate')}
          {...describedWith('rate-value', rateError, 'rate-value-hint')}
        />
      </Field>
      <p className="hint" id="rate-value-hint">
        {rateHint}
      </p>
      {issues.form && (
        <p className="form__error" role="alert">
          {refusal(issues.form)}
        </p>
      )}
      <FormFooter onCancel={onDone} cancelTestId="cancel-rate" saveLabel={text('form.save')} saveTestId="save-rate" />
    </form>
  );
}
