import type { CurrencyCode } from '@tally/schema';
import { useCallback, useSyncExternalStore } from 'react';
import { useTally } from './tally-context.js';

/**
 * The ledger's home currency, or null until someone chooses it. It is a setting every device
 * shares (REC9), so this renders again when a change arrives from another device.
 */
export function useHomeCurrency(): CurrencyCode | null {
  const { ledger } = useTally();
  const subscribe = useCallback(
    (listener: () => void) => {
      ledger.doc.on('update', listener);
      return () => ledger.doc.off('update', listener);
    },
    [ledger],
  );
  const read = useCallback(() => ledger.homeCurrency, [ledger]);
  return useSyncExternalStore(subscribe, read);
}
