import type { PaymentRecord } from '../storage/payments/payment-store.js';
import type { Publication } from './live-events.js';

/**
 * `payment.updated` `{bookingId, checkoutId, status}` for the checkout's client and advisor, each time
 * its status changes (paid, refunding, refunded…): the booking's payments are then asked again. A
 * checkout reaches each status once at most, so its id and the status name the event (E3, E12).
 */
export function paymentPublication(payment: PaymentRecord): Publication {
  return {
    to: [payment.clientId, payment.advisorId],
    type: 'payment.updated',
    data: { bookingId: payment.bookingId, checkoutId: payment.checkoutId, status: payment.status },
    dedupeKey: `payment:${payment.provider}:${payment.checkoutId}:${payment.status}`,
  };
}
