import { useSyncExternalStore } from 'react';
import type { DueOccurrencesSnapshot } from './due-occurrences.js';
import { useTally } from './tally-context.js';

/** The day this device last booked occurrences through, and the items it could not book. */
export function useDueOccurrences(): DueOccurrencesSnapshot {
  const { dueOccurrences } = useTally();
  return useSyncExternalStore(dueOccurrences.subscribe, dueOccurrences.getSnapshot);
}
