import type { PaymentProviderName } from '../payments/payment-event.js';
import type { RelayApp, RelayContext } from '../relay-context.js';
import { paymentStatuses } from '../storage/payments/payment-store.js';
import { authenticate, bearerToken } from './authenticate.js';
import { errorReplySchema, RelayError } from './error-catalogue.js';

const bookingParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
} as const;

const checkoutReply = {
  type: 'object',
  additionalProperties: false,
  required: ['provider', 'checkoutId'],
  properties: {
    provider: { type: 'string', enum: ['stripe', 'razorpay'] },
    checkoutId: { type: 'string' },
    /** Stripe: the hosted checkout page to send the person to. */
    url: { type: 'string' },
    /** Razorpay: what the app opens its checkout with. */
    keyId: { type: 'string' },
    amount: { type: 'integer' },
    currency: { type: 'string' },
  },
} as const;

const nullableInstant = { type: ['string', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const nullableText = { type: ['string', 'null'] } as const;

const paymentReply = {
  type: 'object',
  additionalProperties: false,
  required: [
    'bookingId',
    'provider',
    'checkoutId',
    'status',
    'amount',
    'currency',
    'paymentId',
    'paidAmount',
    'paidCurrency',
    'createdAt',
    'paidAt',
    'refundId',
    'refundAmount',
    'refundedAt',
  ],
  properties: {
    bookingId: { type: 'string' },
    provider: { type: 'string' },
    checkoutId: { type: 'string' },
    status: { type: 'string', enum: paymentStatuses },
    amount: { type: 'integer' },
    currency: { type: 'string' },
    paymentId: nullableText,
    paidAmount: nullableInteger,
    paidCurrency: nullableText,
    createdAt: { type: 'string' },
    paidAt: nullableInstant,
    refundId: nullableText,
    refundAmount: nullableInteger,
    refundedAt: nullableInstant,
  },
} as const;

const historyReply = {
  type: 'object',
  additionalProperties: false,
  required: ['payments'],
  properties: { payments: { type: 'array', items: paymentReply } },
} as const;

const receivedReply = {
  type: 'object',
  additionalProperties: false,
  required: ['received'],
  properties: { received: { type: 'boolean' } },
} as const;

const termsReply = {
  type: 'object',
  additionalProperties: false,
  required: ['provider', 'razorpayKeyId', 'refundNoticeHours'],
  properties: {
    provider: { type: 'string', enum: ['none', 'stripe', 'razorpay'] },
    razorpayKeyId: { type: ['string', 'null'] },
    refundNoticeHours: { type: 'integer' },
  },
} as const;

const refusals = { '4xx': errorReplySchema, '5xx': errorReplySchema } as const;

/** A provider's event is a few kilobytes; this leaves room without taking unbounded bodies. */
const webhookBodyLimit = 256 * 1024;

const instant = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Which provider takes payment (PAY6), checkout for a booking waiting for payment (PAY2), the providers' webhooks (PAY3) and the
 * payment history of an account (PAY4).
 */
export function registerPaymentRoutes(app: RelayApp, context: RelayContext): void {
  // Public, like the push key: it names the provider and its public key id, nothing of anyone's (PAY6).
  app.get('/api/payments/provider', { schema: { response: { 200: termsReply, ...refusals } } }, async () =>
    context.payments.terms(),
  );

  app.post(
    '/api/bookings/:id/checkout',
    { schema: { params: bookingParams, response: { 200: checkoutReply, ...refusals } } },
    async (request) => {
      const claims = await authenticate(context, bearerToken(request));
      return context.payments.checkout(request.params.id, claims.userId);
    },
  );

  app.get('/api/payments', { schema: { response: { 200: historyReply, ...refusals } } }, async (request) => {
    const claims = await authenticate(context, bearerToken(request));
    const payments = await context.payments.historyOf(claims.userId);
    return {
      payments: payments.map((payment) => ({
        bookingId: payment.bookingId,
        provider: payment.provider,
        checkoutId: payment.checkoutId,
        status: payment.status,
        amount: payment.amount,
        currency: payment.currency,
        paymentId: payment.paymentId,
        paidAmount: payment.paidAmount,
        paidCurrency: payment.paidCurrency,
        createdAt: new Date(payment.createdAt).toISOString(),
        paidAt: instant(payment.paidAt),
        refundId: payment.refundId,
        refundAmount: payment.refundAmount,
        refundedAt: instant(payment.refundedAt),
      })),
    };
  });

  // Signatures are over the exact bytes sent, so these routes take the body unparsed (PAY3).
  void app.register(async (webhooks) => {
    webhooks.removeAllContentTypeParsers();
    webhooks.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: webhookBodyLimit }, (_request, body, done) =>
      done(null, body),
    );
    for (const provider of ['stripe', 'razorpay'] as const satisfies readonly PaymentProviderName[]) {
      webhooks.post(
        `/api/payments/${provider}/webhook`,
        { bodyLimit: webhookBodyLimit, schema: { response: { 200: receivedReply, ...refusals } } },
        async (request) => {
          const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const result = await context.payments.webhook(provider, body, request.headers);
          if (result === 'refused') throw new RelayError('signature_invalid');
          return { received: true };
        },
      );
    }
  });
}
