import { useSyncExternalStore } from 'react';
import type { LedgerCatalogueSnapshot } from './ledger-catalogue.js';
import { useTally } from './tally-context.js';

/** The ledgers this device holds and the relay lists, the open one marked `current`. */
export function useLedgers(): LedgerCatalogueSnapshot {
  const { ledgers } = useTally();
  return useSyncExternalStore(ledgers.subscribe, ledgers.getSnapshot);
}
