import type { VerifiedAccess } from '../auth/access-tokens.js';
import type { RelayContext } from '../relay-context.js';
import { requireOwner } from './ledger-access.js';

/**
 * Refuses an account that does not own the ledger (R3): only its owner lists and restores its
 * versions. A member is refused with 403 `forbidden`, anyone else with 404 `not_found` (L6).
 */
export async function assertLedgerOwner(context: RelayContext, claims: VerifiedAccess, docId: string): Promise<void> {
  await requireOwner(context, claims.userId, docId);
}
