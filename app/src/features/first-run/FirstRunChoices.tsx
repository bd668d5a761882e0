import { CURRENCY_CODES } from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { saveForm } from '../../forms/index.js';
import { useLocale, useText } from '../../i18n/index.js';
import { guessHomeCurrency } from '../../ledger/index.js';
import { useTally } from '../../tally/index.js';
import { Field, wordMessages } from '../../ui/index.js';
import { CurrencySelect } from '../currencies/index.js';
import { firstRunMessages, starterMessages } from './messages.js';
import { starterRecords } from './starter-records.js';
import './first-run.css';

/** Why starting here did not start the ledger: the ledger cannot be changed, or it refused. */
type Problem = 'notStarted' | 'readOnly';

/** The first-run step's choices: start here (a home currency, a first account, starter categories), log in to a relay, or skip. */
export function FirstRunChoices() {
  const tally = useTally();
  const locale = useLocale();
  const text = useText(firstRunMessages);
  const starterText = useText(starterMessages);
  const shared = useText(wordMessages);
  const [currency, setCurrency] = useState<string>(() => guessHomeCurrency(locale, CURRENCY_CODES));
  const [problem, setProblem] = useState<Problem | undefined>();

  const start = (event: FormEvent) => {
    event.preventDefault();
    const saving = saveForm(tally.ledger, {
      check: () => ({ fields: starterRecords(currency, shared('cash'), starterText) }),
      write: (starter) => {
        tally.ledger.startLedger(starter);
      },
      refused: (refusal): Problem => (refusal.code === 'ledger.read-only' ? 'readOnly' : 'notStarted'),
    });
    if ('issues' in saving) {
      setProblem(saving.issues);
      return;
    }
    // The step goes away with the focused button: the keyboard lands on "+", the next thing to do.
    document.querySelector<HTMLElement>('.fab')?.focus();
  };

  return (
    <>
      <h1 id="first-run-title">{text('title')}</h1>
      <p>{text('intro')}</p>
      <form className="card first-run__choice" onSubmit={start} aria-labelledby="first-run-start-title">
        <h2 id="first-run-start-title">{text('start')}</h2>
        <p>{text('startText', { account: shared('cash') })}</p>
        <Field id="first-run-currency" label={shared('homeCurrency')}>
          <CurrencySelect
            id="first-run-currency"
            data-testid="first-run-currency"
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
          />
        </Field>
        {problem && (
          <p className="form__error" role="alert">
            {text(problem)}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="first-run-start">
          {text('start')}
        </button>
      </form>
      <div className="card first-run__choice">
        <h2>{text('loginTitle')}</h2>
        <p>{text('loginText')}</p>
        <a className="button" href="#/settings" data-testid="first-run-login">
          {text('login')}
        </a>
      </div>
      <button
        type="button"
        className="button first-run__skip"
        data-testid="first-run-skip"
        onClick={() => tally.firstRun.skip()}
      >
        {text('skip')}
      </button>
    </>
  );
}
