import { useSyncExternalStore } from 'react';
import { useText } from '../../i18n/index.js';
import type { AppUpdates } from './app-updates.js';
import { updateMessages } from './messages.js';

/**
 * Says once, on the first visit, that Tally is now stored on the device and opens offline: a note
 * at the top of the screen, in the page's flow, so it never covers what the person is about to tap.
 */
export function OfflineReady({ updates }: { readonly updates: AppUpdates }) {
  const text = useText(updateMessages);
  const ready = useSyncExternalStore(updates.subscribe, updates.isOfflineReady);
  if (!ready) return null;
  return (
    <div className="notice notice--info" role="status" data-testid="offline-ready">
      {text('offlineReady')}
      <button
        type="button"
        className="button"
        data-testid="offline-ready-dismiss"
        onClick={() => updates.dismissOfflineReady()}
      >
        {text('dismiss')}
      </button>
    </div>
  );
}
