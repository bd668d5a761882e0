import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  addRecurring,
  dayAfter,
  daysAgo,
  idOfRecurring,
  passMidnight,
  setClock,
  upcomingRow,
} from './support/recurring-steps.js';
import type { TallyDevice } from './support/tally-device.js';
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

/** The ids of the transactions paid to `payee` on this device, once it shows at least one. */
async function paymentIds(device: TallyDevice, payee: string): Promise<string[]> {
  await device.open('transactions');
  await device.rowByPayee(payee).first().waitFor(PATIENCE);
  return device.rowByPayee(payee).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? ''));
}

test('[REC6] two devices online when a payment falls due at midnight book it once, on both and in the ledger', async () => {
  // Eight minutes before midnight, on both devices: time enough to set up, then the clock is moved on.
  const { day: today, at } = daysAgo(2, '23:52:00');
  const dueDate = dayAfter(today, 1);
  const a = await world.device();
  const b = await world.device();
  await Promise.all([setClock(a, at), setClock(b, at)]);

  await a.addAccount('Checking');
  await a.connect('register', world.relayUrl, 'mo@example.com', 'Laptop');
  await a.waitForSyncState('synced');
  await b.connect('login', world.relayUrl, 'mo@example.com', 'Phone');
  await b.waitForSyncState('synced');

  await addRecurring(a, {
    payee: 'Rent',
    amount: '950',
    account: 'Checking',
    frequency: 'monthly',
    startDate: dueDate,
  });
  const id = await idOfRecurring(a, 'Rent');
  await b.open('recurring');
  for (const device of [a, b]) {
    await expect.poll(() => upcomingRow(device, id, dueDate).getAttribute('data-state'), PATIENCE).toBe('planned');
    await expect(device.byTestId('recurring-screen').getAttribute('data-day')).resolves.toBe(today);
  }
  await a.waitForSyncState('synced');
  await b.waitForSyncState('synced');

  await Promise.all([passMidnight(a), passMidnight(b)]);

  for (const device of [a, b]) {
    // The screen's day moved on: this device's own midnight check ran.
    await device.page.locator(`[data-testid="recurring-screen"][data-day="${dueDate}"]`).waitFor(PATIENCE);
    await expect.poll(() => upcomingRow(device, id, dueDate).getAttribute('data-state'), PATIENCE).toBe('created');
  }
  await a.waitForSyncState('synced');
  await b.waitForSyncState('synced');
  const onA = await paymentIds(a, 'Rent');
  const onB = await paymentIds(b, 'Rent');
  expect(onA).toHaveLength(1);
  expect(onB).toEqual(onA);
  await expect(a.rowByPayee('Rent').getByTestId('tx-amount').textContent()).resolves.toBe('-$950.00');

  // A third device reads the ledger from the relay after midnight and finds the one payment too.
  const c = await world.device();
  await setClock(c, new Date(await a.page.evaluate(() => Date.now())));
  await c.connect('login', world.relayUrl, 'mo@example.com', 'Tablet');
  await c.waitForSyncState('synced');
  await expect.poll(() => paymentIds(c, 'Rent'), PATIENCE).toEqual(onA);
});
