import { useEffect, useState } from 'react';
import { useSyncState } from '../../app/use-sync-state.js';
import type { SyncStateName } from '../../sync/index.js';

const LABELS: Record<SyncStateName, string> = {
  local: 'On this device only',
  offline: 'Offline',
  syncing: 'Syncing…',
  synced: 'Up to date',
};

function ago(time: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(time).toLocaleDateString();
}

/** Where this device's ledger stands against the relay, and when it last synced. */
export function SyncStatus() {
  const { state, lastSyncedAt, account } = useSyncState();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const label = account?.revoked ? 'Not syncing' : LABELS[state];
  return (
    <a href="#/settings" className={`sync-status sync-status--${state}`} data-testid="sync-status" data-state={state} title="Sync settings">
      <span className="sync-status__dot" aria-hidden="true" />
      <span>{label}</span>
      {state !== 'local' && lastSyncedAt !== undefined && (
        <span className="sync-status__time" data-testid="last-synced">
          · synced {ago(lastSyncedAt, Math.max(now, lastSyncedAt))}
        </span>
      )}
    </a>
  );
}
