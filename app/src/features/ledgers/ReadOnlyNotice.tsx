import { useText } from '../../i18n/index.js';
import { useTally } from '../../tally/index.js';
import { ledgerMessages } from './messages.js';

/** Says why nothing can be changed in a ledger shared with this account to view only. */
export function ReadOnlyNotice() {
  const text = useText(ledgerMessages);
  const { ledgers } = useTally();
  if (ledgers.openedRole !== 'viewer') return null;
  return (
    <p className="notice" role="status" data-testid="read-only-notice">
      {text('readOnly')}
    </p>
  );
}
