import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

declare global {
  interface Window {
    startOrder?: { rowAt?: number; wholeReadAt?: number };
    storageOpenedAt?: number;
    firstScreen?: { newestRead: boolean; fallbackShown: boolean; loadingShown: boolean };
  }
}

test('a start shows the newest transactions in the screen opened before it reads the whole stored ledger', async () => {
  const device = await world.device();
  await device.skipFirstRun();
  await device.addAccount('Checking');
  await device.addTransaction({ amount: '9.99', payee: 'Bookshop', account: 'Checking', date: '2026-11-02' });
  await device.addTransaction({ amount: '120.00', payee: 'Electricity', account: 'Checking', date: '2026-11-03' });
  await device.waitForServiceWorker();
  await device.open('transactions');
  await expect.poll(() => device.rows().count()).toBe(2);

  await device.page.addInitScript(() => {
    const order: NonNullable<Window['startOrder']> = {};
    window.startOrder = order;
    // The whole reads: y-indexeddb's stored updates, and every month of the transaction index.
    const whole = new Set(['updates', 'transactionMonths']);
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      if (order.wholeReadAt === undefined && whole.has(this.name)) order.wholeReadAt = performance.now();
      return getAll.apply(this, args);
    };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="transaction-row"]')) return;
      order.rowAt = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
  });
  for (let start = 0; start < 3; start += 1) {
    await device.reload();
    const order = await device.page.evaluate(() => window.startOrder);
    expect(order?.rowAt).toBeDefined();
    expect(order?.wholeReadAt).toBeDefined();
    expect(order?.rowAt).toBeLessThan(order?.wholeReadAt ?? 0);
  }
  await expect(device.rowByPayee('Electricity').getByTestId('tx-amount').textContent()).resolves.toBe('-$120.00');
});

test('a start asks for the opened screen’s code before the device’s storage has opened', async () => {
  const device = await world.device();
  await device.skipFirstRun();
  await device.waitForServiceWorker();
  await device.open('budgets');
  await device.page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<typeof open>) {
      const request = open.apply(this, args);
      request.addEventListener('success', () => {
        window.storageOpenedAt ??= performance.now();
      });
      return request;
    };
  });
  for (let start = 0; start < 3; start += 1) {
    await device.reload();
    const [screenAskedAt, storageOpenedAt] = await device.page.evaluate(() => [
      performance.getEntriesByType('resource').find((entry) => /\/assets\/BudgetsScreen-[^/]*\.js$/.test(entry.name))
        ?.startTime,
      window.storageOpenedAt,
    ]);
    expect(screenAskedAt).toBeDefined();
    expect(storageOpenedAt).toBeDefined();
    expect(screenAskedAt).toBeLessThan(storageOpenedAt ?? 0);
  }
});

test('a start whose screen’s code comes after the newest rows were read draws the app once, with its screen, and no loading line before', async () => {
  const device = await world.device({ context: { serviceWorkers: 'block' } });
  await device.addAccount('Checking');
  await device.addTransaction({ amount: '4.50', payee: 'Bakery', account: 'Checking', date: '2026-11-04' });
  await device.open('transactions');
  await expect.poll(() => device.rows().count()).toBe(1);

  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Without the service worker the chunk comes from the network, where it is held back.
  let held = 0;
  await device.page.route(/\/assets\/TransactionsScreen-[^/]*\.js$/, async (route) => {
    held += 1;
    await released;
    await route.continue();
  });
  await device.page.addInitScript(() => {
    const seen = { newestRead: false, fallbackShown: false, loadingShown: false };
    window.firstScreen = seen;
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<typeof get>) {
      const request = get.apply(this, args);
      if (args[0] === 'transactionIndex.newest')
        request.addEventListener('success', () => {
          seen.newestRead = true;
        });
      return request;
    };
    new MutationObserver(() => {
      // The screen's fallback: the loading line in place of the screen, in the shell's main part.
      if (document.querySelector('.shell__main > p.empty')) seen.fallbackShown = true;
      // The start's own loading line, drawn before the device's storage has opened.
      if (document.querySelector('#root > p.empty')) seen.loadingShown = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // The page waits for the held code for a second at most (the first screen's patience): the rows
  // are read well within it, and the code released two frames later.
  await device.page.reload({ waitUntil: 'commit' });
  await expect.poll(() => device.page.evaluate(() => window.firstScreen?.newestRead), { timeout: 60_000 }).toBe(true);
  // Two frames: time enough for React to have drawn the app around a screen still loading.
  await device.page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  release();
  await device.waitUntilReady();
  await expect(device.rowByPayee('Bakery').isVisible()).resolves.toBe(true);
  expect(held).toBe(1);
  await expect(device.page.evaluate(() => window.firstScreen)).resolves.toMatchObject({
    fallbackShown: false,
    loadingShown: false,
  });
});

test('a screen whose code never arrives does not keep the app from taking edits', async () => {
  const device = await world.device({
    // Without the service worker every chunk comes from the network, where this one stalls.
    context: { serviceWorkers: 'block' },
    prepare: (context) => context.route('**/assets/GoalsScreen-*.js', () => undefined),
  });
  await device.page.goto(`${world.appUrl}/#/goals`);
  await device.page.reload();
  await device.waitUntilReady();
  await expect(device.page.locator('.shell__main').getByText('Loading…').isVisible()).resolves.toBe(true);
  await expect(device.byTestId('add-transaction').isEnabled()).resolves.toBe(true);
});
