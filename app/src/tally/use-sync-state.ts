import { useSyncExternalStore } from 'react';
import type { SyncState } from '../sync/index.js';
import { useTally } from './tally-context.js';

export function useSyncState(): SyncState {
  const { sync } = useTally();
  return useSyncExternalStore(sync.subscribe, sync.getSnapshot);
}
