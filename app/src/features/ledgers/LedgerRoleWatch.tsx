import { useEffect } from 'react';
import { useLedgers, useTally } from '../../tally/index.js';
import { openLedger } from './open-ledger.js';

/**
 * Reopens the ledger when the relay says the account's role in it moved between viewing and
 * editing, so the screen never offers what the relay would drop, nor withholds what it now takes.
 */
export function LedgerRoleWatch() {
  const tally = useTally();
  const { ledgers, relayRead } = useLedgers();
  const role = ledgers.find((ledger) => ledger.current)?.role;
  useEffect(() => {
    if (!relayRead || role == null) return;
    if ((role === 'viewer') !== (tally.ledgers.openedRole === 'viewer'))
      void openLedger(tally, tally.ledgers.currentKey);
  }, [role, relayRead, tally]);
  return null;
}
