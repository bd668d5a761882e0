import { useEffect } from 'react';
import { RelayApiError } from '../../sync/index.js';
import { useSyncState, useTally } from '../../tally/index.js';
import { deviceTimeZone, withDeviceZone } from './time-zone.js';

/**
 * Once per start, while signed in: when the device's time zone is not the one the relay keeps
 * for the account (a trip, a move), stores the device's, so bill reminders come at 09:00 where
 * the person is. Draws nothing.
 */
export function TimeZoneKeeper() {
  const { sync } = useTally();
  const { account } = useSyncState();
  const signedIn = account !== undefined && !account.revoked;
  useEffect(() => {
    if (!signedIn) return;
    const keep = async () => {
      const changed = withDeviceZone(await sync.notificationPreferences(), deviceTimeZone());
      if (changed !== undefined) await sync.setNotificationPreferences(changed);
    };
    keep().catch((error: unknown) => {
      // Offline, or an older relay: the next start tries again.
      if (error instanceof RelayApiError) console.warn('the time zone was not sent to the relay', error);
      else console.error('the time zone was not sent to the relay', error);
    });
  }, [signedIn, sync]);
  return null;
}
