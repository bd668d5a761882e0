import { useSyncExternalStore } from 'react';
import type { AppUpdates } from './app-updates.js';

export function UpdatePrompt({ updates }: { readonly updates: AppUpdates }) {
  const waiting = useSyncExternalStore(updates.subscribe, updates.isWaiting);
  if (!waiting) return null;
  return (
    <div className="toast" role="status" data-testid="update-available">
      A new version of Tally is ready.
      <button type="button" className="button button--primary" data-testid="update-reload" onClick={() => updates.reload()}>
        Reload
      </button>
    </div>
  );
}
