import { newId } from '../ids.js';
import type { DocRole } from '../storage/accounts/accounts.js';
import type { BookingRecord } from '../storage/advisors/advisors.js';
import type { Publication } from './live-events.js';

/**
 * `membership.changed` for the member whose access to a ledger changed: `role` is what they hold
 * now, null when they are no longer a member (E8).
 */
export function membershipChanged(userId: string, docId: string, role: DocRole | null): Publication {
  return {
    to: [userId],
    type: 'membership.changed',
    data: { docId, userId, role },
    dedupeKey: `membership:${newId()}`,
  };
}

/**
 * `membership.changed` for both parties of a booking whose shared ledger the advisor may now read
 * (`viewer`), or no longer (null). A share starts and ends once, so the booking and what happened
 * name the event: two relays noticing one change store it once (E3, E10).
 */
export function sessionShareChanged(booking: BookingRecord, role: 'viewer' | null): Publication {
  return {
    to: [booking.clientId, booking.advisorId],
    type: 'membership.changed',
    data: { docId: booking.shareDocId, userId: booking.advisorId, role },
    dedupeKey: `share:${booking.id}:${role === null ? 'ended' : 'started'}`,
  };
}
