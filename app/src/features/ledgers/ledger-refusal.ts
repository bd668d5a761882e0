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

/**
 * `sendForm`'s `refused` for the ledgers' forms: a refusal of the relay worded for the person;
 * `undefined` for anything else, which is a bug and is thrown.
 */
export function relayRefusal(error: unknown, text: Text<keyof (typeof ledgerMessages)['en']>): string | undefined {
  return error instanceof RelayApiError ? ledgerRefusal(error, text) : undefined;
}

/** What a ledgers' form says when the relay refused it, and whether verifying the account's email would help. */
export type LedgerFormIssues = { readonly problem: string; readonly unverified: boolean };

/** `sendForm`'s `refused` for a form the relay may refuse for an unverified email (invite, accept). */
export function ledgerFormRefusal(
  error: unknown,
  text: Text<keyof (typeof ledgerMessages)['en']>,
): LedgerFormIssues | undefined {
  const problem = relayRefusal(error, text);
  return problem === undefined ? undefined : { problem, unverified: isUnverified(error) };
}
