import { isCurrencyCode } from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { saveForm, useRefusalText } from '../../forms/index.js';
import { useLocale, useText } from '../../i18n/index.js';
import { useCanEdit, useHomeCurrency, useTally } from '../../tally/index.js';
import { Field, wordMessages } from '../../ui/index.js';
import { CurrencySelect } from './CurrencySelect.js';
import { currencyName } from './currency-names.js';
import { describedWith } from './described-with.js';
import { currencyMessages } from './messages.js';

/** Chooses the ledger's home currency, a setting every device shares. */
export function HomeCurrencyForm() {
  const home = useHomeCurrency();
  const { ledger } = useTally();
  const canEdit = useCanEdit();
  const text = useText(currencyMessages);
  const shared = useText(wordMessages);
  const locale = useLocale();
  const [chosen, setChosen] = useState<string>(home);
  const [error, setError] = useState<string | undefined>();
  const refusal = useRefusalText();
  // A choice arriving from another device shows at once; the form stays, and so does the keyboard's place in it.
  const [shown, setShown] = useState(home);
  if (home !== shown) {
    setShown(home);
    setChosen(home);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saving = saveForm(ledger, {
      check: () => (isCurrencyCode(chosen) ? { fields: chosen } : { issues: text('home.error') }),
      write: (code) => ledger.setHomeCurrency(code),
      refused: refusal,
    });
    setError('issues' in saving ? saving.issues : undefined);
  };

  return (
    <section className="card" aria-labelledby="home-currency-title">
      <h2 id="home-currency-title">{shared('homeCurrency')}</h2>
      <p className="hint" data-testid="home-currency-current" aria-live="polite">
        {text('home.current', { name: currencyName(home, locale), code: home })}
      </p>
      {canEdit && (
        <form className="form currency-form" onSubmit={submit} noValidate data-testid="home-currency-form">
          <Field id="home-currency" label={shared('homeCurrency')} error={error}>
            <CurrencySelect
              id="home-currency"
              data-testid="home-currency"
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
              {...describedWith('home-currency', error, 'home-currency-hint')}
            />
          </Field>
          <p className="hint" id="home-currency-hint">
            {text('home.hint')}
          </p>
          <div className="form__actions">
            <button type="submit" className="button button--primary" data-testid="save-home-currency">
              {text('home.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
