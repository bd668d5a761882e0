import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import { useLedgers, useTally } from '../../tally/index.js';
import { ledgerMessages } from './messages.js';
import { ledgerName, openLedger } from './open-ledger.js';

/** The ledger open on this device, and the others to switch to: those it holds and those the relay lists. */
export function LedgerSwitcher() {
  const text = useText(ledgerMessages);
  const tally = useTally();
  const { ledgers } = useLedgers();
  const [switching, setSwitching] = useState(false);
  const current = ledgers.find((ledger) => ledger.current);

  if (ledgers.length < 2) return null;
  return (
    <label className="ledger-switcher">
      <span className="visually-hidden">{text('switcher')}</span>
      <select
        data-testid="ledger-switcher"
        value={current?.key ?? ''}
        disabled={switching}
        onChange={(event) => {
          setSwitching(true);
          void openLedger(tally, event.target.value);
        }}
      >
        {ledgers.map((ledger) => (
          <option key={ledger.key} value={ledger.key}>
            {ledgerName(ledger, text)}
          </option>
        ))}
      </select>
    </label>
  );
}
