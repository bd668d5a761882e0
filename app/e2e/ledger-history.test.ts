import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { deleteTransaction } from './support/data-steps.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  // A version before every change, so the test need not wait an hour between them.
  await world.startRelay({ versionEveryMinutes: 0 });
});
afterAll(async () => {
  await world.stop();
});

test('Ledger history lists the relay’s versions and restores one by keyboard, on every device, at 360 px', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  await laptop.connect('register', world.relayUrl, 'ines@example.com', 'Laptop');
  await laptop.addTransaction({ amount: '12.00', payee: 'Bakery', account: 'Checking' });
  await laptop.addTransaction({ amount: '30.00', payee: 'Pharmacy', account: 'Checking' });
  await laptop.waitForSyncState('synced');
  const beforeDeleting = new Date().toISOString();

  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'ines@example.com', 'Phone');
  await phone.open('transactions');
  await expect
    .poll(() => phone.byTestId('transaction-count').textContent(), { timeout: 60_000 })
    .toBe('2 transactions');

  await deleteTransaction(laptop, 'Bakery');
  await deleteTransaction(laptop, 'Pharmacy');
  await laptop.waitForSyncState('synced');
  await expect
    .poll(() => phone.byTestId('transaction-count').textContent(), { timeout: 60_000 })
    .toBe('0 transactions');

  await laptop.page.setViewportSize({ width: 360, height: 740 });
  await laptop.open('settings');
  const versions = laptop.byTestId('version-row');
  await versions.first().waitFor({ timeout: 60_000 });
  const takenSinceDeleting = await versions.evaluateAll(
    (rows, since) => rows.filter((row) => (row.getAttribute('data-taken-at') ?? '') >= since).length,
    beforeDeleting,
  );
  expect(takenSinceDeleting).toBeGreaterThanOrEqual(2);
  await expect(versions.first().textContent()).resolves.toMatch(/\d{4}.*\d+:\d\d.*kB/);
  expect(await axeViolations(laptop.page)).toEqual([]);
  expect(await laptop.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The oldest version taken since: the ledger just before the first delete.
  const beforeDelete = versions.nth(takenSinceDeleting - 1).getByTestId('restore-version');
  await beforeDelete.focus();
  laptop.page.once('dialog', (dialog) => void dialog.accept());
  await laptop.page.keyboard.press('Enter');

  await expect
    .poll(() => laptop.byTestId('history-status').textContent(), { timeout: 60_000 })
    .toBe('Restored: 2 records written back. Your devices receive them now.');
  await expect
    .poll(() => phone.byTestId('transaction-count').textContent(), { timeout: 60_000 })
    .toBe('2 transactions');
  await laptop.open('transactions');
  await expect
    .poll(() => laptop.byTestId('transaction-count').textContent(), { timeout: 60_000 })
    .toBe('2 transactions');

  await laptop.open('settings');
  laptop.page.once('dialog', (dialog) => void dialog.accept());
  await versions.first().getByTestId('restore-version').click();
  await expect
    .poll(() => phone.byTestId('transaction-count').textContent(), { timeout: 60_000 })
    .toBe('0 transactions');
});

test('restoring waits for the person to confirm', async () => {
  const device = await world.device();
  await device.addAccount('Savings');
  await device.connect('register', world.relayUrl, 'ola@example.com', 'Tablet');
  await device.addTransaction({ amount: '5.00', payee: 'Kiosk', account: 'Savings' });
  await deleteTransaction(device, 'Kiosk');
  await device.waitForSyncState('synced');
  await device.open('settings');
  await device.byTestId('version-row').first().waitFor({ timeout: 60_000 });

  device.page.once('dialog', (dialog) => void dialog.dismiss());
  await device.byTestId('restore-version').first().click();

  await device.open('transactions');
  await expect.poll(() => device.byTestId('transaction-count').textContent()).toBe('0 transactions');
});
