import type { Text } from '../../i18n/index.js';
import type { LedgerChoice, Tally } from '../../tally/index.js';
import type { ledgerMessages } from './messages.js';

/**
 * Opens another ledger on this device: remembered for the device, the open one stored first
 * (pending edits included, which sync when it is next open), then Tally starts anew in it.
 */
export async function openLedger(tally: Tally, key: string, address = window.location.hash): Promise<void> {
  await tally.switchLedger(key);
  window.location.hash = address;
  window.location.reload();
}

/** A ledger's name as the person reads it: the personal one is named in their language. */
export function ledgerName(
  ledger: Pick<LedgerChoice, 'name' | 'personal'>,
  text: Text<keyof (typeof ledgerMessages)['en']>,
): string {
  if (ledger.personal) return text('personal');
  return ledger.name === null || ledger.name === '' ? text('unnamed') : ledger.name;
}
