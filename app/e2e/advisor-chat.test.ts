import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { publishAdvisor } from './support/advisor-steps.js';
import { checkPhoneScreen } from './support/phone-screen.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;
const PHONE = { width: 360, height: 740 } as const;
/** More than two of the relay's pages of 50, so paging back takes two steps. */
const SEEDED = 120;
const DAY_MS = 86_400_000;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

/** The UTC instant of a wall time in Berlin on a date, by the offset Berlin has that day. */
function berlinInstant(date: string, time: string): number {
  const named = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' }).format(
    new Date(`${date}T12:00:00Z`),
  );
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(named)?.[1] ?? 'Z';
  return Date.parse(`${date}T${time}:00${offset}`);
}

/** The first Saturday at least three days ahead: no weekly hours, and inside the two weeks clients see. */
function comingSaturday(): string {
  let at = Date.now() + 3 * DAY_MS;
  while (new Date(at).getUTCDay() !== 6) at += DAY_MS;
  return new Date(at).toISOString().slice(0, 10);
}

/** The start instants of the free slots the client's booking form offers. */
async function offeredStarts(client: TallyDevice): Promise<number[]> {
  const values = await client.page
    .locator('[data-testid="booking-slot"]')
    .evaluateAll((slots) => slots.map((slot) => slot.getAttribute('value') ?? ''));
  return values.map((value) => Date.parse(value));
}

