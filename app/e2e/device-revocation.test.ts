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

test('a device revoked from another is told so, stops syncing, and keeps its data', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  await laptop.connect('register', world.relayUrl, 'max@example.com', 'Laptop');
  await laptop.addTransaction({ amount: '3.10', payee: 'Newsagent', account: 'Checking' });

  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'max@example.com', 'Old phone');
  await phone.open('transactions');
  await phone.rowByPayee('Newsagent').waitFor({ timeout: 60_000 });

  await laptop.open('settings');
  const devices = laptop.page.getByTestId('device-row');
  await expect
    .poll(
      async () => {
        await laptop.byTestId('refresh-devices').click();
        return devices.count();
      },
      { timeout: 60_000 },
    )
    .toBe(2);
  await expect(laptop.page.locator('[data-testid="device-row"][data-current="true"]').textContent()).resolves.toMatch(
    /Laptop.*This device/,
  );
  laptop.page.once('dialog', (dialog) => void dialog.accept());
  await devices.filter({ hasText: 'Old phone' }).getByTestId('revoke-device').click();
  await expect.poll(() => devices.count(), { timeout: 60_000 }).toBe(1);

  await phone.byTestId('revoked-notice').waitFor({ timeout: 60_000 });
  await phone.waitForSyncState('local');
  await expect(phone.storedSession()).resolves.toMatchObject({ revoked: true });

  await laptop.addTransaction({ amount: '8.00', payee: 'After revocation', account: 'Checking' });
  await laptop.waitForSyncState('synced');
  await phone.reload();
  await phone.byTestId('revoked-notice').waitFor();
  await phone.open('transactions');
  await expect.poll(() => phone.byTestId('transaction-count').textContent()).toBe('1 transaction');
  await expect(phone.rowByPayee('Newsagent').count()).resolves.toBe(1);
});
