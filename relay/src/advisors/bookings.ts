import type { BookingStatus } from '@tally/schema';
import { type FailureReporting, reportFailure } from '../failures.js';
import { RelayError } from '../http/error-catalogue.js';
import type {
  BookingActor,
  BookingEvent,
  BookingOutcome,
  BookingRecord,
  NewBooking,
} from '../storage/advisors/advisors.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import type { MemberSockets } from '../sync/member-sockets.js';
import { type BookingParty, bookingTransitions, shareEndingStatuses } from './booking-machine.js';

/** How long things last around a booking (D6, D9). */
export const bookingTimes = {
  /** A request unanswered this long expires (or at its start, if sooner). */
  answerWithinMs: 48 * 3_600_000,
  /** A priced session accepted holds its slot this long for payment (or until its start, if sooner). */
  paymentHoldMs: 30 * 60_000,
  /** A shared ledger stays readable by the advisor this long after the session ends. */
  shareAfterSessionMs: 14 * 86_400_000,
} as const;

const sweepEveryMs = 60_000;

/** Who asks for a transition: an account (the booking's client or advisor), or the relay itself. */
export type TransitionBy = { readonly userId: string } | 'relay';

/** Told of every booking made and every transition, once it is stored (for live events, payments). */
export type BookingListener = (booking: BookingRecord, event: BookingEvent) => void;

/** Told when a session share makes the advisor a viewer of the shared ledger (`viewer`), or takes that back (null). */
export type ShareListener = (booking: BookingRecord, role: 'viewer' | null) => void;

export interface BookingsOptions {
  readonly storage: RelayStorage;
  readonly memberSockets: MemberSockets;
  readonly now: () => number;
  readonly reporting: FailureReporting;
}

/** What one sweep did. */
export interface SweepOutcome {
  readonly expired: number;
  readonly sharesStarted: number;
  readonly sharesEnded: number;
}

/**
 * The one place a booking is made or changes status (D3): every transition is checked against
 * the machine and the party asking, made as one compare-and-swap on the stored status, and told
 * to the listeners. It also starts and ends the advisor's read-only access to a shared ledger (D9)
 * and sweeps what time ends: unanswered requests, unpaid holds, shares past their days (D6).
 */
export class Bookings {
  private readonly listeners = new Set<BookingListener>();
  private readonly shareListeners = new Set<ShareListener>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | null = null;

  constructor(private readonly options: BookingsOptions) {}

