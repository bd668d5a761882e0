import { useText } from '../../i18n/index.js';
import { useCanEdit, useTally } from '../../tally/index.js';
import { ledgerMessages } from './messages.js';

/**
 * Says why nothing can be changed in the open ledger: it is shared with this account to view only,
 * or a newer Tally wrote it. Every screen then leaves out what would change it (`useCanEdit`).
 */
export function ReadOnlyNotice() {
  const text = useText(ledgerMessages);
  const { ledgers } = useTally();
  if (useCanEdit()) return null;
  const viewer = ledgers.openedRole === 'viewer';
  return (
    <p className="notice" role="status" data-testid="read-only-notice" data-reason={viewer ? 'viewer' : 'newer-format'}>
      {text(viewer ? 'readOnly' : 'newerFormat')}
    </p>
  );
}
