import { RateTable } from '@tally/schema';
import { useMemo } from 'react';
import { useText } from '../../i18n/index.js';
import { useRecords } from '../../ledger/index.js';
import { useCanEdit, useHomeCurrency, useTally } from '../../tally/index.js';
import { formatDay, formMessages, today, wordMessages } from '../../ui/index.js';
import { currencyName } from './currency-names.js';
import { type CurrencyUse, currencyUsage } from './currency-usage.js';
import { currencyMessages } from './messages.js';
import { useRateText } from './use-rate-text.js';

interface CurrencyUsageProps {
  /** Opens the rate form for a currency that has no rate into the home currency. */
  readonly onAddRate: (from: string, to: string) => void;
}

/** Which currencies the accounts use, and whether each converts into the home currency today. */
export function CurrencyUsage({ onAddRate }: CurrencyUsageProps) {
  const tally = useTally();
  const text = useText(currencyMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  const accounts = useRecords(tally.accounts);
  const rates = useRecords(tally.rates);
  const home = useHomeCurrency();
  const day = today();
  const usage = useMemo(() => currencyUsage(accounts, new RateTable(rates), home, day), [accounts, rates, home, day]);

  return (
    <section className="card" aria-labelledby="currency-usage-title">
      <h2 id="currency-usage-title">{text('usage.title')}</h2>
      {usage.length === 0 ? (
        <p className="empty">{text('usage.empty')}</p>
      ) : (
        <ul className="list">
          {usage.map((use) => (
            <li
              key={use.currency}
              className="list__row list__row--static currency-use"
              data-testid="currency-use"
              data-currency={use.currency}
            >
              <span>
                <span className="list__title">
                  {words('currencyOption', { code: use.currency, name: currencyName(use.currency, text.locale) })}
                </span>
                <span className="list__detail">{shared.count('accounts', use.accounts)}</span>
              </span>
              <RateStatusText use={use} home={home} onAddRate={onAddRate} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RateStatusText({
  use,
  home,
  onAddRate,
}: { readonly use: CurrencyUse; readonly home: string | null } & CurrencyUsageProps) {
  const text = useText(currencyMessages);
  const shared = useText(wordMessages);
  const rateText = useRateText();
  const canEdit = useCanEdit();
  const { status } = use;
  switch (status.kind) {
    case 'home':
      return (
        <span className="tag" data-testid="currency-status">
          {shared('homeCurrency')}
        </span>
      );
    case 'no-home':
      return (
        <span className="tag" data-testid="currency-status">
          {text('usage.noHome')}
        </span>
      );
    case 'rate':
      return (
        <span className="tag" data-testid="currency-status">
          {text('usage.rate', { rate: rateText(status.rate), date: formatDay(status.rate.date, text.locale) })}
        </span>
      );
    case 'no-rate':
      return (
        <span className="currency-use__missing">
          <span className="tag tag--warning" data-testid="currency-status">
            {text('usage.noRate', { home: home ?? '' })}
          </span>
          {canEdit && (
            <button
              type="button"
              className="button"
              data-testid="add-missing-rate"
              onClick={() => onAddRate(use.currency, home ?? '')}
            >
              {text('usage.addRate', { from: use.currency })}
            </button>
          )}
        </span>
      );
  }
}
