import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import {
  type AdvisorFilter,
  type AdvisorProfile,
  advisorApi,
  advisorSpecialties,
  RelayApiError,
} from '../../sync/index.js';
import { useSyncState, useTally } from '../../tally/index.js';
import { routeMessages, wordMessages } from '../../ui/index.js';
import { AdvisorPage } from './AdvisorPage.js';
import { useIdInAddress } from './address.js';
import { languageName } from './language-name.js';
import { advisorMessages } from './messages.js';
import { paymentMessages } from './payment-messages.js';
import { usePaymentTerms } from './payment-terms.js';
import { priceText } from './price.js';
import { SignInFirst } from './SignInFirst.js';
import './advisors.css';

const LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'pt'] as const;

/** The directory of advisors, filtered by specialty, language and price; `?id=` opens one's profile page. */
export function DirectoryScreen() {
  const routes = useText(routeMessages);
  const { account } = useSyncState();
  const id = useIdInAddress();
  return (
    <section className="screen" aria-labelledby="advisors-title">
      <h1 id="advisors-title">{routes('advisors')}</h1>
      {account === undefined || account.revoked ? (
        <SignInFirst />
      ) : id === undefined ? (
        <Directory />
      ) : (
        <AdvisorPage advisorId={id} />
      )}
    </section>
  );
}

function Directory() {
  const text = useText(advisorMessages);
  const words = useText(wordMessages);
  const tally = useTally();
  const [filter, setFilter] = useState<AdvisorFilter>({});
  const [advisors, setAdvisors] = useState<readonly AdvisorProfile[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const paymentText = useText(paymentMessages);
  const terms = usePaymentTerms();

  const load = useCallback(async () => {
    try {
      setAdvisors(await tally.sync.relayCall((api, token) => advisorApi.directory(api, token, filter)));
      setProblem(undefined);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      setProblem(error.unreachable ? text('unreachable') : words('relayRefused', { reason: error.message }));
    }
  }, [tally, filter, text, words]);

  useEffect(() => {
    void load();
  }, [load]);

  const choose = (name: keyof AdvisorFilter, value: string) =>
    setFilter((current) => ({ ...current, [name]: value === '' ? undefined : value }));

  return (
    <>
      <fieldset className="card advisors__filters">
        <legend className="visually-hidden">{text('filters')}</legend>
        <div className="field">
          <label htmlFor="advisor-specialty">{text('specialty')}</label>
          <select
            id="advisor-specialty"
            data-testid="advisor-filter-specialty"
            value={filter.specialty ?? ''}
            onChange={(event) => choose('specialty', event.target.value)}
          >
            <option value="">{text('any')}</option>
            {advisorSpecialties.map((specialty) => (
              <option key={specialty} value={specialty}>
                {text(`specialty.${specialty}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="advisor-language">{text('language')}</label>
          <select
            id="advisor-language"
            data-testid="advisor-filter-language"
            value={filter.language ?? ''}
            onChange={(event) => choose('language', event.target.value)}
          >
            <option value="">{text('any')}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {languageName(language, text.locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="advisor-price">{text('price')}</label>
          <select
            id="advisor-price"
            data-testid="advisor-filter-price"
            value={filter.price ?? ''}
            onChange={(event) => choose('price', event.target.value)}
          >
            <option value="">{text('any')}</option>
            <option value="free">{text('free')}</option>
            <option value="EUR:5000">
              {text('priceUpTo', { amount: priceText({ amountMinor: 5000, currency: 'EUR' }, text.locale) ?? '' })}
            </option>
            <option value="EUR:10000">
              {text('priceUpTo', { amount: priceText({ amountMinor: 10000, currency: 'EUR' }, text.locale) ?? '' })}
            </option>
          </select>
        </div>
      </fieldset>
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      {advisors !== undefined && advisors.length === 0 && <p className="empty">{text('noAdvisors')}</p>}
      {terms?.provider === 'none' && (advisors ?? []).some((advisor) => advisor.price !== null) && (
        <p className="hint" data-testid="payments-off">
          {paymentText('paymentsOff')}
        </p>
      )}
      <ul className="list" data-testid="advisor-list">
        {(advisors ?? []).map((advisor) => (
          <li key={advisor.advisorId}>
            <a
              className="list__row advisors__row"
              href={`#/advisors?id=${encodeURIComponent(advisor.advisorId)}`}
              data-testid="advisor-row"
              data-id={advisor.advisorId}
            >
              <span className="list__title">{advisor.displayName}</span>
              <span className="list__detail">{advisor.headline}</span>
              <span className="list__detail">
                {priceText(advisor.price, text.locale) ?? text('free')} ·{' '}
                {text('minutes', { minutes: String(advisor.sessionMinutes) })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
