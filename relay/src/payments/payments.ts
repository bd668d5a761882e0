import { formatMoney, money } from '@tally/schema';
import type { Bookings } from '../advisors/bookings.js';
import { type FailureReporting, reportFailure } from '../failures.js';
import { RelayError } from '../http/error-catalogue.js';
import type { RelayMetrics } from '../metrics.js';
import type { Notifier } from '../push/notifier.js';
import { type PaymentNotice, paymentMessage } from '../push/push-messages.js';
import type { BookingEvent, NewBooking } from '../storage/advisors/advisors.js';
import type { PaymentFulfilment, PaymentRecord } from '../storage/payments/payment-store.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import type { PaymentProviderName } from './payment-event.js';
import type { CheckoutStart, PaymentProvider } from './payment-provider.js';
import { clientRefundNoticeMs, refundDue } from './refund-policy.js';

export interface PaymentsOptions {
  readonly storage: RelayStorage;
  /** Null when `PAYMENT_PROVIDER` is `none`. */
  readonly provider: PaymentProvider | null;
  readonly bookings: Bookings;
  /** Tells the client of a payment received, a refund issued or a payment failed (PAY4). */
  readonly notifier: Notifier;
  /** Where the provider sends the person back: the app's booking screen, which shows its real status. */
  readonly publicUrl: string | null;
  readonly now: () => number;
  readonly metrics: RelayMetrics;
  readonly reporting: FailureReporting;
}

/**
 * What the app needs before anyone pays (PAY6): the relay's provider (`none` when priced sessions
 * cannot be booked), Razorpay's public key id for its checkout, and how long before a session a
 * client may cancel and still be refunded.
 */
export interface PaymentTerms {
  readonly provider: PaymentProviderName | 'none';
  readonly razorpayKeyId: string | null;
  readonly refundNoticeHours: number;
}

/**
 * Asking the provider for a refund owed is retried after a failure (PAY7): a minute, then twice as
 * long each time, at most six hours apart, until it is asked.
 */
export const refundRetry = { firstMs: 60_000, longestMs: 6 * 3_600_000, sweepEveryMs: 30_000 } as const;

/**
 * How far back the start-up check looks for cancelled paid sessions whose refund was never marked
 * owed: the relay stopped between the booking's change and the mark (PAY7).
 */
export const unmarkedRefundLookbackMs = 30 * 24 * 3_600_000;

/** When a refund whose asking has failed `failures` times is asked again, from `at`. */
export function refundRetryAt(failures: number, at: number): number {
  return at + Math.min(refundRetry.firstMs * 2 ** Math.max(0, failures - 1), refundRetry.longestMs);
}

/** Told of a checkout whose status changed, once it is stored (E12). */
export type PaymentListener = (payment: PaymentRecord) => void;

/** What a webhook delivery did, for its reply: refused (400) or taken (200). */
export type WebhookResult = 'refused' | 'taken';

/**
 * Priced sessions paid through the chosen provider (PAY2–PAY4): checkouts for bookings waiting
 * for payment, webhook events fulfilled once each, and full refunds when the rules give one.
 */
export class Payments {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly listeners = new Set<PaymentListener>();
  private timer: NodeJS.Timeout | undefined;
  private retrying: Promise<void> | null = null;

  constructor(private readonly options: PaymentsOptions) {
    options.bookings.onChange((booking, event) => {
      if (
        event.from === 'confirmed' &&
        event.to === 'cancelled' &&
        refundDue(event.actor.kind, booking.start, event.at)
      ) {
        this.track(this.refundBooking(booking.id, event.at));
      }
    });
  }

