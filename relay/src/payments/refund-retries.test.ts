import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookingActor } from '../storage/advisors/advisors.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { bookingAwaitingPayment, type PaymentRelay, startPaymentRelay } from '../testing/payment-relay.js';
import type { ProviderStandIn } from '../testing/provider-stand-in.js';
import { DataDir } from '../testing/relay-harness.js';
import { startStripeStandIn } from '../testing/stripe-stand-in.js';
import { refundRetryAt } from './payments.js';

// Stripe's API is a local stand-in (testing/stripe-stand-in.ts) at STRIPE_API_URL, told to fail
// when the test wants the provider out of reach. The relay keeps its data in a real SQLite file.
const webhookSecret = 'whsec_tally_test_secret_0000';
const { webhooks } = new Stripe('sk_test_signing_only_000000');
const minute = 60_000;
const hour = 60 * minute;
const booked = Date.UTC(2026, 11, 3, 12, 0, 0);
const sessionStart = booked + 48 * hour;
/** The relay's Stripe SDK tries a request three times (`maxNetworkRetries: 2`) before it gives up. */
const triesPerAsk = 3;

let api: ProviderStandIn;
let dataDir: DataDir;
let storage: SqliteStorage;
let relay: PaymentRelay;
const clock = { now: booked };
const signingKey = new Uint8Array(32).fill(7);

const stripeConfig = () => ({
  paymentProvider: 'stripe' as const,
  stripeSecretKey: 'sk_test_tally_0000000000',
  stripeWebhookSecret: webhookSecret,
  stripeApiUrl: api.url,
});

function deliver(event: object) {
  const payload = JSON.stringify(event);
  const signature = webhooks.generateTestHeaderString({
    payload,
    secret: webhookSecret,
    timestamp: Math.floor(clock.now / 1000),
  });
  return relay.app.inject({
    method: 'POST',
    url: '/api/payments/stripe/webhook',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload,
  });
}

function sessionPaid(id: string, checkoutId: string, amount: number) {
  return {
    id,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: checkoutId,
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: amount,
        currency: 'eur',
        payment_intent: 'pi_1',
      },
    },
  };
}

