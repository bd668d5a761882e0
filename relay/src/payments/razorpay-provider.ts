import { createHmac, timingSafeEqual } from 'node:crypto';
import Razorpay from 'razorpay';
import type { PaymentEvent } from './payment-event.js';
import {
  type CheckoutRequest,
  type CheckoutStart,
  headerValue,
  type PaymentProvider,
  type RefundRequest,
  type WebhookReading,
} from './payment-provider.js';

export interface RazorpayProviderOptions {
  readonly keyId: string;
  readonly keySecret: string;
  readonly webhookSecret: string;
  /** Another host for the API (a local stand-in in tests); null for Razorpay's own. */
  readonly apiUrl: string | null;
}

/** Payments through Razorpay orders and its hosted checkout, with Razorpay's SDK (`razorpay`). */
export class RazorpayProvider implements PaymentProvider {
  readonly name = 'razorpay';
  readonly publicKeyId: string;
  private readonly razorpay: Razorpay;

  constructor(private readonly options: RazorpayProviderOptions) {
    this.publicKeyId = options.keyId;
    this.razorpay = new Razorpay({ key_id: options.keyId, key_secret: options.keySecret });
    if (options.apiUrl !== null) pointAt(this.razorpay, options.apiUrl);
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutStart> {
    const { bookingId, amount, currency } = request;
    const order = await this.razorpay.orders.create({
      amount,
      currency,
      receipt: bookingId,
      notes: { bookingId },
    });
    return { provider: 'razorpay', checkoutId: order.id, keyId: this.options.keyId, amount, currency };
  }

  async refund(request: RefundRequest): Promise<{ readonly refundId: string }> {
    const refund = await this.razorpay.payments.refund(request.paymentId, {
      amount: request.amount,
      notes: { bookingId: request.bookingId },
    });
    return { refundId: refund.id };
  }

  readWebhook(rawBody: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): WebhookReading {
    const signature = headerValue(headers, 'x-razorpay-signature');
    if (signature === undefined) return { ok: false, reason: 'no X-Razorpay-Signature header' };
    if (!signatureMatches(rawBody, signature, this.options.webhookSecret)) {
      return { ok: false, reason: 'the X-Razorpay-Signature does not match the body' };
    }
    const eventId = headerValue(headers, 'x-razorpay-event-id');
    if (eventId === undefined || eventId === '') return { ok: false, reason: 'no X-Razorpay-Event-Id header' };
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return { ok: false, reason: 'the body is not JSON' };
    }
    return { ok: true, event: paymentEventOf(eventId, body) };
  }
}

/** HMAC-SHA256 of the raw body with the webhook secret, compared in constant time (PAY3). */
export function signatureMatches(rawBody: Buffer, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The SDK always calls Razorpay's own host; its HTTP client is pointed at `RAZORPAY_API_URL`
 * instead, and a version of the SDK without that client stops the relay rather than pay the real one.
 */
function pointAt(razorpay: Razorpay, apiUrl: string): void {
  const api: unknown = razorpay.api;
  if (!hasHttpClient(api)) throw new Error('this razorpay SDK cannot be pointed at RAZORPAY_API_URL');
  api.rq.defaults.baseURL = apiUrl;
}

function hasHttpClient(api: unknown): api is { rq: { defaults: { baseURL?: string } } } {
  if (typeof api !== 'object' || api === null || !('rq' in api)) return false;
  const { rq } = api;
  return typeof rq === 'function' && 'defaults' in rq && typeof rq.defaults === 'object' && rq.defaults !== null;
}

/** The entity of one kind in a Razorpay event's payload (`payload.payment.entity`), as an object. */
function entity(body: unknown, kind: string): Readonly<Record<string, unknown>> | null {
  const payload = field(body, 'payload');
  const found = field(field(payload, kind), 'entity');
  return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : null;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const minor = (value: unknown): number | null => (Number.isSafeInteger(value) ? (value as number) : null);

/** The events Tally listens to; every other type is answered 200 and ignored. */
function paymentEventOf(eventId: string, body: unknown): PaymentEvent | null {
  const base = { provider: 'razorpay', eventId, refundId: null } as const;
  const payment = entity(body, 'payment');
  switch (field(body, 'event')) {
    case 'payment.captured':
    case 'payment.failed':
      if (payment === null) return null;
      return {
        ...base,
        kind: field(body, 'event') === 'payment.captured' ? 'paid' : 'failed',
        checkoutId: text(payment.order_id),
        paymentId: text(payment.id),
        amount: minor(payment.amount),
        currency: text(payment.currency)?.toUpperCase() ?? null,
      };
    case 'order.paid': {
      const order = entity(body, 'order');
      if (order === null) return null;
      return {
        ...base,
        kind: 'paid',
        checkoutId: text(order.id),
        paymentId: text(payment?.id),
        amount: minor(order.amount_paid),
        currency: text(order.currency)?.toUpperCase() ?? null,
      };
    }
    case 'refund.processed': {
      const refund = entity(body, 'refund');
      if (refund === null) return null;
      return {
        ...base,
        kind: 'refunded',
        checkoutId: null,
        paymentId: text(refund.payment_id),
        amount: minor(refund.amount),
        currency: text(refund.currency)?.toUpperCase() ?? null,
        refundId: text(refund.id),
      };
    }
    default:
      return null;
  }
}
