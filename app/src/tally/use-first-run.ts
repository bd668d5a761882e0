import { useSyncExternalStore } from 'react';
import { useTally } from './tally-context.js';

/** True while this device offers the first-run step (an empty ledger, no relay, not skipped). */
export function useFirstRunOffered(): boolean {
  const { firstRun } = useTally();
  return useSyncExternalStore(firstRun.subscribe, firstRun.getSnapshot);
}
