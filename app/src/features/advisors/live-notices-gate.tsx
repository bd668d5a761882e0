import { Suspense } from 'react';
import { useSyncState } from '../../tally/index.js';
import { lazyComponent } from '../../ui/index.js';

const SignedInNotices = lazyComponent(() => import('./LiveNotices.js'), 'LiveNotices');

/**
 * The live events' notices and the chat outbox, for a device signed in to a relay; loaded only
 * then, so a device with no account never downloads them.
 */
export function LiveNotices() {
  const { account } = useSyncState();
  if (account === undefined || account.revoked) return null;
  return (
    <Suspense fallback={null}>
      <SignedInNotices />
    </Suspense>
  );
}
