import { useSyncState } from '../../app/use-sync-state.js';

/** Tells a device the relay revoked that it no longer syncs, and that its data is still here. */
export function RevokedNotice() {
  const { account } = useSyncState();
  if (!account?.revoked) return null;
  return (
    <div className="notice" role="alert" data-testid="revoked-notice">
      This device was removed from your Tally account, so it no longer syncs. Everything on it is still here.{' '}
      <a href="#/settings">Log out or sign in again</a>
    </div>
  );
}
