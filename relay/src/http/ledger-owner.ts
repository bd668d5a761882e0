import type { VerifiedAccess } from '../auth/access-tokens.js';
import type { RelayContext } from '../relay-context.js';
import { RelayError } from './error-catalogue.js';

/**
 * Refuses, with 403 `forbidden`, an account that does not own the ledger (R3): only its owner
 * lists and restores its versions. The one place that says who owns a ledger's history.
 */
export async function assertLedgerOwner(context: RelayContext, claims: VerifiedAccess, docId: string): Promise<void> {
  if ((await context.storage.accounts.docRole(claims.userId, docId)) !== 'owner') throw new RelayError('forbidden');
}
