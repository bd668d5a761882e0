import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  addRecurring,
  dayAfter,
  daysAgo,
  editOccurrence,
  editRecurring,
  idOfRecurring,
  recurringRow,
  setClock,
  upcomingDueDates,
  upcomingRow,
  weekdayOf,
} from './support/recurring-steps.js';
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

test('a recurring item made on one device, changed on another, shows its schedule and upcoming dates on both; one occurrence is skipped and one changed alone', async () => {
  const { day: today, at } = daysAgo(2, '10:00:00');
  const a = await world.device();
  const b = await world.device();
  await Promise.all([setClock(a, at), setClock(b, at)]);

  await a.addAccount('Checking');
  await a.connect('register', world.relayUrl, 'rita@example.com', 'Laptop');
  await a.waitForSyncState('synced');
  await b.connect('login', world.relayUrl, 'rita@example.com', 'Phone');
  await b.waitForSyncState('synced');

  await a.open('recurring');
  await a.byTestId('recurring-empty').waitFor(PATIENCE);
  expect(await axeViolations(a.page)).toEqual([]);

  await a.byTestId('add-recurring').click();
  expect(await axeViolations(a.page)).toEqual([]);
  await a.byTestId('save-recurring').click();
  await expect.poll(() => a.byTestId('recurring-amount-error').textContent()).toBe('Enter an amount.');
  expect(await axeViolations(a.page)).toEqual([]);
  await a.page.keyboard.press('Escape');
  await a.byTestId('recurring-form').waitFor({ state: 'detached', ...PATIENCE });
  await expect
    .poll(() => a.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('add-recurring');

  const firstDue = dayAfter(today, 2);
  await addRecurring(a, { payee: 'Gym', amount: '30', account: 'Checking', frequency: 'weekly', startDate: firstDue });
  const id = await idOfRecurring(a, 'Gym');
  const gym = recurringRow(a, 'Gym');
  await expect(gym.getByTestId('recurring-schedule').textContent()).resolves.toBe(`Weekly on ${weekdayOf(firstDue)}`);
  await expect(gym.getByTestId('recurring-next').getAttribute('data-date')).resolves.toBe(firstDue);
  await expect(gym.getByTestId('recurring-amount').textContent()).resolves.toBe('-$30.00');
  await expect(upcomingDueDates(a, id)).resolves.toEqual(
    [0, 7, 14, 21, 28, 35].map((days) => dayAfter(firstDue, days)),
  );
  expect(await axeViolations(a.page)).toEqual([]);

  await b.open('recurring');
  await recurringRow(b, 'Gym').waitFor(PATIENCE);
  await editRecurring(b, 'Gym', { amount: '35', interval: '2' });
  // Saving gives focus back to the item the form was opened from.
  await expect
    .poll(() =>
      b.page.evaluate(() => document.activeElement?.closest('[data-testid="recurring-row"]')?.getAttribute('data-id')),
    )
    .toBe(id);

  await expect
    .poll(() => gym.getByTestId('recurring-schedule').textContent(), PATIENCE)
    .toBe(`Every 2 weeks on ${weekdayOf(firstDue)}`);
  await expect.poll(() => gym.getByTestId('recurring-amount').textContent(), PATIENCE).toBe('-$35.00');
  await expect
    .poll(() => upcomingDueDates(a, id), PATIENCE)
    .toEqual([0, 14, 28].map((days) => dayAfter(firstDue, days)));

  await upcomingRow(a, id, firstDue).getByTestId('skip-occurrence').click();
  await expect.poll(() => upcomingRow(a, id, firstDue).getAttribute('data-state')).toBe('skipped');
  await expect.poll(() => gym.getByTestId('recurring-next').getAttribute('data-date')).toBe(dayAfter(firstDue, 14));

  const secondDue = dayAfter(firstDue, 14);
  await editOccurrence(a, id, secondDue, { amount: '40', payee: 'Gym and sauna', date: dayAfter(secondDue, 1) });
  const changed = upcomingRow(a, id, secondDue);
  await expect.poll(() => changed.getAttribute('data-state')).toBe('changed');
  await expect(changed.getByTestId('upcoming-amount').textContent()).resolves.toBe('-$40.00');
  await expect(changed.getByTestId('upcoming-payee').textContent()).resolves.toBe('Gym and sauna');
  await expect(changed.getByTestId('upcoming-date').getAttribute('data-date')).resolves.toBe(dayAfter(secondDue, 1));
  await expect(gym.getByTestId('recurring-amount').textContent()).resolves.toBe('-$35.00');
  await expect(upcomingRow(a, id, dayAfter(firstDue, 28)).getByTestId('upcoming-amount').textContent()).resolves.toBe(
    '-$35.00',
  );
  expect(await axeViolations(a.page)).toEqual([]);

  await expect.poll(() => upcomingRow(b, id, firstDue).getAttribute('data-state'), PATIENCE).toBe('skipped');
  await expect.poll(() => upcomingRow(b, id, secondDue).getAttribute('data-state'), PATIENCE).toBe('changed');
  expect(await axeViolations(b.page)).toEqual([]);
  await b.open('transactions');
  await expect
    .poll(() => b.rowByPayee('Gym and sauna').getByTestId('tx-amount').textContent(), PATIENCE)
    .toBe('-$40.00');

  // Deleting the item ends its schedule everywhere; what it already booked stays in the ledger.
  await gym.getByTestId('edit-recurring').click();
  await a.byTestId('delete-recurring').click();
  await a.byTestId('recurring-empty').waitFor(PATIENCE);
  await expect.poll(() => a.page.getByTestId('upcoming-row').count()).toBe(0);
  await b.open('recurring');
  await b.byTestId('recurring-empty').waitFor(PATIENCE);
  await b.open('transactions');
  await expect.poll(() => b.rowByPayee('Gym and sauna').count(), PATIENCE).toBe(1);
});
