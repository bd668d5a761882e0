import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { MemoryStorage } from '../storage/memory-storage.js';
import { bookingAwaitingPayment, type PaymentRelay, startPaymentRelay } from '../testing/payment-relay.js';
import type { ProviderStandIn } from '../testing/provider-stand-in.js';
import { startStripeStandIn } from '../testing/stripe-stand-in.js';

// Stripe's API is a local stand-in (testing/stripe-stand-in.ts) at STRIPE_API_URL; webhooks are
// signed with the Stripe SDK's own test helper, as Stripe signs them.
const webhookSecret = 'whsec_tally_test_secret_0000';
const { webhooks } = new Stripe('sk_test_signing_only_000000');

let api: ProviderStandIn;
let relay: PaymentRelay;
const clock = { now: Date.UTC(2026, 11, 3, 12, 0, 0) };

beforeEach(async () => {
  api = await startStripeStandIn();
  relay = await startPaymentRelay(
    new MemoryStorage(),
    {
      paymentProvider: 'stripe',
      stripeSecretKey: 'sk_test_tally_0000000000',
      stripeWebhookSecret: webhookSecret,
      stripeApiUrl: api.url,
      vapidKeys: webpush.generateVAPIDKeys(),
    },
    clock,
  );
  await bookingAwaitingPayment(relay, 'booking-1');
});
afterEach(async () => {
  await relay.app.close();
  await api.stop();
});

async function checkout(bookingId = 'booking-1', token = relay.client.accessToken) {
  return relay.app.inject({
    method: 'POST',
    url: `/api/bookings/${bookingId}/checkout`,
    headers: { authorization: `Bearer ${token}` },
  });
}

function sessionEvent(id: string, type: string, checkoutId: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    data: {
      object: {
        id: checkoutId,
        object: 'checkout.session',
        payment_status: type === 'checkout.session.completed' ? 'paid' : 'unpaid',
        amount_total: 6000,
        currency: 'eur',
        payment_intent: type === 'checkout.session.completed' ? 'pi_1' : null,
        client_reference_id: 'booking-1',
        metadata: { bookingId: 'booking-1' },
        ...overrides,
      },
    },
  });
}

function deliver(payload: string, options: { secret?: string; ageSeconds?: number } = {}) {
  const signature = webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret,
    timestamp: Math.floor(clock.now / 1000) - (options.ageSeconds ?? 0),
  });
  return relay.app.inject({
    method: 'POST',
    url: '/api/payments/stripe/webhook',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
    payload,
  });
}

async function status(bookingId = 'booking-1') {
  return (await relay.storage.advisors.findBooking(bookingId))?.status;
}

async function metric(name: string): Promise<number> {
  const text = (await relay.app.inject({ method: 'GET', url: '/metrics' })).body;
  return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
}

describe('[PAY2] checkout with Stripe', () => {
  it('sends the client to a Checkout Session for the booking’s price, and a retry gets the same one', async () => {
    const first = await checkout();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      provider: 'stripe',
      checkoutId: expect.stringMatching(/^cs_test_/),
      url: expect.stringContaining('/checkout/cs_test_'),
    });
    const again = await checkout();
    expect(again.json()).toEqual(first.json());
    const sent = api.requestsTo('POST', '/v1/checkout/sessions');
    expect(sent.map((request) => request.headers['idempotency-key'])).toEqual([
      'tally-checkout-booking-1-1',
      'tally-checkout-booking-1-1',
    ]);
    expect(sent[0]?.body).toMatchObject({
      'line_items[0][price_data][unit_amount]': '6000',
      'line_items[0][price_data][currency]': 'eur',
      client_reference_id: 'booking-1',
      'metadata[bookingId]': 'booking-1',
      success_url: 'https://tally.example/#/bookings?id=booking-1',
    });
    expect(await relay.storage.payments.checkoutsOf('booking-1')).toHaveLength(1);
  });

  it('is refused for a booking that is not the caller’s, or not waiting for payment', async () => {
    expect((await checkout('booking-1', relay.advisor.accessToken)).json().error.code).toBe('not_found');
    expect((await checkout('no-such-booking')).statusCode).toBe(404);
    clock.now += 31 * 60_000;
    expect((await checkout()).json().error.code).toBe('invalid_transition');
    clock.now -= 31 * 60_000;
    expect(api.requests).toEqual([]);
  });
});