/** Writes the messages through the relay's API as the client, as another of their devices would. */
async function seedMessages(client: TallyDevice, bookingId: string): Promise<void> {
  const session = await client.storedSession();
  if (session === undefined) throw new Error('the client has no relay session');
  for (let number = 1; number <= SEEDED; number++) {
    const reply = await fetch(`${world.relayUrl}/api/bookings/${bookingId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ clientId: randomUUID(), text: `Earlier question ${number}` }),
    });
    expect(reply.status).toBe(201);
  }
}

test('the advisor sees the client by name, reads their messages while the client sees "Read" live, pages back to the first message, and adds extra hours a client can book', async () => {
  const advisor = await world.device({ viewport: PHONE, context: { timezoneId: 'Europe/Berlin' } });
  // Monday to Friday, 09:00–17:00 in Berlin, as the form starts.
  await publishAdvisor(world, advisor);

  const client = await world.device({ viewport: PHONE, context: { timezoneId: 'Europe/Berlin' } });
  await client.connect('register', world.relayUrl, 'ben.baker@example.com', 'Ben’s phone');
  await client.open('advisors');
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).click();
  await client.byTestId('booking-slot').first().waitFor(PATIENCE);
  const saturday = comingSaturday();
  const saturdayEvening = berlinInstant(saturday, '18:00');
  expect(await offeredStarts(client)).not.toContain(saturdayEvening);
  await client.byTestId('booking-slot').first().check();
  await client.byTestId('booking-message').fill('Help me with my budget.');
  await client.byTestId('request-booking').click();
  const requested = client.page.locator('[data-testid="booking-page"][data-status="requested"]');
  await requested.waitFor(PATIENCE);
  const bookingId = new URLSearchParams(await client.page.evaluate(() => window.location.hash.split('?')[1])).get('id');
  if (bookingId === null) throw new Error('no booking in the address');

  // A long conversation already, written from another of the client's devices; then one from this phone.
  await seedMessages(client, bookingId);
  await client.byTestId('chat-text').fill('Are you free on Saturday?');
  await client.byTestId('chat-send').click();
  const question = client.page.locator('[data-testid="chat-message"][data-state="sent"]', {
    hasText: 'Are you free on Saturday?',
  });
  await question.waitFor(PATIENCE);
  await expect(client.byTestId('chat-read').count()).resolves.toBe(0);

  // The advisor knows who asked, in the list and on the booking.
  await advisor.open('bookings');
  const row = advisor.page.locator('[data-testid="booking-row"]', { hasText: 'ben.baker' });
  await row.waitFor(PATIENCE);
  await row.click();
  await expect(advisor.byTestId('booking-page').locator('h2').textContent(PATIENCE)).resolves.toBe(
    'Session with ben.baker',
  );

  // Opening the conversation reads it: the client sees "Read" under their last message, live.
  const messages = advisor.page.locator('[data-testid="chat-message"]');
  await advisor.page
    .locator('[data-testid="chat-message"]', { hasText: 'Are you free on Saturday?' })
    .waitFor(PATIENCE);
  await question.getByTestId('chat-read').waitFor(PATIENCE);
  await expect(client.byTestId('chat-read').count()).resolves.toBe(1);
  await expect(client.byTestId('chat-read').textContent()).resolves.toBe('Read');
  await expect(messages.count()).resolves.toBe(50);
  await checkPhoneScreen(advisor);

  // Paging back, by keyboard, keeps the message read last where it was, until the first one.
  const earlier = advisor.byTestId('chat-earlier');
  while ((await advisor.byTestId('chat-start').count()) === 0) {
    const first = messages.first();
    const seq = await first.getAttribute('data-seq');
    const top = async () =>
      advisor.page.evaluate(
        (shown) => document.querySelector(`[data-seq="${shown}"]`)?.getBoundingClientRect().top,
        seq,
      );
    const count = await messages.count();
    await earlier.focus();
    const before = await top();
    await advisor.page.keyboard.press('Enter');
    await expect.poll(() => messages.count(), PATIENCE).toBeGreaterThan(count);
    const after = await top();
    expect(before !== undefined && after !== undefined && Math.abs(after - before) <= 1).toBe(true);
  }
  await expect(messages.count()).resolves.toBe(SEEDED + 1);
  await expect(messages.first().textContent()).resolves.toBe('Earlier question 1');
  await expect(advisor.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
    'chat-start',
  );
  await checkPhoneScreen(advisor);

  // The answer, read by the client as it arrives: the advisor sees "Read" in turn.
  await advisor.byTestId('chat-text').fill('Yes, I will add Saturday evening.');
  await advisor.byTestId('chat-send').click();
  await client.page
    .locator('[data-testid="chat-message"]', { hasText: 'Yes, I will add Saturday evening.' })
    .waitFor(PATIENCE);
  await advisor.page
    .locator('[data-testid="chat-message"]', { hasText: 'Yes, I will add Saturday evening.' })
    .getByTestId('chat-read')
    .waitFor(PATIENCE);
  await checkPhoneScreen(client);

  // From the booking back to the bookings list through "More": the menu closes and the list takes taps.
  await advisor.byTestId('nav-more').click();
  await advisor.byTestId('nav-bookings').click();
  await advisor.page.waitForFunction(() => window.location.hash === '#/bookings', undefined, PATIENCE);
  await expect(advisor.byTestId('nav-advisors').isVisible()).resolves.toBe(false);
  await row.click();
  await advisor.byTestId('booking-page').waitFor(PATIENCE);

  // Extra hours on the Saturday, which has no weekly hours: the client can book them.
  await advisor.open('advisor-profile');
  await advisor.byTestId('extra-date').fill(saturday);
  await advisor.byTestId('extra-start').fill('18:00');
  await advisor.byTestId('extra-end').fill('20:00');
  await advisor.byTestId('add-extra-hours').click();
  const added = advisor.page.locator(`[data-testid="exception-row"][data-date="${saturday}"]`);
  await expect(added.textContent()).resolves.toContain('18:00–20:00');
  await advisor.byTestId('save-hours').click();
  await advisor.byTestId('advisor-hours-saved').waitFor(PATIENCE);
  await checkPhoneScreen(advisor);

  await client.open('advisors');
  await client.page.locator('[data-testid="advisor-row"]', { hasText: 'Ada Advisor' }).click();
  await client.byTestId('booking-slot').first().waitFor(PATIENCE);
  expect(await offeredStarts(client)).toEqual(expect.arrayContaining([saturdayEvening, saturdayEvening + 60 * 60_000]));
  expect(await offeredStarts(client)).not.toContain(saturdayEvening + 2 * 60 * 60_000);

  // Removed again, they are gone from what clients see.
  await advisor.page
    .locator(`[data-testid="exception-row"][data-date="${saturday}"]`)
    .getByTestId('remove-exception')
    .click();
  await advisor.byTestId('save-hours').click();
  await advisor.byTestId('advisor-hours-saved').waitFor(PATIENCE);
  await client.reload();
  await client.byTestId('booking-slot').first().waitFor(PATIENCE);
  expect(await offeredStarts(client)).not.toContain(saturdayEvening);
});
