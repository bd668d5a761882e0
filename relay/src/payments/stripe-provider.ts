import Stripe from 'stripe';
import type { PaymentEvent } from './payment-event.js';
import {
  type CheckoutRequest,
  type CheckoutStart,
  headerValue,
  type PaymentProvider,
  type RefundRequest,
  type WebhookReading,
} from './payment-provider.js';

/** Stripe signs a webhook with its time; an older one is refused (PAY3), Stripe's own default. */
export const stripeToleranceSeconds = 300;

/** Stripe refuses a Checkout Session that expires sooner than this after it is made. */
const shortestSessionMs = 30 * 60 * 1000 + 60 * 1000;

export interface StripeProviderOptions {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Another host for the API (a local stand-in in tests); null for Stripe's own. */
  readonly apiUrl: string | null;
}

/** Payments through Stripe Checkout, with Stripe's SDK (`stripe`). */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe';
  readonly publicKeyId = null;
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeProviderOptions) {
    this.stripe = new Stripe(options.secretKey, { ...apiAddress(options.apiUrl), maxNetworkRetries: 2 });
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutStart> {
    const { bookingId, attempt, amount, currency, holdEndsAt, heldSince, returnUrl } = request;
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: currency.toLowerCase(),
              unit_amount: amount,
              product_data: { name: 'Tally advisor session' },
            },
          },
        ],
        client_reference_id: bookingId,
        metadata: { bookingId },
        payment_intent_data: { metadata: { bookingId } },
        // Stripe refuses a session shorter than 30 minutes; one that outlives the hold and is paid
        // late is refunded (PAY3). Worked out from the hold alone, so a retry sends the same request.
        expires_at: Math.ceil(Math.max(holdEndsAt, heldSince + shortestSessionMs) / 1000),
        success_url: returnUrl,
        cancel_url: returnUrl,
      },
      // A retried request for the same attempt gets the same session back, never a second one (PAY2).
      { idempotencyKey: `tally-checkout-${bookingId}-${attempt}` },
    );
    if (session.url === null) throw new Error(`Stripe made checkout session ${session.id} without a URL`);
    return { provider: 'stripe', checkoutId: session.id, url: session.url };
  }

  async refund(request: RefundRequest): Promise<{ readonly refundId: string }> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: request.paymentId, amount: request.amount, metadata: { bookingId: request.bookingId } },
      { idempotencyKey: `tally-refund-${request.bookingId}-${request.paymentId}` },
    );
    return { refundId: refund.id };
  }

  readWebhook(
    rawBody: Buffer,
    headers: Readonly<Record<string, string | string[] | undefined>>,
    receivedAt: number,
  ): WebhookReading {
    const signature = headerValue(headers, 'stripe-signature');
    if (signature === undefined) return { ok: false, reason: 'no Stripe-Signature header' };
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.options.webhookSecret,
        stripeToleranceSeconds,
        undefined,
        receivedAt,
      );
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    return { ok: true, event: paymentEventOf(event) };
  }
}

function apiAddress(apiUrl: string | null): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (apiUrl === null) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname,
    port: url.port === '' ? (protocol === 'http' ? 80 : 443) : Number(url.port),
    protocol,
  };
}

/** The events Tally listens to; every other type is answered 200 and ignored. */
function paymentEventOf(event: Stripe.Event): PaymentEvent | null {
  const base = { provider: 'stripe', eventId: event.id, refundId: null } as const;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      // A delayed method (a bank debit) completes the session unpaid; its success comes as its own event.
      if (session.payment_status !== 'paid') return null;
      return {
        ...base,
        kind: 'paid',
        checkoutId: session.id,
        paymentId: idOf(session.payment_intent),
        amount: session.amount_total,
        currency: session.currency?.toUpperCase() ?? null,
      };
    }
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_failed': {
      const session = event.data.object;
      return {
        ...base,
        kind: event.type === 'checkout.session.expired' ? 'expired' : 'failed',
        checkoutId: session.id,
        paymentId: idOf(session.payment_intent),
        amount: session.amount_total,
        currency: session.currency?.toUpperCase() ?? null,
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      return {
        ...base,
        kind: 'refunded',
        checkoutId: null,
        paymentId: idOf(charge.payment_intent),
        amount: charge.amount_refunded,
        currency: charge.currency.toUpperCase(),
        refundId: charge.refunds?.data[0]?.id ?? null,
      };
    }
    default:
      return null;
  }
}

function idOf(value: string | { readonly id: string } | null): string | null {
  return value === null || typeof value === 'string' ? value : value.id;
}
