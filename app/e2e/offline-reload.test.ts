import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  // The relay serves the app itself here, so stopping it takes everything off the network.
  world = await TallyWorld.start('relay');
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('with the relay stopped, a reload still shows the app and all its data', async () => {
  const device = await world.device();
  await device.addAccount('Checking');
  await device.connect('register', world.relayUrl, 'kim@example.com', 'Laptop');
  await expect(device.byTestId('account-relay').textContent()).resolves.toBe(world.appUrl);
  await device.waitForSyncState('synced');
  await device.addTransaction({ amount: '9.99', payee: 'Bookshop', account: 'Checking', date: '2026-11-02' });
  await device.addTransaction({ amount: '120.00', payee: 'Electricity', account: 'Checking', date: '2026-11-03' });
  await device.waitForServiceWorker();

  await world.stopRelay();
  await device.waitForSyncState('offline');

  await device.reload();
  // The app's own files came from the precache by the browser's static route, not through the worker's fetch handler.
  const sources = await device.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/assets/'))
      .map((entry) => (entry as PerformanceResourceTiming & { workerFinalSourceType?: string }).workerFinalSourceType),
  );
  expect(sources.length).toBeGreaterThan(5);
  expect(new Set(sources)).toEqual(new Set(['cache']));
  await device.open('transactions');
  await expect.poll(() => device.rows().count(), { timeout: 60_000 }).toBe(2);
  await expect(device.rowByPayee('Electricity').getByTestId('tx-amount').textContent()).resolves.toBe('-$120.00');
  await expect(device.rowByPayee('Bookshop').getByTestId('tx-amount').textContent()).resolves.toBe('-$9.99');
  await device.waitForSyncState('offline');
});
