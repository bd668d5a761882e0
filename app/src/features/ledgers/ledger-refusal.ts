import type { Text } from '../../i18n/index.js';
import { RelayApiError } from '../../sync/index.js';
import type { ledgerMessages } from './messages.js';

const EXPLAINED = ['invitation_invalid', 'conflict', 'forbidden', 'not_found', 'email_unverified'] as const;

/** Whether the relay refused because the account's email address is not verified (relay SPEC M6). */
export function isUnverified(error: unknown): boolean {
  return error instanceof RelayApiError && error.code === 'email_unverified';
}

/** What a refusal of the relay means for the person; anything that is not the relay's is thrown on. */
export function ledgerRefusal(error: unknown, text: Text<keyof (typeof ledgerMessages)['en']>): string {
  if (!(error instanceof RelayApiError)) throw error;
  if (error.unreachable) return text('unreachable');
  const code = EXPLAINED.find((known) => known === error.code);
  return code ? text(`refused.${code}`) : text('refused', { reason: error.message });
}
