import { type BookingStatus, slotHoldingStatuses } from '@tally/schema';
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

interface MemoryBooking extends BookingRecord {
  readonly idempotencyKey: string;
}

const byStart = (a: BookingRecord, b: BookingRecord): number => a.start - b.start || (a.id < b.id ? -1 : 1);

/** Advisors and bookings of a process: for fast tests. */
export class MemoryAdvisors implements Advisors {
  private readonly profiles = new Map<string, AdvisorProfile>();
  private readonly availability = new Map<string, Availability>();
  private readonly bookings = new Map<string, MemoryBooking>();
  private readonly events: BookingEvent[] = [];

  async saveProfile(profile: AdvisorProfile): Promise<void> {
    this.profiles.set(profile.userId, structuredClone(profile));
  }

  async findProfile(userId: string): Promise<AdvisorProfile | null> {
    return this.profiles.get(userId) ?? null;
  }

  async listProfiles(): Promise<readonly AdvisorProfile[]> {
    return [...this.profiles.values()].sort((a, b) =>
      a.displayName === b.displayName ? (a.userId < b.userId ? -1 : 1) : a.displayName < b.displayName ? -1 : 1,
    );
  }

  async saveAvailability(userId: string, availability: Availability, _at: number): Promise<void> {
    this.availability.set(userId, structuredClone(availability));
  }

  async availabilityOf(userId: string): Promise<Availability> {
    return this.availability.get(userId) ?? { weekly: [], exceptions: [] };
  }

  async createBooking(booking: NewBooking): Promise<BookingOutcome> {
    const existing = this.byKey(booking.clientId, booking.idempotencyKey);
    if (existing !== undefined) return { kind: 'existing', booking: record(existing) };
    const taken = [...this.bookings.values()].some(
      (other) =>
        other.advisorId === booking.advisorId &&
        other.start < booking.end &&
        booking.start < other.end &&
        slotHoldingStatuses.includes(other.status),
    );
    if (taken) return { kind: 'slot_taken' };
    const stored: MemoryBooking = {
      id: booking.id,
      advisorId: booking.advisorId,
      clientId: booking.clientId,
      start: booking.start,
      end: booking.end,
      message: booking.message,
      status: 'requested',
      price: booking.price,
      shareDocId: booking.shareDocId,
      shareState: booking.shareDocId === null ? null : 'pending',
      createdAt: booking.createdAt,
      updatedAt: booking.createdAt,
      respondBy: booking.respondBy,
      paymentDueAt: null,
      idempotencyKey: booking.idempotencyKey,
    };
    this.bookings.set(booking.id, stored);
    this.events.push({
      bookingId: booking.id,
      from: null,
      to: 'requested',
      actor: { kind: 'client', userId: booking.clientId },
      at: booking.createdAt,
      reason: null,
    });
    return { kind: 'created', booking: record(stored) };
  }

  async findBooking(id: string): Promise<BookingRecord | null> {
    const booking = this.bookings.get(id);
    return booking === undefined ? null : record(booking);
  }

  async findBookingByKey(clientId: string, idempotencyKey: string): Promise<BookingRecord | null> {
    const booking = this.byKey(clientId, idempotencyKey);
    return booking === undefined ? null : record(booking);
  }

  private byKey(clientId: string, idempotencyKey: string): MemoryBooking | undefined {
    return [...this.bookings.values()].find(
      (other) => other.clientId === clientId && other.idempotencyKey === idempotencyKey,
    );
  }

  async bookingsOf(userId: string): Promise<readonly BookingRecord[]> {
    return [...this.bookings.values()]
      .filter((booking) => booking.clientId === userId || booking.advisorId === userId)
      .sort(byStart)
      .map(record);
  }

  async heldSlots(
    advisorId: string,
    from: number,
  ): Promise<readonly { readonly start: number; readonly end: number }[]> {
    return [...this.bookings.values()]
      .filter(
        (booking) =>
          booking.advisorId === advisorId && booking.end > from && slotHoldingStatuses.includes(booking.status),
      )
      .sort(byStart)
      .map((booking) => ({ start: booking.start, end: booking.end }));
  }

  async transitionBooking(transition: BookingTransition): Promise<BookingRecord | null> {
    return this.transitionBookingNow(transition);
  }

  /** `transitionBooking` without a pause, so a payment's change and its booking's go together (PAY3). */
  transitionBookingNow(transition: BookingTransition): BookingRecord | null {
    const booking = this.bookings.get(transition.bookingId);
    if (booking === undefined || booking.status !== transition.from) return null;
    const changed: MemoryBooking = {
      ...booking,
      status: transition.to,
      updatedAt: transition.at,
      paymentDueAt: transition.paymentDueAt ?? booking.paymentDueAt,
    };
    this.bookings.set(booking.id, changed);
    this.events.push({
      bookingId: booking.id,
      from: transition.from,
      to: transition.to,
      actor: transition.actor,
      at: transition.at,
      reason: transition.reason,
    });
    return record(changed);
  }

  async bookingEvents(bookingId: string): Promise<readonly BookingEvent[]> {
    return this.events.filter((event) => event.bookingId === bookingId);
  }

  async cancellationsSince(since: number): Promise<readonly BookingEvent[]> {
    return this.events
      .filter((event) => event.from === 'confirmed' && event.to === 'cancelled' && event.at >= since)
      .sort((a, b) => a.at - b.at);
  }

  async expiringBookings(at: number): Promise<readonly BookingRecord[]> {
    return [...this.bookings.values()]
      .filter(
        (booking) =>
          (booking.status === 'requested' && booking.respondBy <= at) ||
          (booking.status === 'awaiting_payment' && booking.paymentDueAt !== null && booking.paymentDueAt <= at),
      )
      .sort(byStart)
      .map(record);
  }

  async bookingsInStatus(status: BookingStatus): Promise<readonly BookingRecord[]> {
    return [...this.bookings.values()]
      .filter((booking) => booking.status === status)
      .sort(byStart)
      .map(record);
  }

  async setShareState(bookingId: string, from: ShareState, to: ShareState): Promise<boolean> {
    const booking = this.bookings.get(bookingId);
    if (booking === undefined || booking.shareState !== from) return false;
    this.bookings.set(bookingId, { ...booking, shareState: to });
    return true;
  }

  async bookingsWithShare(state: ShareState): Promise<readonly BookingRecord[]> {
    return [...this.bookings.values()]
      .filter((booking) => booking.shareState === state)
      .sort(byStart)
      .map(record);
  }
}

function record(booking: MemoryBooking): BookingRecord {
  const { idempotencyKey: _key, ...rest } = booking;
  return rest;
}
