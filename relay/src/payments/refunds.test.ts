import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../storage/memory-storage.js';
import { bookingAwaitingPayment, type PaymentRelay, startPaymentRelay } from '../testing/payment-relay.js';
import type { ProviderStandIn } from '../testing/provider-stand-in.js';
import { startStripeStandIn } from '../testing/stripe-stand-in.js';

// Stripe's API is a local stand-in (testing/stripe-stand-in.ts) at STRIPE_API_URL.
const webhookSecret = 'whsec_tally_test_secret_0000';
const { webhooks } = new Stripe('sk_test_signing_only_000000');
const hour = 3_600_000;
const booked = Date.UTC(2026, 11, 3, 12, 0, 0);
const sessionStart = booked + 48 * hour;

let api: ProviderStandIn;
let storage: MemoryStorage;
let relay: PaymentRelay;
const clock = { now: booked };

const stripeConfig = () => ({
  paymentProvider: 'stripe' as const,
  stripeSecretKey: 'sk_test_tally_0000000000',
  stripeWebhookSecret: webhookSecret,
  stripeApiUrl: api.url,
});

function deliver(target: PaymentRelay, payload: string) {
  const signature = webhooks.generateTestHeaderString({
    payload,
    secret: webhookSecret,
    timestamp: Math.floor(clock.now / 1000),
  });
  return target.app.inject({
    method: 'POST',
    url: '/api/payments/stripe/webhook',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload,
  });
}

/** Stripe's word that the session's 60 € were given back. */
function refundedEvent(id: string) {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'charge.refunded',
    data: {
      object: { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', amount_refunded: 6000, currency: 'eur' },
    },
  });
}

/** A confirmed, paid session starting 48 h after it was booked. */
beforeEach(async () => {
  clock.now = booked;
  api = await startStripeStandIn();
  storage = new MemoryStorage();
  relay = await startPaymentRelay(storage, stripeConfig(), clock);
  await bookingAwaitingPayment(relay, 'booking-1', undefined, sessionStart);
  const { checkoutId } = (
    await relay.app.inject({
      method: 'POST',
      url: '/api/bookings/booking-1/checkout',
      headers: { authorization: `Bearer ${relay.client.accessToken}` },
    })
  ).json<{ checkoutId: string }>();
  const completed = {
    id: 'evt_paid',
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: checkoutId,
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: 6000,
        currency: 'eur',
        payment_intent: 'pi_1',
      },
    },
  };
  await deliver(relay, JSON.stringify(completed));
  expect((await storage.advisors.findBooking('booking-1'))?.status).toBe('confirmed');
});
afterEach(async () => {
  await relay.app.close();
  await api.stop();
});

describe('[PAY4] refunds of a cancelled paid session', () => {
  it.each([
    { who: 'advisor', hoursBefore: 2, refunded: true },
    { who: 'client', hoursBefore: 25, refunded: true },
    { who: 'client', hoursBefore: 24, refunded: true },
    { who: 'client', hoursBefore: 2, refunded: false },
  ] as const)(
    'cancelled by the $who $hoursBefore h before it starts: refunded $refunded',
    async ({ who, hoursBefore, refunded }) => {
      clock.now = sessionStart - hoursBefore * hour;
      const session = who === 'advisor' ? relay.advisor : relay.client;
      const cancelled = await relay.app.inject({
        method: 'POST',
        url: '/api/bookings/booking-1/cancel',
        headers: { authorization: `Bearer ${session.accessToken}` },
        payload: { reason: 'Something came up' },
      });
      expect(cancelled.json().status).toBe('cancelled');
      // Closing the relay waits for the refunds it has asked for.
      await relay.app.close();
      const asked = api.requestsTo('POST', '/v1/refunds');
      const [payment] = await storage.payments.checkoutsOf('booking-1');
      if (refunded) {
        expect(asked.map((request) => [request.body.payment_intent, request.body.amount])).toEqual([['pi_1', '6000']]);
        expect(payment).toMatchObject({ status: 'refunding', refundAmount: 6000, refundRequestedAt: clock.now });
      } else {
        expect(asked).toEqual([]);
        expect(payment?.status).toBe('paid');
      }
    },
  );

  it('the refund webhook records the payment refunded once', async () => {
    clock.now = sessionStart - 30 * hour;
    await relay.app.inject({
      method: 'POST',
      url: '/api/bookings/booking-1/cancel',
      headers: { authorization: `Bearer ${relay.advisor.accessToken}` },
      payload: { reason: 'Ill' },
    });
    await relay.app.close();
    relay = await startPaymentRelay(storage, stripeConfig(), clock);
    expect((await deliver(relay, refundedEvent('evt_refunded'))).statusCode).toBe(200);
    expect((await deliver(relay, refundedEvent('evt_refunded'))).statusCode).toBe(200);
    expect((await deliver(relay, refundedEvent('evt_refunded_again'))).statusCode).toBe(200);
    expect(await storage.payments.checkoutsOf('booking-1')).toEqual([
      expect.objectContaining({ status: 'refunded', refundAmount: 6000, refundedAt: clock.now }),
    ]);
    const metrics = (await relay.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^tally_relay_refunds_total 1$/m);
    const history = await relay.app.inject({
      method: 'GET',
      url: '/api/payments',
      headers: { authorization: `Bearer ${relay.advisor.accessToken}` },
    });
    expect(history.json().payments).toEqual([expect.objectContaining({ status: 'refunded', refundAmount: 6000 })]);
  });

  it('[E12] the client and the advisor hear of each status their checkout reaches, once each', async () => {
    clock.now = sessionStart - 30 * hour;
    await relay.app.inject({
      method: 'POST',
      url: '/api/bookings/booking-1/cancel',
      headers: { authorization: `Bearer ${relay.advisor.accessToken}` },
      payload: { reason: 'Ill' },
    });
    await relay.app.payments.settled();
    await deliver(relay, refundedEvent('evt_refunded'));
    await deliver(relay, refundedEvent('evt_refunded'));
    const [checkout] = await storage.payments.checkoutsOf('booking-1');
    const told = async (userId: string) =>
      (await storage.events.eventsAfter(userId, 0, 100))
        .filter((event) => event.type === 'payment.updated')
        .map((event) => JSON.parse(event.data));
    const statuses = ['paid', 'refunding', 'refunded'].map((status) => ({
      bookingId: 'booking-1',
      checkoutId: checkout?.checkoutId,
      status,
    }));
    await vi.waitFor(async () => expect(await told(relay.client.userId)).toEqual(statuses), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await told(relay.advisor.userId)).toEqual(statuses), { timeout: 10_000 });
  });
});
