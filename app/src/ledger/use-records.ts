import type { LedgerRecord } from '@tally/schema';
import { useCallback, useSyncExternalStore } from 'react';
import type { RecordCache } from './record-cache.js';

/** Every live record of a small collection; renders again when any of them changes. */
export function useRecords<T>(cache: RecordCache<T>): readonly LedgerRecord<T>[] {
  return useSyncExternalStore(cache.subscribe, cache.all);
}

/** One record; renders again only when that record changes. */
export function useRecord<T>(cache: RecordCache<T>, id: string | null | undefined): LedgerRecord<T> | undefined {
  const read = useCallback(() => cache.get(id), [cache, id]);
  return useSyncExternalStore(cache.subscribe, read);
}