describe('[PAY3] Stripe webhooks', () => {
  let checkoutId: string;
  beforeEach(async () => {
    checkoutId = (await checkout()).json<{ checkoutId: string }>().checkoutId;
  });

  it('a valid checkout.session.completed confirms the booking; the same event again changes nothing', async () => {
    const payload = sessionEvent('evt_paid', 'checkout.session.completed', checkoutId);
    const first = await deliver(payload);
    expect([first.statusCode, first.json()]).toEqual([200, { received: true }]);
    expect(await status()).toBe('confirmed');
    const trail = await relay.storage.advisors.bookingEvents('booking-1');

    const again = await deliver(payload);
    expect(again.statusCode).toBe(200);
    expect(await relay.storage.advisors.bookingEvents('booking-1')).toEqual(trail);
    const history = await relay.app.inject({
      method: 'GET',
      url: '/api/payments',
      headers: { authorization: `Bearer ${relay.client.accessToken}` },
    });
    expect(history.json().payments).toEqual([
      expect.objectContaining({ bookingId: 'booking-1', status: 'paid', paidAmount: 6000, paymentId: 'pi_1' }),
    ]);
    expect(await metric('tally_relay_payments_total')).toBe(1);
  });

  it('a wrong signature is refused with 400 and nothing is stored', async () => {
    const payload = sessionEvent('evt_paid', 'checkout.session.completed', checkoutId);
    const refused = await deliver(payload, { secret: 'whsec_someone_else_0000' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'signature_invalid']);
    expect(await status()).toBe('awaiting_payment');
    expect((await relay.storage.payments.checkoutsOf('booking-1'))[0]?.status).toBe('open');
    expect(await metric('tally_relay_webhook_signatures_refused_total')).toBe(1);
    // Not stored as seen either: the genuine event, sent after, still counts.
    expect((await deliver(payload)).statusCode).toBe(200);
    expect(await status()).toBe('confirmed');
  });

  it('a signature 301 s old is refused; 300 s old is taken', async () => {
    const payload = sessionEvent('evt_paid', 'checkout.session.completed', checkoutId);
    expect((await deliver(payload, { ageSeconds: 301 })).statusCode).toBe(400);
    expect(await status()).toBe('awaiting_payment');
    expect((await deliver(payload, { ageSeconds: 300 })).statusCode).toBe(200);
    expect(await status()).toBe('confirmed');
  });

  it('an amount one minor unit short is recorded as mismatched, not confirmed, and given back', async () => {
    const payload = sessionEvent('evt_short', 'checkout.session.completed', checkoutId, { amount_total: 5999 });
    expect((await deliver(payload)).statusCode).toBe(200);
    expect(await status()).toBe('awaiting_payment');
    // Mismatched money is refunded at once (PAY7): what was paid, asked of the provider.
    expect((await relay.storage.payments.checkoutsOf('booking-1'))[0]).toMatchObject({
      status: 'refunding',
      paidAmount: 5999,
      refundAmount: 5999,
    });
    expect(await metric('tally_relay_payment_mismatches_total')).toBe(1);
  });

  it('checkout.session.expired releases the hold; an expiry after the payment changes nothing', async () => {
    expect((await deliver(sessionEvent('evt_exp', 'checkout.session.expired', checkoutId))).statusCode).toBe(200);
    expect(await status()).toBe('expired');
    expect(await relay.storage.advisors.heldSlots(relay.advisor.userId, 0)).toEqual([]);

    await bookingAwaitingPayment(relay, 'booking-2');
    const second = (await checkout('booking-2')).json<{ checkoutId: string }>().checkoutId;
    await deliver(sessionEvent('evt_paid_2', 'checkout.session.completed', second));
    await deliver(sessionEvent('evt_exp_2', 'checkout.session.expired', second));
    expect(await status('booking-2')).toBe('confirmed');
  });

  it('[PAY4] the client is told “payment received” on their devices, once', async () => {
    await relay.app.inject({
      method: 'POST',
      url: '/api/push/subscriptions',
      headers: { authorization: `Bearer ${relay.client.accessToken}` },
      payload: {
        endpoint: 'https://push.example/client-phone',
        keys: {
          p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
          auth: 'tBHItJI5svbpez7KI4CCXg',
        },
      },
    });
    const payload = sessionEvent('evt_paid', 'checkout.session.completed', checkoutId);
    await deliver(payload);
    await deliver(payload);
    const pushes = await relay.storage.push.duePushes(Number.MAX_SAFE_INTEGER, 10);
    expect(pushes.map((push) => JSON.parse(push.payload))).toEqual([
      {
        title: 'Payment received',
        body: '€60.00 paid: your advisor session is confirmed.',
        screen: '/bookings/booking-1',
      },
    ]);
  });
});
