import { useSyncState } from '../../app/use-sync-state.js';

/** Says why a linked device is not syncing: the relay revoked it, or refused what it sent. Its data is still here either way. */
export function SyncNotice() {
  const { account, problem } = useSyncState();
  if (problem) {
    return (
      <div className="notice" role="alert" data-testid="sync-problem">
        {problem}
      </div>
    );
  }
  if (!account?.revoked) return null;
  return (
    <div className="notice" role="alert" data-testid="revoked-notice">
      This device was removed from your Tally account, so it no longer syncs. Everything on it is still here.{' '}
      <a href="#/settings">Log out or sign in again</a>
    </div>
  );
}
