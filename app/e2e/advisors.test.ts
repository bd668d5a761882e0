import { afterAll, beforeAll, expect, test } from 'vitest';
import { publishAdvisor } from './support/advisor-steps.js';
import { checkPhoneScreen } from './support/phone-screen.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('an advisor publishes a profile and hours; a client books a slot sharing a ledger; the advisor accepts live, reads the ledger, and a message written offline arrives once', async () => {
  const phone = { width: 360, height: 740 };
  const advisor = await world.device({ viewport: phone, context: { timezoneId: 'Europe/Berlin' } });
  // 09:00–17:00 in Berlin, as the form starts, on every day of the week for the test's sake.
  await publishAdvisor(world, advisor, { headline: 'Budgets that last the month', weekends: true });
  await checkPhoneScreen(advisor);
  await advisor.open('bookings');

  const client = await world.device({ viewport: phone, context: { timezoneId: 'America/New_York' } });
  await client.addAccount('Checking');
  await client.addTransaction({ amount: '42.00', payee: 'Grocer', account: 'Checking' });
  await client.connect('register', world.relayUrl, 'ben@example.com', 'Ben’s phone');
  await client.waitForSyncState('synced');
  await expect(client.byTestId('nav-advisor-profile').count()).resolves.toBe(0);
  await client.open('advisors');
  await client.byTestId('advisor-filter-specialty').selectOption('budgeting');
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).waitFor(PATIENCE);
  await checkPhoneScreen(client);
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).click();
  await client.byTestId('booking-form').waitFor(PATIENCE);
  await expect(client.byTestId('booking-form').textContent()).resolves.toContain('America/New_York');
  const slot = client.byTestId('booking-slot').first();
  await slot.waitFor(PATIENCE);
  // Berlin's 09:00 is 03:00 in New York: the picker shows the client's own time.
  const start = await slot.getAttribute('value');
  await slot.check();
  await client.byTestId('booking-message').fill('Help me plan next year’s budget.');
  await client.byTestId('booking-share').selectOption({ index: 1 });
  await checkPhoneScreen(client);
  await client.byTestId('request-booking').click();
  await client.page.locator('[data-testid="booking-page"][data-status="requested"]').waitFor(PATIENCE);

  // The advisor, on the bookings screen all along, sees the request arrive without reloading.
  const request = advisor.page.locator('[data-testid="booking-row"][data-status="requested"]');
  await request.waitFor(PATIENCE);
  await advisor.byTestId('live-notice').first().waitFor(PATIENCE);
  await checkPhoneScreen(advisor);
  await request.click();
  await advisor.byTestId('booking-accept').click();
  await advisor.page.locator('[data-testid="booking-page"][data-status="confirmed"]').waitFor(PATIENCE);
  await client.page.locator('[data-testid="booking-page"][data-status="confirmed"]').waitFor(PATIENCE);
  await expect(client.byTestId('booking-status').textContent()).resolves.toBe('Confirmed');
  expect(start).not.toBeNull();

  await advisor.byTestId('open-shared-ledger').click();
  await advisor.waitUntilReady();
  await advisor.byTestId('read-only-notice').waitFor(PATIENCE);
  await advisor.open('transactions');
  await advisor.rowByPayee('Grocer').waitFor(PATIENCE);
  await expect(advisor.byTestId('add-transaction').count()).resolves.toBe(0);

  await client.context.setOffline(true);
  await client.byTestId('chat-text').fill('See you then!');
  await client.byTestId('chat-send').click();
  const written = client.page.locator('[data-testid="chat-message"]', { hasText: 'See you then!' });
  await expect(written.getAttribute('data-state', PATIENCE)).resolves.toBe('sending');
  await client.reload();
  await client.page
    .locator('[data-testid="chat-message"][data-state="sending"]', { hasText: 'See you then!' })
    .waitFor(PATIENCE);
  await client.context.setOffline(false);
  await client.page
    .locator('[data-testid="chat-message"][data-state="sent"]', { hasText: 'See you then!' })
    .waitFor(PATIENCE);
  await expect(written.count()).resolves.toBe(1);

  // The booking is slow to come: a reply typed meanwhile is still in the box once it has come.
  let answerBooking = () => {};
  const bookingHeld = new Promise<void>((resolve) => {
    answerBooking = resolve;
  });
  const bookingRequest = /\/api\/bookings\/[^/?]+$/;
  await advisor.page.route(bookingRequest, async (route) => {
    await bookingHeld;
    await route.continue();
  });
  await advisor.open('bookings');
  await advisor.page.locator('[data-testid="booking-row"][data-status="confirmed"]').click();
  const arrived = advisor.page.locator('[data-testid="chat-message"]', { hasText: 'See you then!' });
  await arrived.waitFor(PATIENCE);
  await advisor.byTestId('chat-text').fill('Looking forward to it');
  answerBooking();
  await advisor.byTestId('booking-page').waitFor(PATIENCE);
  await advisor.page.unroute(bookingRequest);
  await expect(advisor.byTestId('chat-text').inputValue()).resolves.toBe('Looking forward to it');
  await expect(arrived.count()).resolves.toBe(1);
  await checkPhoneScreen(advisor);
});
