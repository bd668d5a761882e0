import type { BookingStatus } from '@tally/schema';
import type pg from 'pg';
import { type Sql, transaction } from '../postgres-database.js';
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
 * Advisors and bookings in the same tables as `SqliteAdvisors`, in PostgreSQL, shared by any
 * number of relays: the unique index on (advisor, start) over the bookings holding their slot
 * lets exactly one of many racing requests, on any relay, hold it (D4).
 */
export class PostgresAdvisors implements Advisors {
  constructor(private readonly pool: pg.Pool) {}

  async saveProfile(profile: AdvisorProfile): Promise<void> {
    await this.pool.query(
      `INSERT INTO advisor_profiles (${profileColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, headline = excluded.headline,
         bio = excluded.bio, specialties = excluded.specialties, languages = excluded.languages,
         time_zone = excluded.time_zone, session_minutes = excluded.session_minutes,
         price_minor = excluded.price_minor, price_currency = excluded.price_currency,
         accepting_clients = excluded.accepting_clients, updated_at = excluded.updated_at`,
      profileValues(profile),
    );
  }

  async findProfile(userId: string): Promise<AdvisorProfile | null> {
    const row = (
      await this.pool.query<ProfileRow>(`SELECT ${profileColumns} FROM advisor_profiles WHERE user_id = $1`, [userId])
    ).rows[0];
    return row === undefined ? null : toProfile(row);
  }

  async listProfiles(): Promise<readonly AdvisorProfile[]> {
    const result = await this.pool.query<ProfileRow>(
      `SELECT ${profileColumns} FROM advisor_profiles ORDER BY display_name COLLATE "C", user_id COLLATE "C"`,
    );
    return result.rows.map(toProfile);
  }

