import type { PaymentEvent, PaymentProviderName } from '../../payments/payment-event.js';
import { openedPayment } from './payment-rows.js';
import {
  decideFulfilment,
  deferredOf,
  type Fulfilment,
  lateOf,
  type NewCheckout,
  owedOf,
  type PaymentRecord,
  type PaymentStore,
  type RefundStarted,
  refundDueBy,
  refundingOf,
} from './payment-store.js';

/** The payment store of a process: for fast tests. Each call runs to its end before another starts. */
export class MemoryPaymentStore implements PaymentStore {
  private readonly payments: PaymentRecord[] = [];
  private readonly events = new Set<string>();

  async openCheckout(checkout: NewCheckout): Promise<void> {
    if (this.find(checkout.provider, checkout.checkoutId) !== undefined) return;
    this.payments.push(openedPayment(checkout));
  }

  async checkoutsOf(bookingId: string): Promise<readonly PaymentRecord[]> {
    return this.payments.filter((payment) => payment.bookingId === bookingId).sort((a, b) => a.attempt - b.attempt);
  }

  async fulfil(event: PaymentEvent, at: number): Promise<Fulfilment> {
    return this.fulfilNow(event, at);
  }

  /** `fulfil` without a pause, so `MemoryStorage` can add the booking's change before anything else runs. */
  fulfilNow(event: PaymentEvent, at: number): Fulfilment {
    const key = `${event.provider}/${event.eventId}`;
    if (this.events.has(key)) return { outcome: 'duplicate', payment: null };
    this.events.add(key);
    const payment = this.payments.find((candidate) =>
      candidate.provider !== event.provider
        ? false
        : event.checkoutId !== null
          ? candidate.checkoutId === event.checkoutId
          : event.paymentId !== null && candidate.paymentId === event.paymentId,
    );
    if (payment === undefined) return { outcome: 'unknown', payment: null };
    const { outcome, next } = decideFulfilment(payment, event, at);
    this.replace(next);
    return { outcome, payment: next };
  }

  async markLate(provider: PaymentProviderName, checkoutId: string, at: number): Promise<void> {
    this.markLateNow(provider, checkoutId, at);
  }

  markLateNow(provider: PaymentProviderName, checkoutId: string, at: number): PaymentRecord | null {
    const payment = this.find(provider, checkoutId);
    const late = payment === undefined ? null : lateOf(payment, at);
    if (late !== null) this.replace(late);
    return late;
  }

  async oweRefund(provider: PaymentProviderName, checkoutId: string, at: number): Promise<PaymentRecord | null> {
    const payment = this.find(provider, checkoutId);
    const owed = payment === undefined ? null : owedOf(payment, at);
    if (owed !== null) this.replace(owed);
    return owed;
  }

  async deferRefund(provider: PaymentProviderName, checkoutId: string, dueAt: number): Promise<void> {
    const payment = this.find(provider, checkoutId);
    const deferred = payment === undefined ? null : deferredOf(payment, dueAt);
    if (deferred !== null) this.replace(deferred);
  }

  async refundsDue(at: number, limit: number): Promise<readonly PaymentRecord[]> {
    return this.payments
      .filter((payment) => refundDueBy(payment, at))
      .sort((a, b) => (a.refundDueAt ?? 0) - (b.refundDueAt ?? 0))
      .slice(0, limit);
  }

  async startRefund(provider: PaymentProviderName, checkoutId: string, refund: RefundStarted): Promise<boolean> {
    const payment = this.find(provider, checkoutId);
    const refunding = payment === undefined ? null : refundingOf(payment, refund);
    if (refunding === null) return false;
    this.replace(refunding);
    return true;
  }

  async historyOf(userId: string, limit: number): Promise<readonly PaymentRecord[]> {
    return this.payments
      .filter((payment) => payment.clientId === userId || payment.advisorId === userId)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit);
  }

  private find(provider: PaymentProviderName, checkoutId: string): PaymentRecord | undefined {
    return this.payments.find((payment) => payment.provider === provider && payment.checkoutId === checkoutId);
  }

  private replace(next: PaymentRecord): void {
    const index = this.payments.findIndex(
      (payment) => payment.provider === next.provider && payment.checkoutId === next.checkoutId,
    );
    this.payments[index] = next;
  }
}
