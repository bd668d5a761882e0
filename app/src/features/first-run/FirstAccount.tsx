import { LedgerError } from '@tally/schema';
import { type KeyboardEvent, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useHomeCurrency, useTally } from '../../tally/index.js';
import { describedBy, Field, formMessages, wordMessages } from '../../ui/index.js';
import { CurrencySelect } from '../currencies/index.js';
import { firstAccountMessages } from './messages.js';
import './first-run.css';

interface FirstAccountProps {
  /** Called with the new account's id once it is created. */
  readonly onCreated: (accountId: string) => void;
}

/**
 * Creates an account from inside another form (the transaction form, when the ledger has none), so
 * the person carries on instead of meeting an empty list. It is no form of its own: forms do not nest.
 */
export function FirstAccount({ onCreated }: FirstAccountProps) {
  const { ledger } = useTally();
  const home = useHomeCurrency();
  const text = useText(firstAccountMessages);
  const shared = useText(wordMessages);
  const words = useText(formMessages);
  const [name, setName] = useState(() => shared('cash'));
  const [currency, setCurrency] = useState<string>(home);
  const [problem, setProblem] = useState<'nameRequired' | 'notSaved' | undefined>();

  const create = () => {
    if (name.trim() === '') {
      setProblem('nameRequired');
      return;
    }
    try {
      onCreated(ledger.accounts.create({ name, type: 'cash', currency }).id);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      setProblem('notSaved');
    }
  };
  const createOnEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    create();
  };
  const nameError = problem === 'nameRequired' ? shared('accountNameMissing') : undefined;

  return (
    <fieldset className="first-account" data-testid="first-account">
      <legend className="first-account__title">{text('title')}</legend>
      <p>{text('text')}</p>
      <Field id="first-account-name" label={text('name')} error={nameError}>
        <input
          id="first-account-name"
          data-testid="first-account-name"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={createOnEnter}
          {...describedBy('first-account-name', nameError)}
        />
      </Field>
      <Field id="first-account-currency" label={words('currency')}>
        <CurrencySelect
          id="first-account-currency"
          data-testid="first-account-currency"
          value={currency}
          onChange={(event) => setCurrency(event.target.value)}
        />
      </Field>
      {problem === 'notSaved' && (
        <p className="form__error" role="alert">
          {text(problem)}
        </p>
      )}
      <button type="button" className="button button--primary" data-testid="first-account-create" onClick={create}>
        {text('create')}
      </button>
    </fieldset>
  );
}
