import type { PaymentEvent, PaymentProviderName } from './payment-event.js';

/** What a checkout is made for: one attempt at paying for one booking. */
export interface CheckoutRequest {
  readonly bookingId: string;
  /** Counts the booking's checkouts from 1: with the booking id, the idempotency key (PAY2). */
  readonly attempt: number;
  readonly amount: number;
  readonly currency: string;
  /** When the booking's hold ends: the checkout expires then (PAY2). */
  readonly holdEndsAt: number;
  /** When the booking began waiting for payment: the same for every retry of an attempt. */
  readonly heldSince: number;
  /** Where the provider sends the person back; the page shows the booking's real status (PAY2). */
  readonly returnUrl: string;
}

/** What the app needs to send the person to pay. */
export type CheckoutStart =
  | { readonly provider: 'stripe'; readonly checkoutId: string; readonly url: string }
  | {
      readonly provider: 'razorpay';
      readonly checkoutId: string;
      readonly keyId: string;
      readonly amount: number;
      readonly currency: string;
    };

export interface RefundRequest {
  readonly bookingId: string;
  readonly paymentId: string;
  readonly amount: number;
}

/** A webhook's body and headers read: refused (bad signature or too old), or an event or one Tally ignores. */
export type WebhookReading =
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: true; readonly event: PaymentEvent | null };

/** One payment provider, through its official SDK. */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** The key id the provider's checkout script opens with in the browser (Razorpay); null when none is needed. */
  readonly publicKeyId: string | null;
  createCheckout(request: CheckoutRequest): Promise<CheckoutStart>;
  /** Asks for a full refund; the refund is recorded as done when its webhook arrives (PAY4). */
  refund(request: RefundRequest): Promise<{ readonly refundId: string }>;
  /** Verifies the signature over the raw body, at `receivedAt` (ms), and reads the event. */
  readWebhook(
    rawBody: Buffer,
    headers: Readonly<Record<string, string | string[] | undefined>>,
    receivedAt: number,
  ): WebhookReading;
}

export function headerValue(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
