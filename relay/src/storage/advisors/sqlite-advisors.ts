import type { BookingStatus } from '@tally/schema';
import type Database from 'better-sqlite3';
import {
  type AvailabilityRow,
  actorId,
  type BookingEventRow,
  type BookingRow,
  bookingColumns,
  holdingStatusList,
  type ProfileRow,
  profileColumns,
  profileValues,
  toAvailability,
  toBooking,
  toBookingEvent,
  toProfile,
} from './advisor-rows.js';
import type {
  AdvisorProfile,
  Advisors,
  Availability,
  BookingEvent,
  BookingOutcome,
  BookingRecord,
  BookingTransition,
  NewBooking,
  ShareState,
} from './advisors.js';

/**
 * Advisors and bookings in the `advisor_profiles`, `advisor_availability`, `bookings` and
 * `booking_events` tables. A unique index on (advisor, start) over the bookings that hold their
 * slot refuses a second holder (D4).
 */
export class SqliteAdvisors implements Advisors {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async saveProfile(profile: AdvisorProfile): Promise<void> {
    this.statements.saveProfile.run(...profileValues(profile));
  }

  async findProfile(userId: string): Promise<AdvisorProfile | null> {
    const row = this.statements.profile.get(userId) as ProfileRow | undefined;
    return row === undefined ? null : toProfile(row);
  }

  async listProfiles(): Promise<readonly AdvisorProfile[]> {
    return (this.statements.profiles.all() as ProfileRow[]).map(toProfile);
  }

  async saveAvailability(userId: string, availability: Availability, at: number): Promise<void> {
    this.statements.saveAvailability.run(
      userId,
      JSON.stringify(availability.weekly),
      JSON.stringify(availability.exceptions),
      at,
    );
  }

  async availabilityOf(userId: string): Promise<Availability> {
    return toAvailability(this.statements.availability.get(userId) as AvailabilityRow | undefined);
  }

  async createBooking(booking: NewBooking): Promise<BookingOutcome> {
    return this.db.transaction((): BookingOutcome => {
      const existing = this.statements.byKey.get(booking.clientId, booking.idempotencyKey) as BookingRow | undefined;
      if (existing !== undefined) return { kind: 'existing', booking: toBooking(existing) };
      if (this.statements.overlapping.get(booking.advisorId, booking.end, booking.start) !== undefined) {
        return { kind: 'slot_taken' };
      }
      const inserted = this.statements.insertBooking.run(
        booking.id,
        booking.advisorId,
        booking.clientId,
        booking.start,
        booking.end,
        booking.message,
        booking.price?.amountMinor ?? null,
        booking.price?.currency ?? null,
        booking.shareDocId,
        booking.shareDocId === null ? null : 'pending',
        booking.idempotencyKey,
        booking.createdAt,
        booking.createdAt,
        booking.respondBy,
      );
      if (inserted.changes === 0) return { kind: 'slot_taken' };
      this.statements.insertEvent.run(
        booking.id,
        null,
        'requested',
        'client',
        booking.clientId,
        booking.createdAt,
        null,
      );
      return { kind: 'created', booking: toBooking(this.statements.booking.get(booking.id) as BookingRow) };
    })();
  }

  async findBooking(id: string): Promise<BookingRecord | null> {
    const row = this.statements.booking.get(id) as BookingRow | undefined;
    return row === undefined ? null : toBooking(row);
  }

  async findBookingByKey(clientId: string, idempotencyKey: string): Promise<BookingRecord | null> {
    const row = this.statements.byKey.get(clientId, idempotencyKey) as BookingRow | undefined;
    return row === undefined ? null : toBooking(row);
  }

  async bookingsOf(userId: string): Promise<readonly BookingRecord[]> {
    return (this.statements.bookingsOf.all(userId, userId) as BookingRow[]).map(toBooking);
  }

  async heldSlots(
    advisorId: string,
    from: number,
  ): Promise<readonly { readonly start: number; readonly end: number }[]> {
    return this.statements.held.all(advisorId, from) as { start: number; end: number }[];
  }

  async transitionBooking(transition: BookingTransition): Promise<BookingRecord | null> {
    return this.db.transaction(() => this.transitionBookingNow(transition))();
  }

  /** `transitionBooking`, synchronously, inside the caller's transaction (a payment's, PAY3). */
  transitionBookingNow(transition: BookingTransition): BookingRecord | null {
    const { bookingId, from, to, actor, at, reason } = transition;
    const changed = this.statements.transition.run(to, at, transition.paymentDueAt ?? null, bookingId, from);
    if (changed.changes === 0) return null;
    this.statements.insertEvent.run(bookingId, from, to, actor.kind, actorId(actor), at, reason);
    return toBooking(this.statements.booking.get(bookingId) as BookingRow);
  }