  /** Adds a listener of checkouts whose status changed (E12); returns what removes it. */
  onChange(listener: PaymentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Marks owed the refunds a stop left unmarked, then asks again, every half minute, for the
   * refunds owed whose asking failed (PAY7).
   */
  start(): void {
    this.timer = setInterval(() => this.track(this.retryRefunds()), refundRetry.sweepEveryMs);
    this.timer.unref();
    this.track(this.markUnmarkedRefunds().then(() => this.retryRefunds()));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * Asks the provider for each refund owed and due now (PAY7): one left from before a restart, or
   * one whose asking failed and whose wait is over. One sweep at a time.
   */
  retryRefunds(): Promise<void> {
    this.retrying ??= this.retryDue().finally(() => {
      this.retrying = null;
    });
    return this.retrying;
  }

  /** Which provider takes payment on this relay, and the refund policy shown before paying (PAY6). */
  terms(): PaymentTerms {
    const { provider } = this.options;
    return {
      provider: provider?.name ?? 'none',
      razorpayKeyId: provider?.publicKeyId ?? null,
      refundNoticeHours: clientRefundNoticeMs / 3_600_000,
    };
  }

  /** Refuses a request for a priced session on a relay that takes no payments (PAY6): nothing is held. */
  requirePaymentsFor(price: NewBooking['price']): void {
    if (price !== null && this.options.provider === null) throw new RelayError('payments_off');
  }

  /**
   * Starts paying for the client's booking (PAY2): `not_found` unless it is theirs, `invalid_transition`
   * unless it waits for payment, `payments_off` with no provider. A retry while the checkout is open
   * gets the same checkout: the same attempt, so the same idempotency key.
   */
  async checkout(bookingId: string, userId: string): Promise<CheckoutStart> {
    const { storage, provider, now } = this.options;
    const booking = await storage.advisors.findBooking(bookingId);
    if (booking === null || booking.clientId !== userId) throw new RelayError('not_found');
    if (provider === null) throw new RelayError('payments_off');
    if (booking.status !== 'awaiting_payment' || booking.price === null || booking.paymentDueAt === null) {
      throw new RelayError('invalid_transition');
    }
    if (booking.paymentDueAt <= now()) throw new RelayError('invalid_transition');
    const checkouts = await storage.payments.checkoutsOf(bookingId);
    const open = checkouts.find((checkout) => checkout.status === 'open' && checkout.provider === provider.name);
    const attempt = open?.attempt ?? checkouts.length + 1;
    const start = await provider.createCheckout({
      bookingId,
      attempt,
      amount: booking.price.amountMinor,
      currency: booking.price.currency,
      holdEndsAt: booking.paymentDueAt,
      heldSince: booking.updatedAt,
      returnUrl: `${this.options.publicUrl ?? ''}/#/bookings?id=${encodeURIComponent(bookingId)}`,
    });
    await storage.payments.openCheckout({
      provider: provider.name,
      checkoutId: start.checkoutId,
      bookingId,
      attempt,
      clientId: booking.clientId,
      advisorId: booking.advisorId,
      amount: booking.price.amountMinor,
      currency: booking.price.currency,
      createdAt: now(),
      url: start.provider === 'stripe' ? start.url : null,
    });
    return start;
  }

  /**
   * A webhook delivery (PAY3): refused unless its signature holds for the relay's provider;
   * otherwise its event is fulfilled once, and what follows (the booking's listeners, a refund of
   * money that came too late) happens after it is stored.
   */
  async webhook(
    name: PaymentProviderName,
    rawBody: Buffer,
    headers: Readonly<Record<string, string | string[] | undefined>>,
  ): Promise<WebhookResult> {
    const { provider, storage, metrics, now } = this.options;
    if (provider === null || provider.name !== name) throw new RelayError('not_found');
    const at = now();
    const reading = provider.readWebhook(rawBody, headers, at);
    if (!reading.ok) {
      metrics.webhookSignaturesRefused++;
      return 'refused';
    }
    if (reading.event === null) return 'taken';
    const fulfilment = await storage.fulfilPayment(reading.event, at);
    this.count(fulfilment);
    await this.follow(fulfilment, at);
    return 'taken';
  }

  /** The client's and the advisor's payments, newest first (PAY4). */
  historyOf(userId: string): Promise<readonly PaymentRecord[]> {
    return this.options.storage.payments.historyOf(userId, 200);
  }

  /** Waits for refunds asked in the background (tests, and closing the relay). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private count(fulfilment: PaymentFulfilment): void {
    const { metrics } = this.options;
    if (fulfilment.outcome === 'paid' || fulfilment.outcome === 'late') metrics.paymentsReceived++;
    if (fulfilment.outcome === 'mismatched') metrics.paymentsMismatched++;
    if (fulfilment.outcome === 'refunded') metrics.refundsRecorded++;
  }

  private async follow(fulfilment: PaymentFulfilment, at: number): Promise<void> {
    const { booking, payment, outcome } = fulfilment;
    if (payment !== null && changedStatus(outcome)) this.changed(payment);
    if (booking !== null) {
      const event: BookingEvent = {
        bookingId: booking.id,
        from: 'awaiting_payment',
        to: booking.status,
        actor: { kind: 'relay' },
        at,
        reason: null,
      };
      await this.options.bookings.madeElsewhere(booking, event);
    }
    if ((outcome === 'late' || outcome === 'mismatched') && payment !== null) await this.refund(payment);
    const notice = payment === null ? null : noticeOf(outcome, payment);
    if (notice !== null && payment !== null) await this.tell(notice, payment);
  }

  /** Tells the client by the channels they chose for payments; a failure to is logged, not the webhook's. */
  private async tell(notice: PaymentNotice, payment: PaymentRecord): Promise<void> {
    const { storage, notifier } = this.options;
    try {
      const language = (await storage.mail.languageOf(payment.clientId)) ?? 'en';
      const minor = notice === 'refund-issued' ? (payment.refundAmount ?? payment.amount) : payment.amount;
      const amount = formatMoney(money(minor, payment.currency), language);
      await notifier.notify({
        userId: payment.clientId,
        kind: 'payments',
        dedupeKey: `${notice}:${payment.provider}:${payment.checkoutId}`,
        language,
        message: paymentMessage(language, notice, payment.bookingId, amount),
        mail: { kind: notice, values: { amount } },
      });
    } catch (error) {
      reportFailure(this.options.reporting, 'payments', error, { bookingId: payment.bookingId });
    }
  }

  /** Refunds the booking's paid checkout in full, once (PAY4): first stored as owed, so a restart still pays it back. */
  private async refundBooking(bookingId: string, at: number): Promise<void> {
    try {
      const owed = await this.oweRefundOf(bookingId, at);
      if (owed !== null) await this.refund(owed);
    } catch (error) {
      reportFailure(this.options.reporting, 'payments', error, { bookingId });
    }
  }

  /** Stores the booking's paid checkout as owing a refund; null when it has none paid, or owes one already. */
  private async oweRefundOf(bookingId: string, at: number): Promise<PaymentRecord | null> {
    const checkouts = await this.options.storage.payments.checkoutsOf(bookingId);
    const paid = checkouts.find((checkout) => checkout.status === 'paid');
    return paid === undefined ? null : this.options.storage.payments.oweRefund(paid.provider, paid.checkoutId, at);
  }

  /**
   * A refund is marked owed just after the cancellation is stored, so a relay stopped in between
   * leaves a cancelled paid session with none owed. Each such session of the last 30 days owes its
   * refund again; one already owed, asked or made is left alone (`oweRefund` marks a `paid` one only).
   */
  async markUnmarkedRefunds(): Promise<void> {
    const { storage, now } = this.options;
    try {
      for (const cancelled of await storage.advisors.cancellationsSince(now() - unmarkedRefundLookbackMs)) {
        const booking = await storage.advisors.findBooking(cancelled.bookingId);
        if (booking !== null && refundDue(cancelled.actor.kind, booking.start, cancelled.at)) {
          await this.oweRefundOf(booking.id, cancelled.at);
        }
      }
    } catch (error) {
      reportFailure(this.options.reporting, 'payments', error);
    }
  }

  private async retryDue(): Promise<void> {
    try {
      const due = await this.options.storage.payments.refundsDue(this.options.now(), 100);
      for (const payment of due) await this.refund(payment);
    } catch (error) {
      reportFailure(this.options.reporting, 'payments', error);
    }
  }

  /**
   * Asks the provider to give back what was paid (PAY4, PAY7). A failure is logged and the refund
   * stays owed, asked again later: the provider's idempotency key makes a repeat the same refund.
   */
  private async refund(payment: PaymentRecord): Promise<void> {
    const { provider, storage, now } = this.options;
    if (provider === null || provider.name !== payment.provider || payment.paymentId === null) return;
    try {
      const amount = payment.paidAmount ?? payment.amount;
      const { refundId } = await provider.refund({
        bookingId: payment.bookingId,
        paymentId: payment.paymentId,
        amount,
      });
      const started = await storage.payments.startRefund(payment.provider, payment.checkoutId, {
        refundId,
        amount,
        at: now(),
      });
      if (started) await this.changedCheckout(payment.bookingId, payment.checkoutId);
    } catch (error) {
      reportFailure(this.options.reporting, 'payments', error, {
        bookingId: payment.bookingId,
        checkoutId: payment.checkoutId,
      });
      const retryAt = refundRetryAt(payment.refundAttempts + 1, now());
      await storage.payments.deferRefund(payment.provider, payment.checkoutId, retryAt).catch((deferring) => {
        reportFailure(this.options.reporting, 'payments', deferring, { checkoutId: payment.checkoutId });
      });
    }
  }

  private changed(payment: PaymentRecord): void {
    for (const listener of this.listeners) listener(payment);
  }

  private async changedCheckout(bookingId: string, checkoutId: string): Promise<void> {
    const checkouts = await this.options.storage.payments.checkoutsOf(bookingId);
    const changed = checkouts.find((checkout) => checkout.checkoutId === checkoutId);
    if (changed !== undefined) this.changed(changed);
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}

/** Whether a webhook's outcome changed its checkout's status: nothing else is told (E12). */
function changedStatus(outcome: PaymentFulfilment['outcome']): boolean {
  return outcome !== 'duplicate' && outcome !== 'unknown' && outcome !== 'unchanged';
}

/** Which notice a fulfilment gives the client, if any (PAY4). */
function noticeOf(outcome: PaymentFulfilment['outcome'], payment: PaymentRecord): PaymentNotice | null {
  if (outcome === 'paid') return 'payment-received';
  if (outcome === 'refunded') return 'refund-issued';
  if (outcome === 'released' && payment.status === 'failed') return 'payment-failed';
  return null;
}
