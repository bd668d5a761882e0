import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderStandIn } from '../testing/provider-stand-in.js';
import { startRazorpayStandIn } from '../testing/razorpay-stand-in.js';
import { RazorpayProvider } from './razorpay-provider.js';

// Razorpay's API here is a local stand-in (testing/razorpay-stand-in.ts) at RAZORPAY_API_URL, never Razorpay.
const webhookSecret = 'tally-razorpay-webhook';

function captured(): string {
  return JSON.stringify({
    entity: 'event',
    event: 'payment.captured',
    contains: ['payment'],
    payload: {
      payment: {
        entity: {
          id: 'pay_1',
          entity: 'payment',
          amount: 150000,
          currency: 'INR',
          order_id: 'order_1',
          status: 'captured',
        },
      },
    },
  });
}

function signed(body: string, eventId = 'evt_rzp_1'): Record<string, string> {
  return {
    'x-razorpay-signature': createHmac('sha256', webhookSecret).update(body).digest('hex'),
    'x-razorpay-event-id': eventId,
  };
}

describe('Razorpay, through its SDK', () => {
  let api: ProviderStandIn;
  let razorpay: RazorpayProvider;

  beforeEach(async () => {
    api = await startRazorpayStandIn();
    razorpay = new RazorpayProvider({
      keyId: 'rzp_test_tally000',
      keySecret: 'tally-key-secret-0000',
      webhookSecret,
      apiUrl: api.url,
    });
  });
  afterEach(() => api.stop());

  it('[PAY2] an order carries the booking’s amount, currency and id, and the app gets the key id to open it', async () => {
    const start = await razorpay.createCheckout({
      bookingId: 'booking-1',
      attempt: 1,
      amount: 150000,
      currency: 'INR',
      holdEndsAt: 0,
      heldSince: 0,
      returnUrl: 'https://tally.example/bookings/booking-1',
    });
    expect(start).toEqual({
      provider: 'razorpay',
      checkoutId: expect.stringMatching(/^order_/),
      keyId: 'rzp_test_tally000',
      amount: 150000,
      currency: 'INR',
    });
    const [sent] = api.requestsTo('POST', '/v1/orders');
    expect(sent?.body).toEqual({
      amount: 150000,
      currency: 'INR',
      receipt: 'booking-1',
      notes: { bookingId: 'booking-1' },
    });
    expect(sent?.headers.authorization).toBe(
      `Basic ${Buffer.from('rzp_test_tally000:tally-key-secret-0000').toString('base64')}`,
    );
  });

  it('[PAY4] a refund asks Razorpay for the whole payment', async () => {
    expect(await razorpay.refund({ bookingId: 'booking-1', paymentId: 'pay_1', amount: 150000 })).toEqual({
      refundId: expect.stringMatching(/^rfnd_/),
    });
    expect(api.requestsTo('POST', '/v1/payments/pay_1/refund')[0]?.body).toEqual({
      amount: 150000,
      notes: { bookingId: 'booking-1' },
    });
  });

  it('[PAY3] reads a payment.captured signed with an HMAC of the raw body as paid', () => {
    const body = captured();
    expect(razorpay.readWebhook(Buffer.from(body), signed(body))).toEqual({
      ok: true,
      event: {
        provider: 'razorpay',
        eventId: 'evt_rzp_1',
        kind: 'paid',
        checkoutId: 'order_1',
        paymentId: 'pay_1',
        amount: 150000,
        currency: 'INR',
        refundId: null,
      },
    });
  });

  it('[PAY3] refuses a wrong signature, one over another body, and a missing event id', () => {
    const body = captured();
    const wrong = createHmac('sha256', 'someone-else').update(body).digest('hex');
    expect(razorpay.readWebhook(Buffer.from(body), { ...signed(body), 'x-razorpay-signature': wrong }).ok).toBe(false);
    expect(razorpay.readWebhook(Buffer.from(`${body} `), signed(body)).ok).toBe(false);
    expect(razorpay.readWebhook(Buffer.from(body), { ...signed(body), 'x-razorpay-signature': 'abc' }).ok).toBe(false);
    expect(
      razorpay.readWebhook(Buffer.from(body), { 'x-razorpay-signature': signed(body)['x-razorpay-signature'] ?? '' })
        .ok,
    ).toBe(false);
  });
});
