import type { BookingStatus } from '@tally/schema';

/** Who may move a booking: its client, its advisor, or the relay itself (expiry, payment). */
export type BookingParty = 'client' | 'advisor' | 'relay';

/**
 * The booking status machine (D3): from each status, the statuses it may go to and who may move
 * it there. `accepted` is a step the relay takes on at once: to `awaiting_payment` for a priced
 * session, to `confirmed` for a free one.
 */
export const bookingTransitions: Readonly<
  Record<BookingStatus, Readonly<Partial<Record<BookingStatus, readonly BookingParty[]>>>>
> = {
  requested: { accepted: ['advisor'], declined: ['advisor'], cancelled: ['client'], expired: ['relay'] },
  accepted: { awaiting_payment: ['relay'], confirmed: ['relay'], cancelled: ['client', 'advisor'] },
  awaiting_payment: { confirmed: ['relay'], expired: ['relay'], cancelled: ['client', 'advisor'] },
  confirmed: { completed: ['advisor'], no_show: ['advisor'], cancelled: ['client', 'advisor'] },
  declined: {},
  expired: {},
  cancelled: {},
  completed: {},
  no_show: {},
};

/** The actions of `POST /api/bookings/:id/:action` and the status each moves to. */
export const bookingActions = {
  accept: 'accepted',
  decline: 'declined',
  cancel: 'cancelled',
  complete: 'completed',
  'no-show': 'no_show',
} as const satisfies Record<string, BookingStatus>;

export type BookingAction = keyof typeof bookingActions;

/** Statuses after which the client's shared ledger is no longer the advisor's to read at once (D9). */
export const shareEndingStatuses: readonly BookingStatus[] = ['declined', 'expired', 'cancelled'];
