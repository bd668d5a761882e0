import { useCallback, useSyncExternalStore } from 'react';
import { useTally } from '../../tally/index.js';
import { ledgerHoldsRecords } from './restore-backup.js';

/** Whether this device's ledger has any record; changes as records are written here or arrive from another device. */
export function useLedgerHoldsRecords(): boolean {
  const { ledger } = useTally();
  const subscribe = useCallback((listener: () => void) => ledger.onChange(listener), [ledger]);
  return useSyncExternalStore(subscribe, () => ledgerHoldsRecords(ledger));
}