function chargeRefunded(id: string, amount: number) {
  return {
    id,
    object: 'event',
    type: 'charge.refunded',
    data: {
      object: { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', amount_refunded: amount, currency: 'eur' },
    },
  };
}

async function openCheckout(): Promise<string> {
  const reply = await relay.app.inject({
    method: 'POST',
    url: '/api/bookings/booking-1/checkout',
    headers: { authorization: `Bearer ${relay.client.accessToken}` },
  });
  return reply.json<{ checkoutId: string }>().checkoutId;
}

async function payment() {
  const [first] = await storage.payments.checkoutsOf('booking-1');
  return first;
}

/** Stores the session's cancellation as the relay does, but no refund owed: a stop between the two. */
async function cancelWithoutMark(actor: BookingActor, reason: string): Promise<void> {
  await storage.advisors.transitionBooking({
    bookingId: 'booking-1',
    from: 'confirmed',
    to: 'cancelled',
    actor,
    at: clock.now,
    reason,
  });
}

async function restart(): Promise<void> {
  await relay.app.close();
  await storage.close();
  storage = new SqliteStorage(dataDir.dbFile);
  relay = await startPaymentRelay(storage, stripeConfig(), clock, signingKey);
}

beforeEach(async () => {
  clock.now = booked;
  api = await startStripeStandIn();
  dataDir = new DataDir();
  storage = new SqliteStorage(dataDir.dbFile);
  relay = await startPaymentRelay(storage, stripeConfig(), clock, signingKey);
  await bookingAwaitingPayment(relay, 'booking-1', undefined, sessionStart);
});
afterEach(async () => {
  await relay.app.close();
  await storage.close();
  await api.stop();
  dataDir.remove();
});

describe('[PAY7] refunds owed are asked again until the provider takes them', () => {
  it('a refund the provider failed is stored as owed, survives a restart and is asked again after its wait', async () => {
    await deliver(sessionPaid('evt_paid', await openCheckout(), 6000));
    api.failNext(triesPerAsk);
    await relay.app.inject({
      method: 'POST',
      url: '/api/bookings/booking-1/cancel',
      headers: { authorization: `Bearer ${relay.advisor.accessToken}` },
      payload: { reason: 'Ill' },
    });
    await relay.app.payments.settled();
    expect(api.requestsTo('POST', '/v1/refunds')).toHaveLength(triesPerAsk);
    expect(await payment()).toMatchObject({ status: 'paid', refundAttempts: 1, refundDueAt: clock.now + minute });

    await restart();
    clock.now += minute - 1;
    await relay.app.payments.retryRefunds();
    expect(api.requestsTo('POST', '/v1/refunds')).toHaveLength(triesPerAsk);

    clock.now += 1;
    await relay.app.payments.retryRefunds();
    const asked = api.requestsTo('POST', '/v1/refunds');
    expect(asked).toHaveLength(triesPerAsk + 1);
    // The same idempotency key as the failed ask: the provider makes one refund however often it is asked.
    expect(new Set(asked.map((request) => request.headers['idempotency-key'])).size).toBe(1);
    expect(asked.at(-1)?.body).toMatchObject({ payment_intent: 'pi_1', amount: '6000' });
    expect(await payment()).toMatchObject({ status: 'refunding', refundDueAt: null, refundAmount: 6000 });

    await relay.app.payments.retryRefunds();
    expect(api.requestsTo('POST', '/v1/refunds')).toHaveLength(triesPerAsk + 1);
    await deliver(chargeRefunded('evt_refunded', 6000));
    expect(await payment()).toMatchObject({ status: 'refunded', refundAmount: 6000 });
  });

  it('a paid session cancelled just before the relay stopped still has its refund asked once after a restart', async () => {
    await deliver(sessionPaid('evt_paid', await openCheckout(), 6000));
    // The relay stops between storing the cancellation and marking its refund owed.
    await cancelWithoutMark({ kind: 'advisor', userId: relay.advisor.userId }, 'Ill');
    expect(await payment()).toMatchObject({ status: 'paid', refundDueAt: null });

    await restart();
    await relay.app.payments.markUnmarkedRefunds();
    await relay.app.payments.retryRefunds();
    expect(api.requestsTo('POST', '/v1/refunds').map((request) => request.body)).toEqual([
      expect.objectContaining({ payment_intent: 'pi_1', amount: '6000' }),
    ]);
    expect(await payment()).toMatchObject({ status: 'refunding', refundAmount: 6000 });

    await restart();
    await relay.app.payments.markUnmarkedRefunds();
    await relay.app.payments.retryRefunds();
    expect(api.requestsTo('POST', '/v1/refunds')).toHaveLength(1);
  });

  it('a session the client cancelled too late to be refunded owes nothing after a restart', async () => {
    await deliver(sessionPaid('evt_paid', await openCheckout(), 6000));
    clock.now = sessionStart - hour;
    await cancelWithoutMark({ kind: 'client', userId: relay.client.userId }, 'Busy');

    await restart();
    await relay.app.payments.markUnmarkedRefunds();
    await relay.app.payments.retryRefunds();
    expect(api.requestsTo('POST', '/v1/refunds')).toHaveLength(0);
    expect(await payment()).toMatchObject({ status: 'paid', refundDueAt: null });
  });

  it('a payment of the wrong amount is refunded by itself: mismatched, then refunding, then refunded', async () => {
    const checkoutId = await openCheckout();
    api.failNext(triesPerAsk);
    await deliver(sessionPaid('evt_short', checkoutId, 5999));
    await relay.app.payments.settled();
    expect(await payment()).toMatchObject({ status: 'mismatched', paidAmount: 5999, refundAttempts: 1 });
    expect((await storage.advisors.findBooking('booking-1'))?.status).toBe('awaiting_payment');

    clock.now += minute;
    await relay.app.payments.retryRefunds();
    expect(api.requestsTo('POST', '/v1/refunds').at(-1)?.body).toMatchObject({
      payment_intent: 'pi_1',
      amount: '5999',
    });
    expect(await payment()).toMatchObject({ status: 'refunding', refundAmount: 5999 });

    await deliver(chargeRefunded('evt_refunded', 5999));
    const history = await relay.app.inject({
      method: 'GET',
      url: '/api/payments',
      headers: { authorization: `Bearer ${relay.client.accessToken}` },
    });
    expect(history.json().payments).toEqual([
      expect.objectContaining({ status: 'refunded', paidAmount: 5999, refundAmount: 5999 }),
    ]);
  });

  it('waits a minute after the first failure, twice as long after each next, at most six hours', () => {
    expect([1, 2, 3, 4, 20].map((failures) => refundRetryAt(failures, 0))).toEqual([
      minute,
      2 * minute,
      4 * minute,
      8 * minute,
      6 * hour,
    ]);
  });
});
