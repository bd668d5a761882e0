import { useTally } from './tally-context.js';

/**
 * Whether this device may change the open ledger: not when it is shared with the account to view
 * only (SPEC VIEW1), nor when a newer Tally wrote it (FMT2). Every control that writes the ledger
 * asks this one hook, so a read-only ledger offers no editing on any screen.
 */
export function useCanEdit(): boolean {
  return useTally().ledger.writable;
}
