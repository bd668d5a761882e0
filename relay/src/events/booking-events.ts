import { bookingJson } from '../http/booking-routes.js';
import type { BookingEvent, BookingRecord } from '../storage/advisors/advisors.js';
import type { Publication } from './live-events.js';

/**
 * `booking.requested` (a booking made) or `booking.updated` (any transition after) for both its
 * parties: `{booking, from, to, by}`, the booking as `GET /api/bookings/:id` shows it. A booking
 * reaches each status once at most, so its id and the status name the event (E3, E9).
 */
export function bookingPublication(booking: BookingRecord, event: BookingEvent): Publication {
  return {
    to: [booking.clientId, booking.advisorId],
    type: event.from === null ? 'booking.requested' : 'booking.updated',
    data: { booking: bookingJson(booking), from: event.from, to: event.to, by: event.actor.kind },
    dedupeKey: `booking:${booking.id}:${event.to}`,
  };
}
