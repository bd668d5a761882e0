/** The providers the relay takes payment through. */
export const paymentProviderNames = ['stripe', 'razorpay'] as const;
export type PaymentProviderName = (typeof paymentProviderNames)[number];

/**
 * What a provider's webhook event means for Tally, read from the provider's own shape (PAY3):
 * a checkout paid, expired or failed, or a payment refunded.
 */
export type PaymentEventKind = 'paid' | 'expired' | 'failed' | 'refunded';

export interface PaymentEvent {
  readonly provider: PaymentProviderName;
  /** The provider's id of the event: stored with its effect, so a redelivery changes nothing (PAY3). */
  readonly eventId: string;
  readonly kind: PaymentEventKind;
  /** The Checkout Session or order the event is about; null for a refund, found by its payment. */
  readonly checkoutId: string | null;
  /** The PaymentIntent or Razorpay payment id; null when the provider has none yet (an expiry). */
  readonly paymentId: string | null;
  /** Minor units and the upper-case ISO 4217 code, as the provider reports them; null when it reports none. */
  readonly amount: number | null;
  readonly currency: string | null;
  readonly refundId: string | null;
}
