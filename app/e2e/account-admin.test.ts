import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('the relay’s admin sees every account with its storage use, and disables one — whose device is told — and enables it', async () => {
  const admin = await world.device();
  await admin.addAccount('Checking');
  await admin.connect('register', world.relayUrl, 'ada@example.com', 'Laptop');
  await admin.addTransaction({ amount: '12.50', payee: 'Bakery', account: 'Checking' });
  await admin.waitForSyncState('synced');

  const other = await world.device();
  await other.connect('register', world.relayUrl, 'ben@example.com', 'Phone');
  await other.byTestId('device-list').waitFor();
  await expect(other.byTestId('account-admin').count()).resolves.toBe(0);

  await admin.page.setViewportSize({ width: 360, height: 800 });
  await admin.open('settings');
  const rows = admin.page.getByTestId('account-row');
  await expect
    .poll(
      async () => {
        await admin.byTestId('refresh-accounts').click();
        return rows.count();
      },
      { timeout: 60_000 },
    )
    .toBe(2);
  const ada = rows.filter({ hasText: 'ada@example.com' });
  const ben = rows.filter({ hasText: 'ben@example.com' });
  await expect(ada.textContent()).resolves.toMatch(/You.*admin · 1 device/);
  await expect(ada.getByTestId('account-storage').getAttribute('data-bytes').then(Number)).resolves.toBeGreaterThan(0);
  await expect(ada.getByTestId('disable-account').count()).resolves.toBe(0);
  await expect(admin.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  expect(await axeViolations(admin.page)).toEqual([]);

  admin.page.once('dialog', (dialog) => void dialog.accept());
  await ben.getByTestId('disable-account').click();
  await expect.poll(() => ben.getAttribute('data-disabled'), { timeout: 60_000 }).toBe('true');
  await expect(ben.textContent()).resolves.toContain('Disabled');
  const told = other.byTestId('sync-problem');
  await told.waitFor({ timeout: 60_000 });
  await expect(told.textContent()).resolves.toContain('disabled your account');

  await ben.getByTestId('enable-account').focus();
  await admin.page.keyboard.press('Enter');
  await expect.poll(() => ben.getAttribute('data-disabled'), { timeout: 60_000 }).toBe('false');
});