  /** Sweeps every minute until stopped. */
  start(): void {
    this.timer = setInterval(() => void this.sweepReporting(), sweepEveryMs);
    this.timer.unref();
    void this.sweepReporting();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Adds a listener; returns what removes it. */
  onChange(listener: BookingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a listener of shares started and ended (E10); returns what removes it. */
  onShareChange(listener: ShareListener): () => void {
    this.shareListeners.add(listener);
    return () => this.shareListeners.delete(listener);
  }

  /** Stores a request (D4, D5): the listeners hear of a booking made, not of one returned again. */
  async request(booking: NewBooking): Promise<BookingOutcome> {
    const outcome = await this.options.storage.advisors.createBooking(booking);
    if (outcome.kind === 'created') {
      this.tell(outcome.booking, {
        bookingId: booking.id,
        from: null,
        to: 'requested',
        actor: { kind: 'client', userId: booking.clientId },
        at: booking.createdAt,
        reason: null,
      });
    }
    return outcome;
  }

  /**
   * Moves the booking to `to` as `by` (D3), then takes the steps that follow on their own: an
   * acceptance goes on to `awaiting_payment` or `confirmed` and starts a pending share; a decline,
   * expiry or cancellation ends the share at once. Refuses with `not_found` (no such booking, or
   * not the caller's), `forbidden` (the other party's move), `advisor_required` (an acceptance by an
   * account no longer an advisor), `invalid_transition` (not from its
   * status now) or `invalid_request` (a confirmed session cancelled without a reason).
   */
  async transition(
    id: string,
    to: BookingStatus,
    by: TransitionBy,
    reason: string | null = null,
  ): Promise<BookingRecord> {
    // A compare-and-swap that loses to another change is judged again against the status that won.
    for (let attempt = 0; attempt < 3; attempt++) {
      const booking = await this.options.storage.advisors.findBooking(id);
      if (booking === null) throw new RelayError('not_found');
      const actor = actorOf(booking, by);
      if (actor === null) throw new RelayError('not_found');
      const allowed = bookingTransitions[booking.status][to];
      if (allowed === undefined) throw new RelayError('invalid_transition');
      if (!allowed.includes(partyOf(actor))) throw new RelayError('forbidden');
      if (to === 'accepted') await this.requireAdvisor(booking.advisorId);
      const at = this.options.now();
      if ((to === 'completed' || to === 'no_show') && at < booking.start) throw new RelayError('invalid_transition');
      if (booking.status === 'confirmed' && to === 'cancelled' && (reason ?? '').trim() === '') {
        throw new RelayError('invalid_request');
      }
      const paymentDueAt =
        to === 'awaiting_payment' ? Math.min(at + bookingTimes.paymentHoldMs, booking.start) : undefined;
      const moved = await this.options.storage.advisors.transitionBooking({
        bookingId: id,
        from: booking.status,
        to,
        actor,
        at,
        reason,
        ...(paymentDueAt !== undefined && { paymentDueAt }),
      });
      if (moved === null) continue;
      this.tell(moved, { bookingId: id, from: booking.status, to, actor, at, reason });
      return this.followOn(moved);
    }
    throw new RelayError('invalid_transition');
  }

  /**
   * A transition the relay made inside another change's transaction (a payment's, PAY3): the
   * listeners hear of it, and the steps that follow it are taken, as for any other.
   */
  async madeElsewhere(booking: BookingRecord, event: BookingEvent): Promise<BookingRecord> {
    this.tell(booking, event);
    return this.followOn(booking);
  }

  /**
   * Expires what time has run out on and starts or ends shares that are due (D6, D9). Safe to run
   * on several relays at once: each change is a compare-and-swap, and one that loses is skipped.
   */
  async sweep(): Promise<SweepOutcome> {
    const { advisors } = this.options.storage;
    const now = this.options.now();
    let expired = 0;
    for (const booking of await advisors.expiringBookings(now)) {
      // From the status that was due, not whatever it is by now: a request accepted meanwhile stays.
      const moved = await advisors.transitionBooking({
        bookingId: booking.id,
        from: booking.status,
        to: 'expired',
        actor: { kind: 'relay' },
        at: now,
        reason: null,
      });
      if (moved === null) continue;
      expired++;
      this.tell(moved, {
        bookingId: booking.id,
        from: booking.status,
        to: 'expired',
        actor: { kind: 'relay' },
        at: now,
        reason: null,
      });
      await this.followOn(moved);
    }
    // A relay that stopped between an acceptance and its next step left the booking `accepted`.
    for (const booking of await advisors.bookingsInStatus('accepted')) await this.followOn(booking);
    let sharesStarted = 0;
    for (const booking of await advisors.bookingsWithShare('pending')) {
      if (shareEndingStatuses.includes(booking.status)) await advisors.setShareState(booking.id, 'pending', 'ended');
      else if (booking.status !== 'requested' && (await this.startShare(booking))) sharesStarted++;
    }
    let sharesEnded = 0;
    for (const booking of await advisors.bookingsWithShare('granted')) {
      const over =
        shareEndingStatuses.includes(booking.status) || booking.end + bookingTimes.shareAfterSessionMs <= now;
      if (over && (await this.endShare(booking))) sharesEnded++;
    }
    return { expired, sharesStarted, sharesEnded };
  }

  private sweepReporting(): Promise<unknown> {
    this.sweeping ??= this.sweep()
      .catch((error: unknown) => reportFailure(this.options.reporting, 'bookings', error))
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  /** An account whose advisor role was taken back, or that was disabled, takes on no session (D1). */
  private async requireAdvisor(userId: string): Promise<void> {
    const user = await this.options.storage.accounts.findUser(userId);
    if (user?.role !== 'advisor' || user.disabledAt !== null) throw new RelayError('advisor_required');
  }

  private async followOn(booking: BookingRecord): Promise<BookingRecord> {
    if (booking.status === 'accepted') {
      await this.startShare(booking);
      return this.moveOnFromAccepted(booking);
    }
    if (!shareEndingStatuses.includes(booking.status) || booking.shareState === null) return booking;
    await this.endShare(booking);
    return (await this.options.storage.advisors.findBooking(booking.id)) ?? booking;
  }

  /**
   * The relay's own step after an acceptance. Another relay's sweep may take it first, or the
   * client cancel meanwhile: then the booking as it is now, for the acceptance has been made.
   */
  private async moveOnFromAccepted(booking: BookingRecord): Promise<BookingRecord> {
    try {
      return await this.transition(booking.id, booking.price === null ? 'confirmed' : 'awaiting_payment', 'relay');
    } catch (error) {
      if (!(error instanceof RelayError) || error.code !== 'invalid_transition') throw error;
      const now = await this.options.storage.advisors.findBooking(booking.id);
      if (now === null || now.status === 'accepted') throw error;
      return now;
    }
  }

  /** Makes the advisor a viewer of the shared ledger, through the membership records (L3); whether it did. */
  private async startShare(booking: BookingRecord): Promise<boolean> {
    if (booking.shareDocId === null || booking.shareState !== 'pending') return false;
    const { accounts, advisors } = this.options.storage;
    // Only a ledger the client still owns is theirs to share (L4): one they lost since asking is not.
    if ((await accounts.docRole(booking.clientId, booking.shareDocId)) !== 'owner') {
      await advisors.setShareState(booking.id, 'pending', 'ended');
      return false;
    }
    const outcome = await accounts.addMember(booking.shareDocId, booking.advisorId, 'viewer', this.options.now());
    const recorded = await advisors.setShareState(
      booking.id,
      'pending',
      outcome === 'added' ? 'granted' : 'already_member',
    );
    if (outcome !== 'added') return recorded;
    // Another start of this share (a sweep racing the acceptance) may have found the membership this
    // one had just added, and recorded `already_member` first: the membership is this booking's, so
    // it is `granted`, and its end takes the access back (D10).
    if (recorded || (await advisors.setShareState(booking.id, 'already_member', 'granted'))) {
      this.tellShare(booking, 'viewer');
      // A cancellation that saw `already_member` left the access alone: it is ended here instead.
      const now = await advisors.findBooking(booking.id);
      if (now !== null && shareEndingStatuses.includes(now.status)) await this.endShare(now);
      return true;
    }
    // The share ended (the booking cancelled) while this start was on its way: what it added goes too.
    await this.takeBack(booking, booking.shareDocId);
    return false;
  }

  /**
   * Ends the advisor's access granted for this booking, closing their open sockets on the ledger,
   * unless another booking still shares the same ledger with them; a share not yet started just
   * ends. Whether it ended a granted share.
   */
  private async endShare(booking: BookingRecord): Promise<boolean> {
    const { advisors } = this.options.storage;
    if (booking.shareDocId === null) return false;
    if (booking.shareState === 'pending') {
      await advisors.setShareState(booking.id, 'pending', 'ended');
      return false;
    }
    if (booking.shareState !== 'granted' || !(await advisors.setShareState(booking.id, 'granted', 'ended'))) {
      return false;
    }
    await this.takeBack(booking, booking.shareDocId);
    return true;
  }

  /** Removes the advisor from the shared ledger and closes their sockets on it, unless another booking still shares it with them. */
  private async takeBack(booking: BookingRecord, docId: string): Promise<void> {
    const stillShared = (await this.options.storage.advisors.bookingsWithShare('granted')).some(
      (other) => other.shareDocId === docId && other.advisorId === booking.advisorId,
    );
    if (stillShared) return;
    await this.options.storage.accounts.removeMember(docId, booking.advisorId, this.options.now());
    this.options.memberSockets.reconcile(booking.advisorId, docId, null);
    this.tellShare(booking, null);
  }

  private tellShare(booking: BookingRecord, role: 'viewer' | null): void {
    for (const listener of this.shareListeners) {
      try {
        listener(booking, role);
      } catch (error) {
        reportFailure(this.options.reporting, 'bookings', error, { bookingId: booking.id });
      }
    }
  }

  private tell(booking: BookingRecord, event: BookingEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(booking, event);
      } catch (error) {
        reportFailure(this.options.reporting, 'bookings', error, { bookingId: booking.id });
      }
    }
  }
}

function actorOf(booking: BookingRecord, by: TransitionBy): BookingActor | null {
  if (by === 'relay') return { kind: 'relay' };
  if (by.userId === booking.clientId) return { kind: 'client', userId: by.userId };
  if (by.userId === booking.advisorId) return { kind: 'advisor', userId: by.userId };
  return null;
}

function partyOf(actor: BookingActor): BookingParty {
  return actor.kind;
}
