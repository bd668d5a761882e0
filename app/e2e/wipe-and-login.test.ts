import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('a device that wiped its data logs in again and gets everything back', async () => {
  const device = await world.device();
  await device.addAccount('Checking');
  await device.addAccount('Savings');
  await device.connect('register', world.relayUrl, 'lee@example.com', 'Tablet');
  await device.addTransaction({ amount: '7.25', payee: 'Bakery', account: 'Checking', date: '2026-10-30' });
  await device.addTransaction({ amount: '1,500.00', payee: 'Rent', account: 'Checking', date: '2026-11-01' });
  await device.addTransaction({ amount: '55.10', payee: 'Pharmacy', account: 'Savings', date: '2026-11-04' });
  await device.waitForSyncState('synced');

  await device.open('settings');
  await device.byTestId('logout-wipe-data').check();
  await device.byTestId('logout').click();
  await device.page.waitForEvent('load');
  await device.waitUntilReady();
  await device.waitForSyncState('local');
  await device.open('transactions');
  await expect.poll(() => device.byTestId('transaction-count').textContent()).toBe('0 transactions');
  await device.open('accounts');
  await expect.poll(() => device.page.getByText('Add the accounts you spend from').count()).toBe(1);

  await device.connect('login', world.relayUrl, 'lee@example.com', 'Tablet again');
  await device.waitForSyncState('synced');
  await device.open('transactions');
  await expect.poll(() => device.rows().count(), { timeout: 60_000 }).toBe(3);
  await expect(device.rowByPayee('Rent').getByTestId('tx-amount').textContent()).resolves.toBe('-$1,500.00');
  await device.open('accounts');
  await expect
    .poll(() => device.page.getByTestId('account-row-name').allTextContents())
    .toEqual(['Checking', 'Savings']);
});
