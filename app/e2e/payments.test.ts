import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ProviderStandIn } from '../../relay/src/testing/provider-stand-in.js';
import { type StripeWebhookEndpoint, startStripeStandIn } from '../../relay/src/testing/stripe-stand-in.js';
import { publishAdvisor } from './support/advisor-steps.js';
import { checkPhoneScreen } from './support/phone-screen.js';
import { TallyWorld } from './support/tally-world.js';

// Stripe is played by a local stand-in of its API (relay/src/testing/stripe-stand-in.ts) at
// STRIPE_API_URL: its checkout page's Pay makes the webhook, signed with the Stripe SDK's own test
// helper, for the relay, and sends the browser back to the booking, as Stripe Checkout does.
const PATIENCE = { timeout: 60_000 } as const;
const webhookSecret = 'whsec_tally_e2e_secret_0000';

let world: TallyWorld;
let stripe: ProviderStandIn;
const endpoint: StripeWebhookEndpoint = { url: null, secret: webhookSecret };
beforeAll(async () => {
  world = await TallyWorld.start();
  stripe = await startStripeStandIn(endpoint);
  await world.startRelay({
    paymentProvider: 'stripe',
    stripeSecretKey: 'sk_test_tally_e2e_000000',
    stripeWebhookSecret: webhookSecret,
    stripeApiUrl: stripe.url,
    publicUrl: world.appUrl,
  });
  endpoint.url = `${world.relayUrl}/api/payments/stripe/webhook`;
});
afterAll(async () => {
  await world.stop();
  await stripe.stop();
});

test('a client pays for an accepted priced session at the checkout, both sides see it confirmed live, and the advisor’s cancellation shows refunded', async () => {
  const phone = { width: 360, height: 740 };
  const advisor = await world.device({ viewport: phone });
  await publishAdvisor(world, advisor, { headline: 'Budgets that last the month', price: '60', weekends: true });
  await advisor.open('bookings');

  const client = await world.device({ viewport: phone });
  await client.connect('register', world.relayUrl, 'ben@example.com', 'Ben’s phone');
  await client.waitForSyncState('synced');
  await client.open('advisors');
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).click(PATIENCE);
  await client.byTestId('booking-slot').first().check(PATIENCE);
  await client.byTestId('booking-message').fill('Help me plan next year’s budget.');
  await client.byTestId('request-booking').click();
  await client.page.locator('[data-testid="booking-page"][data-status="requested"]').waitFor(PATIENCE);

  await advisor.page.locator('[data-testid="booking-row"][data-status="requested"]').click(PATIENCE);
  await advisor.byTestId('booking-accept').click();
  await advisor.page.locator('[data-testid="booking-page"][data-status="awaiting_payment"]').waitFor(PATIENCE);

  // The client sees what it costs, how long the time is held and the refund policy before paying.
  await client.page.locator('[data-testid="booking-page"][data-status="awaiting_payment"]').waitFor(PATIENCE);
  await expect(client.byTestId('checkout-amount').textContent()).resolves.toBe('€60.00');
  await client.byTestId('checkout-hold-ends').waitFor(PATIENCE);
  await expect(client.byTestId('refund-policy').textContent()).resolves.toContain('24 hours');
  await checkPhoneScreen(client);
  await client.byTestId('pay').focus();
  await client.page.keyboard.press('Enter');

  // Stripe's page (the stand-in's); its Pay sends the signed webhook and comes back to the booking.
  // Its webhook is held back: the page the client returns to must not take the payment for granted.
  await client.page.waitForURL(`${stripe.url}/checkout/**`, PATIENCE);
  endpoint.held = [];
  await client.page.getByTestId('stand-in-pay').click();
  await client.page.waitForURL(`${world.appUrl}/**`, PATIENCE);
  await client.page.locator('[data-testid="booking-page"][data-status="awaiting_payment"]').waitFor(PATIENCE);
  const held = endpoint.held;
  endpoint.held = undefined;
  expect(held).toHaveLength(1);
  for (const send of held) await send();
  await client.page.locator('[data-testid="booking-page"][data-status="confirmed"]').waitFor(PATIENCE);
  await expect(client.byTestId('booking-status').textContent()).resolves.toBe('Confirmed');
  await client.page.locator('[data-testid="payment-row"][data-status="paid"]').waitFor(PATIENCE);
  await advisor.page.locator('[data-testid="booking-page"][data-status="confirmed"]').waitFor(PATIENCE);
  await checkPhoneScreen(client);

  advisor.page.once('dialog', (dialog) => void dialog.accept('I am ill'));
  await advisor.byTestId('booking-cancel').click();
  await advisor.page.locator('[data-testid="booking-page"][data-status="cancelled"]').waitFor(PATIENCE);
  await client.page.locator('[data-testid="booking-page"][data-status="cancelled"]').waitFor(PATIENCE);
  const refunded = client.page.locator('[data-testid="payment-row"][data-status="refunded"]');
  await refunded.waitFor(PATIENCE);
  await expect(refunded.textContent()).resolves.toContain('Refunded');
  await advisor.page.locator('[data-testid="payment-row"][data-status="refunded"]').waitFor(PATIENCE);
  expect(stripe.requestsTo('POST', '/v1/refunds')).toHaveLength(1);
  await checkPhoneScreen(advisor);
});

test('on a relay that takes no payments, the directory and a priced advisor’s page say priced sessions cannot be booked there', async () => {
  await world.stopRelay();
  await world.startRelay({ publicUrl: world.appUrl });
  const client = await world.device({ viewport: { width: 360, height: 740 } });
  await client.connect('register', world.relayUrl, 'cy@example.com', 'Cy’s phone');
  await client.waitForSyncState('synced');
  await client.open('advisors');
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).waitFor(PATIENCE);
  await client.byTestId('payments-off').waitFor(PATIENCE);
  await expect(client.byTestId('payments-off').textContent()).resolves.toContain('cannot be booked');
  await checkPhoneScreen(client);
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).click();
  await client.byTestId('advisor-profile-page').waitFor(PATIENCE);
  await client.byTestId('payments-off').waitFor(PATIENCE);
  await expect(client.byTestId('booking-form').count()).resolves.toBe(0);
  await checkPhoneScreen(client);
});
