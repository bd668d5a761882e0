import { useEffect, useState } from 'react';
import { type Text, useText } from '../../i18n/index.js';
import { useSyncState } from '../../tally/index.js';
import { syncMessages } from './messages.js';

type SyncText = Text<keyof (typeof syncMessages)['en']>;

function ago(time: number, now: number, text: SyncText): string {
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 45) return text('justNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return text('minutesAgo', { minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return text('hoursAgo', { hours });
  return new Date(time).toLocaleDateString(text.locale);
}

/** Where this device's ledger stands against the relay, and when it last synced. */
export function SyncStatus() {
  const text = useText(syncMessages);
  const { state, lastSyncedAt, account, pending } = useSyncState();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <a
      href="#/settings"
      className={`sync-status sync-status--${state}`}
      data-testid="sync-status"
      data-state={state}
      data-pending={pending}
      title={text('settingsLink')}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      <span>{account?.revoked ? text('notSyncing') : text(`state.${state}`)}</span>
      {state === 'offline' && pending && (
        <span className="sync-status__time" data-testid="sync-pending">
          {text('pending')}
        </span>
      )}
      {state !== 'local' && lastSyncedAt !== undefined && (
        <span className="sync-status__time" data-testid="last-synced">
          {text('syncedAgo', { ago: ago(lastSyncedAt, Math.max(now, lastSyncedAt), text) })}
        </span>
      )}
    </a>
  );
}
