import type { AdvisorSpecialty, BookingStatus } from '@tally/schema';
import type {
  AdvisorProfile,
  Availability,
  BookingActor,
  BookingEvent,
  BookingRecord,
  Price,
  ShareState,
} from './advisors.js';

/** How profiles, hours, bookings and their events come out of a SQL row: the same columns in SQLite and PostgreSQL. */
export interface ProfileRow {
  user_id: string;
  display_name: string;
  headline: string;
  bio: string;
  specialties: string;
  languages: string;
  time_zone: string;
  session_minutes: number;
  price_minor: number | null;
  price_currency: string | null;
  accepting_clients: number;
  updated_at: number;
}

export interface AvailabilityRow {
  weekly: string;
  exceptions: string;
}

export interface BookingRow {
  id: string;
  advisor_id: string;
  client_id: string;
  start_at: number;
  end_at: number;
  message: string;
  status: BookingStatus;
  price_minor: number | null;
  price_currency: string | null;
  share_doc_id: string | null;
  share_state: ShareState | null;
  created_at: number;
  updated_at: number;
  respond_by: number;
  payment_due_at: number | null;
}

export interface BookingEventRow {
  booking_id: string;
  from_status: BookingStatus | null;
  to_status: BookingStatus;
  actor_kind: BookingActor['kind'];
  actor_id: string | null;
  at: number;
  reason: string | null;
}

export const bookingColumns =
  'id, advisor_id, client_id, start_at, end_at, message, status, price_minor, price_currency, share_doc_id, ' +
  'share_state, created_at, updated_at, respond_by, payment_due_at';

export const profileColumns =
  'user_id, display_name, headline, bio, specialties, languages, time_zone, session_minutes, price_minor, ' +
  'price_currency, accepting_clients, updated_at';

function priceOf(minor: number | null, currency: string | null): Price | null {
  return minor === null || currency === null ? null : { amountMinor: minor, currency };
}

export function toProfile(row: ProfileRow): AdvisorProfile {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    headline: row.headline,
    bio: row.bio,
    specialties: JSON.parse(row.specialties) as AdvisorSpecialty[],
    languages: JSON.parse(row.languages) as string[],
    timeZone: row.time_zone,
    sessionMinutes: row.session_minutes,
    price: priceOf(row.price_minor, row.price_currency),
    acceptingClients: row.accepting_clients === 1,
    updatedAt: row.updated_at,
  };
}

/** A profile's values in the order of `profileColumns`. */
export function profileValues(profile: AdvisorProfile): (string | number | null)[] {
  return [
    profile.userId,
    profile.displayName,
    profile.headline,
    profile.bio,
    JSON.stringify(profile.specialties),
    JSON.stringify(profile.languages),
    profile.timeZone,
    profile.sessionMinutes,
    profile.price?.amountMinor ?? null,
    profile.price?.currency ?? null,
    profile.acceptingClients ? 1 : 0,
    profile.updatedAt,
  ];
}

export function toAvailability(row: AvailabilityRow | undefined): Availability {
  if (row === undefined) return { weekly: [], exceptions: [] };
  return {
    weekly: JSON.parse(row.weekly) as Availability['weekly'],
    exceptions: JSON.parse(row.exceptions) as Availability['exceptions'],
  };
}

export function toBooking(row: BookingRow): BookingRecord {
  return {
    id: row.id,
    advisorId: row.advisor_id,
    clientId: row.client_id,
    start: row.start_at,
    end: row.end_at,
    message: row.message,
    status: row.status,
    price: priceOf(row.price_minor, row.price_currency),
    shareDocId: row.share_doc_id,
    shareState: row.share_state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    respondBy: row.respond_by,
    paymentDueAt: row.payment_due_at,
  };
}

export function toBookingEvent(row: BookingEventRow): BookingEvent {
  const actor: BookingActor =
    row.actor_kind === 'relay' ? { kind: 'relay' } : { kind: row.actor_kind, userId: row.actor_id ?? '' };
  return { bookingId: row.booking_id, from: row.from_status, to: row.to_status, actor, at: row.at, reason: row.reason };
}

export function actorId(actor: BookingActor): string | null {
  return actor.kind === 'relay' ? null : actor.userId;
}

/** The SQL list of statuses that hold a slot, for `status IN (…)`. */
export const holdingStatusList = `('requested', 'accepted', 'awaiting_payment', 'confirmed')`;
