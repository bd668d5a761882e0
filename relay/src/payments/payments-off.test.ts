import { afterEach, describe, expect, it } from 'vitest';
import { AdvisorRelay } from '../testing/advisor-harness.js';

const price = { amountMinor: 5000, currency: 'EUR' };
let relay: AdvisorRelay | undefined;
afterEach(() => relay?.close());

describe('[PAY6] which provider takes payment, and a relay that takes none', () => {
  it('with PAYMENT_PROVIDER=none a priced session is refused payments_off and holds nothing', async () => {
    relay = await AdvisorRelay.start({ profile: { price } });
    const client = await relay.register('client@example.com');
    const [slot] = await relay.slots(7);
    if (slot === undefined) throw new Error('no slot');

    const refused = await relay.book(client, slot.start);

    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('payments_off');
    expect((await relay.ask(client, 'GET', '/api/bookings')).json()).toEqual([]);
    expect((await relay.slots(7))[0]?.start).toBe(slot.start);
    const terms = await relay.ask(null, 'GET', '/api/payments/provider');
    expect(terms.json()).toEqual({ provider: 'none', razorpayKeyId: null, refundNoticeHours: 24 });
    expect(terms.headers['content-security-policy']).not.toContain('razorpay');
  });

  it('with PAYMENT_PROVIDER=none a free session is still booked', async () => {
    relay = await AdvisorRelay.start({ profile: { price: null } });
    const client = await relay.register('client@example.com');
    const [slot] = await relay.slots(7);
    if (slot === undefined) throw new Error('no slot');

    expect((await relay.book(client, slot.start)).statusCode).toBe(201);
  });

  it('a relay taking payment books a priced session and names its provider, with Razorpay its key id', async () => {
    relay = await AdvisorRelay.start({
      profile: { price },
      config: {
        paymentProvider: 'razorpay',
        razorpayKeyId: 'rzp_test_tally000000',
        razorpayKeySecret: 'tally_key_secret',
        razorpayWebhookSecret: 'tally_webhook_secret',
      },
    });
    const client = await relay.register('client@example.com');
    const [slot] = await relay.slots(7);
    if (slot === undefined) throw new Error('no slot');

    expect((await relay.book(client, slot.start)).statusCode).toBe(201);
    const terms = await relay.ask(null, 'GET', '/api/payments/provider');
    expect(terms.json()).toEqual({
      provider: 'razorpay',
      razorpayKeyId: 'rzp_test_tally000000',
      refundNoticeHours: 24,
    });
    // The app it serves may load Razorpay's checkout script and open its frame; nothing else from outside.
    expect(terms.headers['content-security-policy']).toContain("script-src 'self' https://checkout.razorpay.com");
    expect(terms.headers['content-security-policy']).toContain('frame-src https://api.razorpay.com');
  });
});
