import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

test('with no relay and no account, accounts and transactions added on a device are there after a reload', async () => {
  const device = await world.device();
  await device.waitForSyncState('local');

  await device.addAccount('Checking', 'USD');
  await device.addAccount('Wallet', 'USD');
  await device.addTransaction({ amount: '4.20', payee: 'Corner Café', account: 'Checking', date: '2026-11-20' });
  await device.addTransaction({
    amount: '61.07',
    payee: 'Green Grocer',
    account: 'Wallet',
    date: '2026-11-21',
    notes: 'weekly shop',
  });

  await device.reload();
  await device.open('transactions');
  await expect.poll(() => device.rows().count(), { timeout: 60_000 }).toBe(2);
  await expect(device.rowByPayee('Green Grocer').getByTestId('tx-amount').textContent()).resolves.toBe('-$61.07');
  await expect(device.rowByPayee('Corner Café').getByTestId('tx-amount').textContent()).resolves.toBe('-$4.20');
  await device.open('accounts');
  await expect
    .poll(() => device.page.getByTestId('account-row-name').allTextContents())
    .toEqual(['Checking', 'Wallet']);
  await device.waitForSyncState('local');
});
