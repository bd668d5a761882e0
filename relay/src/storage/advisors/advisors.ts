import type { AdvisorSpecialty, BookingStatus } from '@tally/schema';

/** A session's price: an integer count of minor units of an ISO 4217 currency (never a float). */
export interface Price {
  readonly amountMinor: number;
  readonly currency: string;
}

/** What an advisor publishes (D1). A null price is a free session. */
export interface AdvisorProfile {
  readonly userId: string;
  readonly displayName: string;
  readonly headline: string;
  readonly bio: string;
  readonly specialties: readonly AdvisorSpecialty[];
  /** BCP 47 language tags (`en`, `es-CO`). */
  readonly languages: readonly string[];
  /** The IANA zone the advisor's hours are in (`Europe/Berlin`). */
  readonly timeZone: string;
  readonly sessionMinutes: number;
  readonly price: Price | null;
  readonly acceptingClients: boolean;
  readonly updatedAt: number;
}

/** Local wall-clock hours, `HH:MM` to `HH:MM` (24 h), end after start. */
export interface LocalHours {
  readonly start: string;
  readonly end: string;
}

/** The hours of one day of the week, ISO numbered: 1 Monday … 7 Sunday. */
export interface WeeklyHours extends LocalHours {
  readonly weekday: number;
}

/** One calendar date whose hours replace the weekly ones (D2): none is a day off, others are extra or different hours. */
export interface DateException {
  readonly date: string;
  readonly hours: readonly LocalHours[];
}

/** When an advisor takes sessions, in their own zone (D2). */
export interface Availability {
  readonly weekly: readonly WeeklyHours[];
  readonly exceptions: readonly DateException[];
}

/** Whether a ledger shared for a booking is shared now (D9). */
export type ShareState =
  /** Asked for; starts when the advisor accepts. */
  | 'pending'
  /** The advisor was made a viewer of the ledger for this booking. */
  | 'granted'
  /** The advisor was a member already: nothing to grant, nothing to end. */
  | 'already_member'
  /** Over: never started, or the advisor's access was taken back. */
  | 'ended';

/** A booking (D3–D9). Times are milliseconds since the epoch (UTC). */
export interface BookingRecord {
  readonly id: string;
  readonly advisorId: string;
  readonly clientId: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly status: BookingStatus;
  /** The advisor's price when it was requested; null for a free session. */
  readonly price: Price | null;
  /** The ledger the client shares for the session, read-only; null when none. */
  readonly shareDocId: string | null;
  readonly shareState: ShareState | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** A request no one answers by then expires (D6): 48 h after it was made, or its start if sooner. */
  readonly respondBy: number;
  /** While `awaiting_payment`: when the slot stops being held for payment (D6). */
  readonly paymentDueAt: number | null;
}

export interface NewBooking {
  readonly id: string;
  readonly advisorId: string;
  readonly clientId: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly price: Price | null;
  readonly shareDocId: string | null;
  /** Chosen by the client per request: the same key again is the same booking (D5). */
  readonly idempotencyKey: string;
  readonly createdAt: number;
  readonly respondBy: number;
}

export type BookingOutcome =
  | { readonly kind: 'created'; readonly booking: BookingRecord }
  /** The client made a booking with this key before: that booking, unchanged. */
  | { readonly kind: 'existing'; readonly booking: BookingRecord }
  /** Another booking holds the advisor's slot at this start (D4). */
  | { readonly kind: 'slot_taken' };

/** Who made a transition: one of the booking's two people, or the relay itself (expiry, payment). */
export type BookingActor =
  | { readonly kind: 'client' | 'advisor'; readonly userId: string }
  | { readonly kind: 'relay' };

/** A compare-and-swap of a booking's status (D3). */
export interface BookingTransition {
  readonly bookingId: string;
  readonly from: BookingStatus;
  readonly to: BookingStatus;
  readonly actor: BookingActor;
  readonly at: number;
  readonly reason: string | null;
  /** Set with `awaiting_payment`: when the hold for payment ends. */
  readonly paymentDueAt?: number;
}

/** One entry of a booking's audit trail (D3): creation has no `from`. */
export interface BookingEvent {
  readonly bookingId: string;
  readonly from: BookingStatus | null;
  readonly to: BookingStatus;
  readonly actor: BookingActor;
  readonly at: number;
  readonly reason: string | null;
}

/**
 * Advisors' profiles and hours, and bookings with their audit trail and slot holds. A slot is
 * held by a row unique on (advisor, start) for as long as its booking holds it, so two relays
 * sharing a database cannot both book it (D4).
 */
export interface Advisors {
  /** Publishes or replaces the advisor's profile. */
  saveProfile(profile: AdvisorProfile): Promise<void>;
  findProfile(userId: string): Promise<AdvisorProfile | null>;
  /** Every published profile, by display name. */
  listProfiles(): Promise<readonly AdvisorProfile[]>;
  /** Replaces the advisor's hours. */
  saveAvailability(userId: string, availability: Availability, at: number): Promise<void>;
  /** The advisor's hours; none (empty) until they set some. */
  availabilityOf(userId: string): Promise<Availability>;

  /**
   * Stores the booking as `requested`, holding its slot and recording its creation, in one
   * transaction; or returns the client's booking made with the same key before (D5); or
   * `slot_taken` when another booking holding its slot overlaps it at all, not only at its start
   * (hours that overlap, or a session length changed since), however many requests race (D4).
   */
  createBooking(booking: NewBooking): Promise<BookingOutcome>;
  findBooking(id: string): Promise<BookingRecord | null>;
  /** The booking the client made with this idempotency key, whatever its status now (D5); null when none. */
  findBookingByKey(clientId: string, idempotencyKey: string): Promise<BookingRecord | null>;
  /** The bookings the account is the client or the advisor of, by start. */
  bookingsOf(userId: string): Promise<readonly BookingRecord[]>;
  /** The starts and ends of the advisor's bookings that hold their slot and end after `from`. */
  heldSlots(advisorId: string, from: number): Promise<readonly { readonly start: number; readonly end: number }[]>;
  /**
   * Moves the booking from `from` to `to` if its status is `from` now, records the audit entry and,
   * when `to` no longer holds the slot, frees it, all in one transaction; null (nothing changed)
   * when the status was not `from` (D3).
   */
  transitionBooking(transition: BookingTransition): Promise<BookingRecord | null>;
  /** The booking's audit trail, oldest first. */
  bookingEvents(bookingId: string): Promise<readonly BookingEvent[]>;
  /** Confirmed sessions cancelled at or after `since`, the oldest first: each may owe a refund (PAY7). */
  cancellationsSince(since: number): Promise<readonly BookingEvent[]>;
  /** Bookings due to expire at `at`: requests unanswered by `respondBy`, payments not made by `paymentDueAt` (D6). */
  expiringBookings(at: number): Promise<readonly BookingRecord[]>;

  /** Bookings in the status, by start (a sweep finishes what a crash left `accepted`). */
  bookingsInStatus(status: BookingStatus): Promise<readonly BookingRecord[]>;

  /** Moves the booking's share from `from` to `to` if it is `from` now; false otherwise. */
  setShareState(bookingId: string, from: ShareState, to: ShareState): Promise<boolean>;
  /** Bookings whose share is `state`. */
  bookingsWithShare(state: ShareState): Promise<readonly BookingRecord[]>;
}