  async saveAvailability(userId: string, availability: Availability, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO advisor_availability (user_id, weekly, exceptions, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET weekly = excluded.weekly, exceptions = excluded.exceptions,
         updated_at = excluded.updated_at`,
      [userId, JSON.stringify(availability.weekly), JSON.stringify(availability.exceptions), at],
    );
  }

  async availabilityOf(userId: string): Promise<Availability> {
    const result = await this.pool.query<AvailabilityRow>(
      'SELECT weekly, exceptions FROM advisor_availability WHERE user_id = $1',
      [userId],
    );
    return toAvailability(result.rows[0]);
  }

  async createBooking(booking: NewBooking): Promise<BookingOutcome> {
    return transaction(this.pool, async (tx): Promise<BookingOutcome> => {
      // One request at a time per advisor, on every relay, so a session overlapping another
      // request's, made a moment before, is seen (the unique index sees only equal starts).
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`booking:${booking.advisorId}`]);
      const earlier = await findByKey(tx, booking.clientId, booking.idempotencyKey);
      if (earlier !== undefined) return { kind: 'existing', booking: toBooking(earlier) };
      const overlapping = await tx.query(
        `SELECT 1 FROM bookings WHERE advisor_id = $1 AND start_at < $2 AND end_at > $3
           AND status IN ${holdingStatusList}`,
        [booking.advisorId, booking.end, booking.start],
      );
      if (overlapping.rows.length > 0) return { kind: 'slot_taken' };
      // Either unique index may still refuse the row: the client's key (a retry racing itself for
      // another advisor) or the advisor's slot. DO NOTHING waits for a racing insert to commit.
      const inserted = await tx.query<BookingRow>(
        `INSERT INTO bookings (id, advisor_id, client_id, start_at, end_at, message, status, price_minor,
           price_currency, share_doc_id, share_state, idempotency_key, created_at, updated_at, respond_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9, $10, $11, $12, $12, $13)
         ON CONFLICT DO NOTHING RETURNING ${bookingColumns}`,
        [
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
          booking.respondBy,
        ],
      );
      const created = inserted.rows[0];
      if (created === undefined) {
        const existing = await findByKey(tx, booking.clientId, booking.idempotencyKey);
        return existing === undefined ? { kind: 'slot_taken' } : { kind: 'existing', booking: toBooking(existing) };
      }
      await insertEvent(tx, booking.id, null, 'requested', 'client', booking.clientId, booking.createdAt, null);
      return { kind: 'created', booking: toBooking(created) };
    });
  }

  async findBooking(id: string): Promise<BookingRecord | null> {
    const row = (await this.pool.query<BookingRow>(`SELECT ${bookingColumns} FROM bookings WHERE id = $1`, [id]))
      .rows[0];
    return row === undefined ? null : toBooking(row);
  }

  async findBookingByKey(clientId: string, idempotencyKey: string): Promise<BookingRecord | null> {
    const row = await findByKey(this.pool, clientId, idempotencyKey);
    return row === undefined ? null : toBooking(row);
  }

  async bookingsOf(userId: string): Promise<readonly BookingRecord[]> {
    const result = await this.pool.query<BookingRow>(
      `SELECT ${bookingColumns} FROM bookings WHERE client_id = $1 OR advisor_id = $1 ORDER BY start_at, id COLLATE "C"`,
      [userId],
    );
    return result.rows.map(toBooking);
  }

  async heldSlots(
    advisorId: string,
    from: number,
  ): Promise<readonly { readonly start: number; readonly end: number }[]> {
    const result = await this.pool.query<{ start: number; end: number }>(
      `SELECT start_at AS start, end_at AS "end" FROM bookings
       WHERE advisor_id = $1 AND end_at > $2 AND status IN ${holdingStatusList} ORDER BY start_at`,
      [advisorId, from],
    );
    return result.rows;
  }

  async transitionBooking(transition: BookingTransition): Promise<BookingRecord | null> {
    return transaction(this.pool, (tx) => this.transitionBookingIn(tx, transition));
  }

  /** `transitionBooking` inside the caller's transaction (a payment's, PAY3). */
  async transitionBookingIn(tx: Sql, transition: BookingTransition): Promise<BookingRecord | null> {
    const { bookingId, from, to, actor, at, reason } = transition;
    const changed = await tx.query<BookingRow>(
      `UPDATE bookings SET status = $1, updated_at = $2, payment_due_at = coalesce($3, payment_due_at)
       WHERE id = $4 AND status = $5 RETURNING ${bookingColumns}`,
      [to, at, transition.paymentDueAt ?? null, bookingId, from],
    );
    const row = changed.rows[0];
    if (row === undefined) return null;
    await insertEvent(tx, bookingId, from, to, actor.kind, actorId(actor), at, reason);
    return toBooking(row);
  }

  async bookingEvents(bookingId: string): Promise<readonly BookingEvent[]> {
    const result = await this.pool.query<BookingEventRow>(
      `SELECT booking_id, from_status, to_status, actor_kind, actor_id, at, reason FROM booking_events
       WHERE booking_id = $1 ORDER BY id`,
      [bookingId],
    );
    return result.rows.map(toBookingEvent);
  }

  async cancellationsSince(since: number): Promise<readonly BookingEvent[]> {
    const result = await this.pool.query<BookingEventRow>(
      `SELECT booking_id, from_status, to_status, actor_kind, actor_id, at, reason FROM booking_events
       WHERE from_status = 'confirmed' AND to_status = 'cancelled' AND at >= $1 ORDER BY at, id`,
      [since],
    );
    return result.rows.map(toBookingEvent);
  }

  async expiringBookings(at: number): Promise<readonly BookingRecord[]> {
    const result = await this.pool.query<BookingRow>(
      `SELECT ${bookingColumns} FROM bookings
       WHERE (status = 'requested' AND respond_by <= $1) OR (status = 'awaiting_payment' AND payment_due_at <= $1)
       ORDER BY start_at, id COLLATE "C"`,
      [at],
    );
    return result.rows.map(toBooking);
  }

  async bookingsInStatus(status: BookingStatus): Promise<readonly BookingRecord[]> {
    const result = await this.pool.query<BookingRow>(
      `SELECT ${bookingColumns} FROM bookings WHERE status = $1 ORDER BY start_at, id COLLATE "C"`,
      [status],
    );
    return result.rows.map(toBooking);
  }

  async setShareState(bookingId: string, from: ShareState, to: ShareState): Promise<boolean> {
    const result = await this.pool.query('UPDATE bookings SET share_state = $1 WHERE id = $2 AND share_state = $3', [
      to,
      bookingId,
      from,
    ]);
    return result.rowCount !== 0;
  }

  async bookingsWithShare(state: ShareState): Promise<readonly BookingRecord[]> {
    const result = await this.pool.query<BookingRow>(
      `SELECT ${bookingColumns} FROM bookings WHERE share_state = $1 ORDER BY start_at, id COLLATE "C"`,
      [state],
    );
    return result.rows.map(toBooking);
  }
}

async function findByKey(tx: Sql, clientId: string, idempotencyKey: string): Promise<BookingRow | undefined> {
  const found = await tx.query<BookingRow>(
    `SELECT ${bookingColumns} FROM bookings WHERE client_id = $1 AND idempotency_key = $2`,
    [clientId, idempotencyKey],
  );
  return found.rows[0];
}

async function insertEvent(
  tx: Sql,
  bookingId: string,
  from: string | null,
  to: string,
  actorKind: string,
  actor: string | null,
  at: number,
  reason: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO booking_events (booking_id, from_status, to_status, actor_kind, actor_id, at, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [bookingId, from, to, actorKind, actor, at, reason],
  );
}
