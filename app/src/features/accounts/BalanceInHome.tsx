import { formatMoney } from '@tally/schema';
import { useText } from '../../i18n/index.js';
import { formatDay } from '../../ui/index.js';
import { useRateText } from '../currencies/index.js';
import type { InHome } from './account-values.js';
import { balanceMessages } from './balance-messages.js';

/** A foreign account's balance in the home currency with the rate used, or why it has none. */
export function BalanceInHome({ inHome }: { readonly inHome: InHome | null }) {
  const text = useText(balanceMessages);
  const rateText = useRateText();
  if (inHome === null || inHome.kind === 'same') return null;
  if (inHome.kind === 'no-rate') {
    return (
      <span className="list__detail balance-in-home" data-testid="balance-in-home">
        {text('noRate', { from: inHome.from, home: inHome.to })}
      </span>
    );
  }
  return (
    <span className="list__detail balance-in-home" data-testid="balance-in-home">
      {text('inHome', {
        amount: formatMoney(inHome.money, text.locale),
        rate: rateText(inHome.rate),
        date: formatDay(inHome.rate.date, text.locale),
      })}
    </span>
  );
}
