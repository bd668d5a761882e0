import { newId } from '../ids.js';
import type { DocRole } from '../storage/accounts/accounts.js';
import type { Publication } from './live-events.js';

/**
 * `membership.changed` for the member whose access to a ledger changed: `role` is what they hold
 * now, null when they are no longer a member (E8).
 */
export function membershipChanged(userId: string, docId: string, role: DocRole | null): Publication {
  return { to: [userId], type: 'membership.changed', data: { docId, role }, dedupeKey: `membership:${newId()}` };
}
