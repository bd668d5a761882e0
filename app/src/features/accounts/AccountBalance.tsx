import { Money } from '../../ui/index.js';
import type { AccountValue } from './account-values.js';
import { BalanceInHome } from './BalanceInHome.js';
import './accounts.css';

/** An account's balance in its own currency and, for a foreign account, in the home currency with the rate used. */
export function AccountBalance({ value }: { readonly value: AccountValue }) {
  return (
    <span className="account-balance">
      <Money amount={value.balance.amount} currency={value.balance.currency} testId="account-balance" />
      <BalanceInHome inHome={value.inHome} />
    </span>
  );
}
