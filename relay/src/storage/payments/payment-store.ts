import type { PaymentEvent, PaymentProviderName } from '../../payments/payment-event.js';
import type { BookingRecord, BookingTransition } from '../advisors/advisors.js';

/**
 * Where one checkout stands (PAY3, PAY4): `open` until the provider says it was paid (`paid`, or
 * `mismatched` when the amount or currency differs from the booking's), expired or failed;
 * a paid one is `refunding` once a refund is asked for and `refunded` when the provider says so.
 * `late` is money taken for a booking that no longer waits for it, and `mismatched` money is not
 * what the booking costs: both are refunded, as is a paid session cancelled with a refund due.
 */
export const paymentStatuses = [
  'open',
  'paid',
  'mismatched',
  'late',
  'expired',
  'failed',
  'refunding',
  'refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** The statuses whose money can be given back: a refund asked for one of them makes it `refunding` (PAY4, PAY7). */
const refundableStatuses: readonly PaymentStatus[] = ['paid', 'late', 'mismatched'];

/** One checkout for one booking, as it was made. */
export interface NewCheckout {
  readonly provider: PaymentProviderName;
  /** The provider's Checkout Session or order id. */
  readonly checkoutId: string;
  readonly bookingId: string;
  readonly attempt: number;
  readonly clientId: string;
  readonly advisorId: string;
  /** What the booking costs: what the provider must report as paid (PAY3). */
  readonly amount: number;
  readonly currency: string;
  readonly createdAt: number;
  /** Where the app sends the person (Stripe), or null when the app opens the checkout itself (Razorpay). */
  readonly url: string | null;
}

/** A checkout and what became of it: the payment history people see (PAY4). */
export interface PaymentRecord extends NewCheckout {
  readonly status: PaymentStatus;
  /** The provider's payment (PaymentIntent or Razorpay payment) once paid. */
  readonly paymentId: string | null;
  /** What the provider reported as paid; differs from `amount` / `currency` when mismatched. */
  readonly paidAmount: number | null;
  readonly paidCurrency: string | null;
  readonly paidAt: number | null;
  readonly refundId: string | null;
  readonly refundAmount: number | null;
  readonly refundRequestedAt: number | null;
  readonly refundedAt: number | null;
  /**
   * When a refund owed is next asked of the provider; null when none is owed or it has been asked.
   * Stored, so a refund owed survives a restart (PAY7).
   */
  readonly refundDueAt: number | null;
  /** How many times asking the provider for the refund has failed. */
  readonly refundAttempts: number;
  readonly updatedAt: number;
}

/**
 * What a webhook event did: nothing when it came before (`duplicate`), is about no checkout the
 * relay made (`unknown`) or comes too late to matter (`unchanged`); otherwise the checkout's change.
 */
export type FulfilmentOutcome =
  | 'duplicate'
  | 'unknown'
  | 'unchanged'
  | 'paid'
  | 'mismatched'
  | 'released'
  | 'refunded'
  /** Paid, but the booking no longer waited for it (expired, cancelled): to be refunded. */
  | 'late';

export interface Fulfilment {
  readonly outcome: FulfilmentOutcome;
  /** The checkout after the event; null when the event is a duplicate or about none. */
  readonly payment: PaymentRecord | null;
}

/** A fulfilment with the booking it moved, if it moved one (`RelayStorage.fulfilPayment`). */
export interface PaymentFulfilment extends Fulfilment {
  readonly booking: BookingRecord | null;
}

/** A refund asked of the provider for a paid checkout. */
export interface RefundStarted {
  readonly refundId: string;
  readonly amount: number;
  readonly at: number;
}

/**
 * Checkouts, payments and refunds, and the provider events already applied (by event id). An
 * event's id is stored in the same transaction as its effect, so a redelivered event changes
 * nothing (PAY3); `RelayStorage.fulfilPayment` adds the booking's change to that transaction.
 */
export interface PaymentStore {
  /** Keeps a checkout the provider made for a booking, as `open`. */
  openCheckout(checkout: NewCheckout): Promise<void>;
  /** The booking's checkouts, the first attempt first. */
  checkoutsOf(bookingId: string): Promise<readonly PaymentRecord[]>;
  /** Applies a provider's event once: the event id and the checkout's change are stored together. */
  fulfil(event: PaymentEvent, at: number): Promise<Fulfilment>;
  /** A checkout whose booking could not take its payment: `paid` becomes `late`. */
  markLate(provider: PaymentProviderName, checkoutId: string, at: number): Promise<void>;
  /** A paid checkout whose session was cancelled with a refund due now owes one (PAY7); null when it cannot. */
  oweRefund(provider: PaymentProviderName, checkoutId: string, at: number): Promise<PaymentRecord | null>;
  /** Asking the provider for a refund owed failed: it is asked again at `dueAt` (PAY7). */
  deferRefund(provider: PaymentProviderName, checkoutId: string, dueAt: number): Promise<void>;
  /** Checkouts owing a refund due by `at`, the longest owed first (PAY7). */
  refundsDue(at: number, limit: number): Promise<readonly PaymentRecord[]>;
  /** A refund asked for a paid, late or mismatched checkout: it becomes `refunding`; false when it was not. */
  startRefund(provider: PaymentProviderName, checkoutId: string, refund: RefundStarted): Promise<boolean>;
  /** Checkouts where the account is the client or the advisor, newest first (PAY4). */
  historyOf(userId: string, limit: number): Promise<readonly PaymentRecord[]>;
}

/** What an event does to the checkout it is about (PAY3): the outcome and the fields that change. */
export function decideFulfilment(
  payment: PaymentRecord,
  event: PaymentEvent,
  at: number,
): { readonly outcome: FulfilmentOutcome; readonly next: PaymentRecord } {
  const unchanged = { outcome: 'unchanged', next: payment } as const;
  switch (event.kind) {
    case 'paid': {
      // An expiry that overtook a payment does not stop the payment counting; the booking decides.
      if (!['open', 'expired', 'failed'].includes(payment.status)) return unchanged;
      const matches = event.amount === payment.amount && event.currency === payment.currency;
      return {
        outcome: matches ? 'paid' : 'mismatched',
        next: {
          ...payment,
          status: matches ? 'paid' : 'mismatched',
          paymentId: event.paymentId,
          paidAmount: event.amount,
          paidCurrency: event.currency,
          paidAt: at,
          // Money that is not what the booking costs is given back at once (PAY7).
          refundDueAt: matches ? null : at,
          updatedAt: at,
        },
      };
    }
    case 'expired':
    case 'failed':
      // An expiry after the payment (events out of order) changes nothing.
      if (payment.status !== 'open') return unchanged;
      return { outcome: 'released', next: { ...payment, status: event.kind, updatedAt: at } };
    case 'refunded':
      if (payment.status !== 'refunding' && !refundableStatuses.includes(payment.status)) return unchanged;
      return {
        outcome: 'refunded',
        next: {
          ...payment,
          status: 'refunded',
          refundDueAt: null,
          refundId: payment.refundId ?? event.refundId,
          refundAmount: payment.refundAmount ?? event.amount,
          refundedAt: at,
          updatedAt: at,
        },
      };
  }
}

/**
 * What a fulfilment does to its booking (PAY3), as a compare-and-swap from `awaiting_payment`:
 * paid confirms it; expired or failed lets its slot go.
 */
export function bookingChangeOf(fulfilment: Fulfilment, event: PaymentEvent, at: number): BookingTransition | null {
  const { outcome, payment } = fulfilment;
  if (payment === null || (outcome !== 'paid' && outcome !== 'released')) return null;
  return {
    bookingId: payment.bookingId,
    from: 'awaiting_payment',
    to: outcome === 'paid' ? 'confirmed' : 'expired',
    actor: { kind: 'relay' },
    at,
    reason: outcome === 'paid' ? null : event.kind === 'failed' ? 'payment failed' : 'checkout expired',
  };
}

/** A paid checkout whose booking no longer waits for it (PAY3): `late`, owing a refund now; otherwise null. */
export function lateOf(payment: PaymentRecord, at: number): PaymentRecord | null {
  return payment.status === 'paid' ? { ...payment, status: 'late', refundDueAt: at, updatedAt: at } : null;
}

/** A paid checkout owing a refund from `at` (PAY7); null unless paid, or when one is owed already. */
export function owedOf(payment: PaymentRecord, at: number): PaymentRecord | null {
  if (payment.status !== 'paid' || payment.refundDueAt !== null) return null;
  return { ...payment, refundDueAt: at, updatedAt: at };
}

/** A refund owed whose asking failed, asked again at `dueAt` (PAY7); null when none is owed any more. */
export function deferredOf(payment: PaymentRecord, dueAt: number): PaymentRecord | null {
  if (payment.refundDueAt === null || !refundableStatuses.includes(payment.status)) return null;
  return { ...payment, refundDueAt: dueAt, refundAttempts: payment.refundAttempts + 1 };
}

/** Whether a checkout owes a refund due by `at` (PAY7). */
export function refundDueBy(payment: PaymentRecord, at: number): boolean {
  return payment.refundDueAt !== null && payment.refundDueAt <= at && refundableStatuses.includes(payment.status);
}

/** A paid, late or mismatched checkout with its refund asked for (PAY4, PAY7); otherwise null. */
export function refundingOf(payment: PaymentRecord, refund: RefundStarted): PaymentRecord | null {
  if (!refundableStatuses.includes(payment.status)) return null;
  return {
    ...payment,
    status: 'refunding',
    refundDueAt: null,
    refundId: refund.refundId,
    refundAmount: refund.amount,
    refundRequestedAt: refund.at,
    updatedAt: refund.at,
  };
}
