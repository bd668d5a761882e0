import { useText } from '../../i18n/index.js';
import { useSyncState } from '../../tally/index.js';
import { syncMessages } from './messages.js';

/** Says why a linked device is not syncing: the relay revoked it, or refused what it sent. Its data is still here either way. */
export function SyncNotice() {
  const text = useText(syncMessages);
  const { account, problem } = useSyncState();
  if (problem) {
    return (
      <div className="notice" role="alert" data-testid="sync-problem">
        {text(`problem.${problem}`)}
      </div>
    );
  }
  if (!account?.revoked) return null;
  return (
    <div className="notice" role="alert" data-testid="revoked-notice">
      {text('revoked')} <a href="#/settings">{text('revokedAction')}</a>
    </div>
  );
}