  async bookingEvents(bookingId: string): Promise<readonly BookingEvent[]> {
    return (this.statements.events.all(bookingId) as BookingEventRow[]).map(toBookingEvent);
  }

  async cancellationsSince(since: number): Promise<readonly BookingEvent[]> {
    return (this.statements.cancellations.all(since) as BookingEventRow[]).map(toBookingEvent);
  }

  async expiringBookings(at: number): Promise<readonly BookingRecord[]> {
    return (this.statements.expiring.all(at, at) as BookingRow[]).map(toBooking);
  }

  async bookingsInStatus(status: BookingStatus): Promise<readonly BookingRecord[]> {
    return (this.statements.inStatus.all(status) as BookingRow[]).map(toBooking);
  }

  async setShareState(bookingId: string, from: ShareState, to: ShareState): Promise<boolean> {
    return this.statements.setShare.run(to, bookingId, from).changes > 0;
  }

  async bookingsWithShare(state: ShareState): Promise<readonly BookingRecord[]> {
    return (this.statements.withShare.all(state) as BookingRow[]).map(toBooking);
  }
}

function prepare(db: Database.Database) {
  return {
    saveProfile: db.prepare(
      `INSERT INTO advisor_profiles (${profileColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, headline = excluded.headline,
         bio = excluded.bio, specialties = excluded.specialties, languages = excluded.languages,
         time_zone = excluded.time_zone, session_minutes = excluded.session_minutes,
         price_minor = excluded.price_minor, price_currency = excluded.price_currency,
         accepting_clients = excluded.accepting_clients, updated_at = excluded.updated_at`,
    ),
    profile: db.prepare(`SELECT ${profileColumns} FROM advisor_profiles WHERE user_id = ?`),
    profiles: db.prepare(`SELECT ${profileColumns} FROM advisor_profiles ORDER BY display_name, user_id`),
    saveAvailability: db.prepare(
      `INSERT INTO advisor_availability (user_id, weekly, exceptions, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET weekly = excluded.weekly, exceptions = excluded.exceptions,
         updated_at = excluded.updated_at`,
    ),
    availability: db.prepare('SELECT weekly, exceptions FROM advisor_availability WHERE user_id = ?'),
    byKey: db.prepare(`SELECT ${bookingColumns} FROM bookings WHERE client_id = ? AND idempotency_key = ?`),
    insertBooking: db.prepare(
      `INSERT INTO bookings (id, advisor_id, client_id, start_at, end_at, message, status, price_minor, price_currency,
         share_doc_id, share_state, idempotency_key, created_at, updated_at, respond_by)
       VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    booking: db.prepare(`SELECT ${bookingColumns} FROM bookings WHERE id = ?`),
    overlapping: db.prepare(
      `SELECT 1 FROM bookings WHERE advisor_id = ? AND start_at < ? AND end_at > ? AND status IN ${holdingStatusList}`,
    ),
    bookingsOf: db.prepare(
      `SELECT ${bookingColumns} FROM bookings WHERE client_id = ? OR advisor_id = ? ORDER BY start_at, id`,
    ),
    held: db.prepare(
      `SELECT start_at AS start, end_at AS "end" FROM bookings
       WHERE advisor_id = ? AND end_at > ? AND status IN ${holdingStatusList} ORDER BY start_at`,
    ),
    transition: db.prepare(
      `UPDATE bookings SET status = ?, updated_at = ?, payment_due_at = coalesce(?, payment_due_at)
       WHERE id = ? AND status = ?`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO booking_events (booking_id, from_status, to_status, actor_kind, actor_id, at, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    events: db.prepare(
      'SELECT booking_id, from_status, to_status, actor_kind, actor_id, at, reason FROM booking_events WHERE booking_id = ? ORDER BY id',
    ),
    cancellations: db.prepare(
      `SELECT booking_id, from_status, to_status, actor_kind, actor_id, at, reason FROM booking_events
       WHERE from_status = 'confirmed' AND to_status = 'cancelled' AND at >= ? ORDER BY at, id`,
    ),
    expiring: db.prepare(
      `SELECT ${bookingColumns} FROM bookings
       WHERE (status = 'requested' AND respond_by <= ?) OR (status = 'awaiting_payment' AND payment_due_at <= ?)
       ORDER BY start_at, id`,
    ),
    inStatus: db.prepare(`SELECT ${bookingColumns} FROM bookings WHERE status = ? ORDER BY start_at, id`),
    setShare: db.prepare('UPDATE bookings SET share_state = ? WHERE id = ? AND share_state = ?'),
    withShare: db.prepare(`SELECT ${bookingColumns} FROM bookings WHERE share_state = ? ORDER BY start_at, id`),
  };
}
