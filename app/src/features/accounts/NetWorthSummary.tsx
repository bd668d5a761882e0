import { formatMoney } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { formMessages, wordMessages } from '../../ui/index.js';
import type { NetWorth } from './account-values.js';
import { balanceMessages } from './balance-messages.js';

/**
 * Net worth in the home currency, naming every account no rate converts, so a total that
 * leaves one out says so.
 */
export function NetWorthSummary({ netWorth }: { readonly netWorth: NetWorth | undefined }) {
  const text = useText(balanceMessages);
  const words = useText(formMessages);
  const shared = useText(wordMessages);
  if (netWorth === undefined) {
    return (
      <p className="hint net-worth" data-testid="net-worth">
        {text('netWorth.noHome')} <a href="#/currencies">{words('chooseHome')}</a>
      </p>
    );
  }
  const names = new Intl.ListFormat(text.locale, { type: 'conjunction' }).format(
    netWorth.unconverted.map((account) => account.name),
  );
  return (
    <div className="net-worth" data-testid="net-worth">
      <p className="net-worth__total">
        <span>{shared('netWorth')}</span>
        <span className="money" data-testid="net-worth-total">
          {formatMoney(netWorth.total, text.locale)}
        </span>
      </p>
      {netWorth.unconverted.length > 0 && (
        <p className="notice net-worth__unconverted" data-testid="net-worth-unconverted">
          {text('netWorth.unconverted', { home: netWorth.total.currency, names })}{' '}
          <a href="#/currencies">{words('addRate')}</a>
        </p>
      )}
    </div>
  );
}
