import type { BookingAction, BookingStatus } from '../../sync/index.js';

/** Which side of a booking the account is on. */
export type BookingSide = 'client' | 'advisor';

/** What each side may do from each status (issue 15's machine); the relay enforces it, the screen offers only these. */
export function actionsFor(status: BookingStatus, side: BookingSide): readonly BookingAction[] {
  switch (status) {
    case 'requested':
      return side === 'advisor' ? ['accept', 'decline'] : ['cancel'];
    case 'confirmed':
      return side === 'advisor' ? ['complete', 'no-show', 'cancel'] : ['cancel'];
    case 'accepted':
    case 'awaiting_payment':
      return side === 'client' ? ['cancel'] : [];
    case 'declined':
    case 'expired':
    case 'cancelled':
    case 'completed':
    case 'no_show':
      return [];
  }
}
