import { useSyncExternalStore } from 'react';
import { useText } from '../../i18n/index.js';
import { failureMessages } from '../../ui/index.js';
import type { AppUpdates } from './app-updates.js';
import { updateMessages } from './messages.js';

export function UpdatePrompt({ updates }: { readonly updates: AppUpdates }) {
  const text = useText(updateMessages);
  const failure = useText(failureMessages);
  const waiting = useSyncExternalStore(updates.subscribe, updates.isWaiting);
  if (!waiting) return null;
  return (
    <div className="toast" role="status" data-testid="update-available">
      {text('ready')}
      <button
        type="button"
        className="button button--primary"
        data-testid="update-reload"
        onClick={() => updates.reload()}
      >
        {failure('reload')}
      </button>
    </div>
  );
}
