import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderStandIn } from '../testing/provider-stand-in.js';
import { startStripeStandIn } from '../testing/stripe-stand-in.js';
import { StripeProvider } from './stripe-provider.js';

// Stripe's API here is a local stand-in (testing/stripe-stand-in.ts) at STRIPE_API_URL, never Stripe.
const webhookSecret = 'whsec_tally_test_secret_0000';
const now = Date.UTC(2026, 11, 3, 12, 0, 0);
const { webhooks } = new Stripe('sk_test_signing_only_000000');

function completed(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'evt_1',
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: 'cs_test_1',
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: 6000,
        currency: 'eur',
        payment_intent: 'pi_1',
        client_reference_id: 'booking-1',
        metadata: { bookingId: 'booking-1' },
        ...overrides,
      },
    },
  });
}

function signed(payload: string, timestamp = Math.floor(now / 1000)): Record<string, string> {
  return { 'stripe-signature': webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp }) };
}

describe('Stripe, through its SDK', () => {
  let api: ProviderStandIn;
  let stripe: StripeProvider;

  beforeEach(async () => {
    api = await startStripeStandIn();
    stripe = new StripeProvider({
      secretKey: 'sk_test_tally_0000000000',
      webhookSecret,
      apiUrl: api.url,
    });
  });
  afterEach(() => api.stop());

  it('[PAY2] a checkout carries the booking’s amount, currency, reference and an idempotency key per attempt', async () => {
    const request = {
      bookingId: 'booking-1',
      attempt: 1,
      amount: 6000,
      currency: 'EUR',
      holdEndsAt: now + 45 * 60_000,
      heldSince: now,
      returnUrl: 'https://tally.example/bookings/booking-1',
    };
    const start = await stripe.createCheckout(request);
    expect(start).toEqual({
      provider: 'stripe',
      checkoutId: expect.stringMatching(/^cs_test_/),
      url: expect.any(String),
    });
    const [sent] = api.requestsTo('POST', '/v1/checkout/sessions');
    expect(sent?.headers['idempotency-key']).toBe('tally-checkout-booking-1-1');
    expect(sent?.headers.authorization).toBe('Bearer sk_test_tally_0000000000');
    expect(sent?.body).toMatchObject({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][unit_amount]': '6000',
      'line_items[0][price_data][currency]': 'eur',
      client_reference_id: 'booking-1',
      'metadata[bookingId]': 'booking-1',
      expires_at: String((now + 45 * 60_000) / 1000),
      success_url: 'https://tally.example/bookings/booking-1',
    });

    expect(await stripe.createCheckout(request)).toEqual(start);
    const retried = api.requestsTo('POST', '/v1/checkout/sessions');
    expect(retried.map((r) => r.headers['idempotency-key'])).toEqual([
      'tally-checkout-booking-1-1',
      'tally-checkout-booking-1-1',
    ]);
    expect((await stripe.createCheckout({ ...request, attempt: 2 })).checkoutId).not.toBe(start.checkoutId);
  });

  it('[PAY2] a hold shorter than Stripe’s shortest session gets Stripe’s shortest session from the hold’s start', async () => {
    await stripe.createCheckout({
      bookingId: 'booking-1',
      attempt: 1,
      amount: 6000,
      currency: 'EUR',
      holdEndsAt: now + 10 * 60_000,
      heldSince: now - 20 * 60_000,
      returnUrl: 'https://tally.example/bookings/booking-1',
    });
    expect(api.requests[0]?.body.expires_at).toBe(String((now + 11 * 60_000) / 1000));
  });

  it('[PAY4] a refund asks Stripe for the whole payment once, whatever the retries', async () => {
    const request = { bookingId: 'booking-1', paymentId: 'pi_1', amount: 6000 };
    const first = await stripe.refund(request);
    expect(await stripe.refund(request)).toEqual(first);
    const sent = api.requestsTo('POST', '/v1/refunds');
    expect(sent.map((r) => [r.body.payment_intent, r.body.amount, r.headers['idempotency-key']])).toEqual([
      ['pi_1', '6000', 'tally-refund-booking-1-pi_1'],
      ['pi_1', '6000', 'tally-refund-booking-1-pi_1'],
    ]);
  });

  it('[PAY3] reads a signed checkout.session.completed as paid, with its amount and currency', () => {
    const payload = completed();
    expect(stripe.readWebhook(Buffer.from(payload), signed(payload), now)).toEqual({
      ok: true,
      event: {
        provider: 'stripe',
        eventId: 'evt_1',
        kind: 'paid',
        checkoutId: 'cs_test_1',
        paymentId: 'pi_1',
        amount: 6000,
        currency: 'EUR',
        refundId: null,
      },
    });
  });

  it('[PAY3] refuses a wrong signature, a changed body, no signature and a timestamp 301 s old', () => {
    const payload = completed();
    const wrong = webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else', timestamp: now / 1000 });
    expect(stripe.readWebhook(Buffer.from(payload), { 'stripe-signature': wrong }, now).ok).toBe(false);
    expect(stripe.readWebhook(Buffer.from(completed({ amount_total: 1 })), signed(payload), now).ok).toBe(false);
    expect(stripe.readWebhook(Buffer.from(payload), {}, now).ok).toBe(false);
    const old = signed(payload, now / 1000 - 301);
    expect(stripe.readWebhook(Buffer.from(payload), old, now)).toEqual({
      ok: false,
      reason: expect.stringMatching(/tolerance/),
    });
    expect(stripe.readWebhook(Buffer.from(payload), signed(payload, now / 1000 - 300), now).ok).toBe(true);
  });

  it('[PAY3] waits for a delayed payment’s own success, and ignores events Tally does not use', () => {
    const unpaid = completed({ payment_status: 'unpaid' });
    expect(stripe.readWebhook(Buffer.from(unpaid), signed(unpaid), now)).toEqual({ ok: true, event: null });
    const other = JSON.stringify({ id: 'evt_2', object: 'event', type: 'customer.created', data: { object: {} } });
    expect(stripe.readWebhook(Buffer.from(other), signed(other), now)).toEqual({ ok: true, event: null });
  });
});
