import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/memory-storage.js';
import { bookingAwaitingPayment, type PaymentRelay, startPaymentRelay } from '../testing/payment-relay.js';
import type { ProviderStandIn } from '../testing/provider-stand-in.js';
import { startRazorpayStandIn } from '../testing/razorpay-stand-in.js';

// Razorpay's API is a local stand-in (testing/razorpay-stand-in.ts) at RAZORPAY_API_URL; webhooks
// are signed as Razorpay signs them, with an HMAC-SHA256 of the raw body.
const webhookSecret = 'tally-razorpay-webhook';

let api: ProviderStandIn;
let relay: PaymentRelay;
const clock = { now: Date.UTC(2026, 11, 3, 12, 0, 0) };

beforeEach(async () => {
  api = await startRazorpayStandIn();
  relay = await startPaymentRelay(
    new MemoryStorage(),
    {
      paymentProvider: 'razorpay',
      razorpayKeyId: 'rzp_test_tally000',
      razorpayKeySecret: 'tally-key-secret-0000',
      razorpayWebhookSecret: webhookSecret,
      razorpayApiUrl: api.url,
    },
    clock,
  );
  await bookingAwaitingPayment(relay, 'booking-1', { amountMinor: 150000, currency: 'INR' });
});
afterEach(async () => {
  await relay.app.close();
  await api.stop();
});

function deliver(eventId: string, body: unknown, secret = webhookSecret) {
  const payload = JSON.stringify(body);
  return relay.app.inject({
    method: 'POST',
    url: '/api/payments/razorpay/webhook',
    headers: {
      'content-type': 'application/json',
      'x-razorpay-event-id': eventId,
      'x-razorpay-signature': createHmac('sha256', secret).update(payload).digest('hex'),
    },
    payload,
  });
}

const payment = (orderId: string) => ({
  id: 'pay_1',
  entity: 'payment',
  amount: 150000,
  currency: 'INR',
  order_id: orderId,
  status: 'captured',
});

describe('[PAY2] [PAY3] Razorpay', () => {
  it('an order for the booking, then payment.captured and order.paid confirm it once', async () => {
    const start = await relay.app.inject({
      method: 'POST',
      url: '/api/bookings/booking-1/checkout',
      headers: { authorization: `Bearer ${relay.client.accessToken}` },
    });
    const { checkoutId } = start.json<{ checkoutId: string }>();
    expect(start.json()).toEqual({
      provider: 'razorpay',
      checkoutId: expect.stringMatching(/^order_/),
      keyId: 'rzp_test_tally000',
      amount: 150000,
      currency: 'INR',
    });
    expect(api.requestsTo('POST', '/v1/orders')[0]?.body).toEqual({
      amount: 150000,
      currency: 'INR',
      receipt: 'booking-1',
      notes: { bookingId: 'booking-1' },
    });

    const captured = { event: 'payment.captured', payload: { payment: { entity: payment(checkoutId) } } };
    const paid = {
      event: 'order.paid',
      payload: {
        payment: { entity: payment(checkoutId) },
        order: { entity: { id: checkoutId, amount_paid: 150000, currency: 'INR', receipt: 'booking-1' } },
      },
    };
    expect((await deliver('evt_captured', captured)).statusCode).toBe(200);
    expect((await deliver('evt_order_paid', paid)).statusCode).toBe(200);
    expect((await deliver('evt_captured', captured)).statusCode).toBe(200);
    expect((await relay.storage.advisors.findBooking('booking-1'))?.status).toBe('confirmed');
    const confirmations = (await relay.storage.advisors.bookingEvents('booking-1')).filter(
      (event) => event.to === 'confirmed',
    );
    expect(confirmations).toHaveLength(1);
    expect(await relay.storage.payments.checkoutsOf('booking-1')).toEqual([
      expect.objectContaining({ status: 'paid', paymentId: 'pay_1', paidAmount: 150000, paidCurrency: 'INR' }),
    ]);
  });

  it('a signature made with another secret is refused with 400, and nothing is stored', async () => {
    const refused = await deliver('evt_x', { event: 'payment.captured', payload: {} }, 'someone-else');
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'signature_invalid']);
  });
});
