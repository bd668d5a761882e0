import { ACCOUNT_TYPES, type Account, LedgerError, type LedgerRecord } from '@tally/schema';
import { type FormEvent, useMemo, useState } from 'react';
import { refusalOf, useRefusalText } from '../../forms/index.js';
import { useLocale, useText } from '../../i18n/index.js';
import { useHomeCurrency, useTally } from '../../tally/index.js';
import { describedBy, Field, formMessages, wordMessages } from '../../ui/index.js';
import { currencyChoices } from '../currencies/index.js';
import { type AccountDraft, type AccountIssues, currencyCodeText } from './account-draft.js';
import { accountDraftOf, saveAccountDraft } from './account-edit.js';
import { accountFormMessages } from './account-form-messages.js';
import { accountMessages } from './messages.js';
import { useAccountTypeName } from './use-account-type-name.js';

interface AccountFormProps {
  readonly account?: LedgerRecord<Account> | undefined;
  readonly onDone: () => void;
}

/** Create or edit an account; its currency is fixed once it has been created. */
export function AccountForm({ account, onDone }: AccountFormProps) {
  const { ledger } = useTally();
  const locale = useLocale();
  const text = useText(accountMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const typeName = useAccountTypeName();
  const home = useHomeCurrency();
  const choices = useMemo(() => currencyChoices(locale), [locale]);
  const formText = useText(accountFormMessages);
  // The form as it opened: saving writes only what the person changed since (another device may have changed the rest).
  const [opened] = useState<AccountDraft | undefined>(() => account && accountDraftOf(account, locale));
  const [draft, setDraft] = useState<AccountDraft>(
    () => opened ?? { name: '', type: 'checking', currency: home, openingBalance: '' },
  );
  const [issues, setIssues] = useState<AccountIssues>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [deleted, setDeleted] = useState(false);
  const refusal = useRefusalText();
  const change = (field: keyof AccountDraft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  const write = (change: () => void) => {
    try {
      change();
      onDone();
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      setFormError(refusal(refusalOf(error)));
    }
  };

  const save = (restore: boolean) => {
    const saving = saveAccountDraft(ledger, draft, account && { id: account.id, opened, restore }, locale);
    setDeleted('deleted' in saving);
    setIssues('issues' in saving ? saving.issues : {});
    setFormError('issues' in saving && saving.issues.form ? refusal(saving.issues.form) : undefined);
    if ('saved' in saving) onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  const code = currencyCodeText(draft.currency);
  const nameError =
    issues.name && (issues.name === 'missing' ? shared('accountNameMissing') : text(`error.name.${issues.name}`));
  const typeError = issues.type && text(`error.type.${issues.type}`);
  const currencyError =
    issues.currency &&
    (issues.currency === 'missing' ? text('error.currency.missing') : words(`currency.${issues.currency}`, { code }));
  const openingError = issues.openingBalance && refusal(issues.openingBalance);
  const currencyDescription = ['account-currency-hint', currencyError ? 'account-currency-error' : undefined]
    .filter((id) => id !== undefined)
    .join(' ');

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="account-form">
      <Field id="account-name" label={words('name')} error={nameError}>
        <input
          id="account-name"
          data-testid="account-name"
          value={draft.name}
          onChange={change('name')}
          {...describedBy('account-name', nameError)}
        />
      </Field>
      <Field id="account-type" label={text('form.type')} error={typeError}>
        <select
          id="account-type"
          data-testid="account-type"
          value={draft.type}
          onChange={change('type')}
          {...describedBy('account-type', typeError)}
        >
          {ACCOUNT_TYPES.map((value) => (
            <option key={value} value={value}>
              {typeName(value)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="account-currency" label={words('currency')} error={currencyError}>
        <input
          id="account-currency"
          data-testid="account-currency"
          list="account-currency-choices"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={draft.currency}
          disabled={account !== undefined}
          onChange={(event) => setDraft({ ...draft, currency: event.target.value.toUpperCase() })}
          aria-describedby={currencyDescription}
          {...(currencyError && { 'aria-invalid': true })}
        />
        <datalist id="account-currency-choices">
          {choices.map((choice) => (
            <option
              key={choice.code}
              value={choice.code}
              label={words('currencyOption', { code: choice.code, name: choice.name })}
            />
          ))}
        </datalist>
      </Field>
      <p className="hint" id="account-currency-hint">
        {text('form.currencyHint')}
      </p>
      <Field id="account-opening-balance" label={text('form.opening')} error={openingError}>
        <input
          id="account-opening-balance"
          data-testid="account-opening-balance"
          inputMode="decimal"
          value={draft.openingBalance}
          onChange={change('openingBalance')}
          {...describedBy('account-opening-balance', openingError)}
        />
      </Field>
      {formError && (
        <p className="form__error" role="alert">
          {formError}
        </p>
      )}
      {deleted && (
        <>
          <p className="form__error" role="alert" data-testid="account-deleted">
            {formText('deleted')}
          </p>
          <button type="button" className="button" data-testid="account-restore-save" onClick={() => save(true)}>
            {formText('restoreSave')}
          </button>
        </>
      )}
      <div className="form__actions">
        {account && (
          <button
            type="button"
            className="button"
            data-testid="archive-account"
            onClick={() => write(() => ledger.accounts.update(account.id, { archived: !account.archived }))}
          >
            {words(account.archived ? 'unarchive' : 'archive')}
          </button>
        )}
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onDone}>
          {words('cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="save-account">
          {text('form.save')}
        </button>
      </div>
    </form>
  );
}
