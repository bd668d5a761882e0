import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROUTES } from '../src/shell/use-route.js';
import { axeViolations } from './support/axe.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

async function screenOpens(device: TallyDevice, route: (typeof ROUTES)[number]): Promise<void> {
  await device.open(route);
  await device.page.locator(`main [aria-labelledby="${route}-title"]`).waitFor(PATIENCE);
  await expect(device.byTestId('screen-failed').count()).resolves.toBe(0);
}

test('after one visit, with the network gone, every screen and the transaction form open and work, and a reload shows it all', async () => {
  const device = await world.device();
  await device.skipFirstRun();
  await device.byTestId('offline-ready').waitFor(PATIENCE);
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  // Controlled since the first visit, with no reload between.
  await expect(device.page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);

  await device.context.setOffline(true);
  for (const route of ROUTES) await screenOpens(device, route);
  await device.addAccount('Wallet', 'EUR');
  await device.addTransaction({ amount: '4.50', payee: 'Bakery', account: 'Wallet', date: '2026-11-20' });
  await device.open('transactions');
  await device.rowByPayee('Bakery').waitFor(PATIENCE);

  await device.reload();
  await device.open('transactions');
  await expect(device.rowByPayee('Bakery').getByTestId('tx-amount').textContent(PATIENCE)).resolves.toBe('-€4.50');
  for (const route of ROUTES) await screenOpens(device, route);
});

test('a screen whose code cannot be loaded says so inside it, with a retry that opens it once the network is back', async () => {
  // Without a service worker, so the page's own requests are the ones routed to an error.
  const device = await world.device({ context: { serviceWorkers: 'block' } });
  await device.skipFirstRun();
  // Goals, whose code nothing loads ahead (reports' code is loaded at idle once the ledger is in).
  const failing = '**/assets/GoalsScreen-*.js';
  await device.page.route(failing, (route) => route.abort('internetdisconnected'));
  await device.open('goals');
  await device.byTestId('screen-failed').waitFor(PATIENCE);
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  // The rest of Tally still works: the navigation and the header are there.
  await expect(device.byTestId('nav-home').isVisible()).resolves.toBe(true);
  // The retry reloads Tally at the same screen: with the network still gone, it fails again.
  await Promise.all([device.page.waitForEvent('load', PATIENCE), device.byTestId('screen-retry').click()]);
  await device.byTestId('screen-failed').waitFor(PATIENCE);

  await device.page.unroute(failing);
  await Promise.all([device.page.waitForEvent('load', PATIENCE), device.byTestId('screen-retry').click()]);
  await device.page.locator('main [aria-labelledby="goals-title"]').waitFor(PATIENCE);
  await expect(device.byTestId('screen-failed').count()).resolves.toBe(0);

  const form = '**/assets/TransactionEditor-*.js';
  await device.page.route(form, (route) => route.abort('internetdisconnected'));
  await device.byTestId('add-transaction').click();
  await device.byTestId('screen-failed').waitFor(PATIENCE);
  await device.page.unroute(form);
  await Promise.all([device.page.waitForEvent('load', PATIENCE), device.byTestId('screen-retry').click()]);
  await device.page.locator('main [aria-labelledby="goals-title"]').waitFor(PATIENCE);
  await device.byTestId('add-transaction').click();
  await device.byTestId('amount').waitFor(PATIENCE);
});
