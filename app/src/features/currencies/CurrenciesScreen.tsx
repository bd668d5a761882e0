import { LedgerError } from '@tally/schema';
import { useRef, useState } from 'react';
import { refusalOf, useRefusalText } from '../../forms/index.js';
import { useText } from '../../i18n/index.js';
import { useRecord, useRecords } from '../../ledger/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { routeMessages } from '../../ui/index.js';
import { CurrencyUsage } from './CurrencyUsage.js';
import { HomeCurrencyForm } from './HomeCurrencyForm.js';
import { currencyMessages } from './messages.js';
import { RateForm } from './RateForm.js';
import { RateList } from './RateList.js';
import './currencies.css';

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'new'; readonly pair?: { readonly from: string; readonly to: string } }
  | { readonly kind: 'edit'; readonly id: string };

/** The home currency, the currencies accounts use, and the exchange rates entered by day. */
export function CurrenciesScreen() {
  const tally = useTally();
  const canEdit = useCanEdit();
  const text = useText(currencyMessages);
  const routes = useText(routeMessages);
  const rates = useRecords(tally.rates);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [error, setError] = useState<string | undefined>();
  const refusal = useRefusalText();
  const edited = useRecord(tally.rates, editing.kind === 'edit' ? editing.id : undefined);
  const addButton = useRef<HTMLButtonElement>(null);
  const done = () => {
    setEditing({ kind: 'none' });
    addButton.current?.focus();
  };
  const remove = (id: string) => {
    try {
      tally.ledger.rates.delete(id);
      setError(undefined);
    } catch (failure) {
      if (!(failure instanceof LedgerError)) throw failure;
      setError(refusal(refusalOf(failure)));
    }
    addButton.current?.focus();
  };

  return (
    <section className="screen" aria-labelledby="currencies-title">
      <h1 id="currencies-title">{routes('currencies')}</h1>
      <HomeCurrencyForm />
      <CurrencyUsage onAddRate={(from, to) => setEditing({ kind: 'new', pair: { from, to } })} />
      <section className="card rates" aria-labelledby="rates-title">
        <div className="screen__head">
          <h2 id="rates-title">{text('rates.title')}</h2>
          {canEdit && (
            <button
              ref={addButton}
              type="button"
              className="button button--primary"
              data-testid="add-rate"
              onClick={() => setEditing({ kind: 'new' })}
            >
              {text('rates.add')}
            </button>
          )}
        </div>
        <p className="hint">{text('rates.hint')}</p>
        {editing.kind === 'new' && <RateForm key={JSON.stringify(editing.pair)} pair={editing.pair} onDone={done} />}
        {editing.kind === 'edit' && edited && <RateForm key={edited.id} rate={edited} onDone={done} />}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <RateList rates={rates} onEdit={(id) => setEditing({ kind: 'edit', id })} onDelete={remove} />
      </section>
    </section>
  );
}
