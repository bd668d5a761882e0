import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  // Tally refreshes a minute before expiry, so a 64-second token is refreshed every few seconds.
  await world.startRelay({ accessTokenTtlSeconds: 64 });
});
afterAll(async () => {
  await world.stop();
});

test('the access token is rotated before it expires, and the rotated tokens keep working', async () => {
  const device = await world.device();
  await device.connect('register', world.relayUrl, 'ola@example.com', 'Laptop');
  await device.waitForSyncState('synced');
  const first = await device.storedSession();
  if (!first) throw new Error('no stored session');

  await expect
    .poll(async () => (await device.storedSession())?.refreshToken, { timeout: 60_000 })
    .not.toBe(first.refreshToken);
  const second = await device.storedSession();
  if (!second) throw new Error('no stored session');
  await expect
    .poll(async () => (await device.storedSession())?.refreshToken, { timeout: 60_000 })
    .not.toBe(second.refreshToken);

  await device.reload();
  await device.waitForSyncState('synced');
  await device.open('settings');
  await expect.poll(() => device.page.getByTestId('device-row').count(), { timeout: 60_000 }).toBe(1);
  await expect(device.storedSession()).resolves.toMatchObject({ revoked: false });
});

test('when the token a socket opened with expires, the relay closes it and the device syncs on with its renewed one', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  await laptop.connect('register', world.relayUrl, 'ines@example.com', 'Laptop');
  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'ines@example.com', 'Phone');
  await Promise.all([laptop.waitForSyncState('synced'), phone.waitForSyncState('synced')]);

  const expiredSockets = async () =>
    Number(
      /^tally_relay_expired_sockets_total (\d+)$/m.exec(await (await fetch(`${world.relayUrl}/metrics`)).text())?.[1],
    );
  const before = await expiredSockets();
  await expect.poll(expiredSockets, { timeout: 150_000, interval: 1_000 }).toBeGreaterThanOrEqual(before + 2);

  await laptop.addTransaction({ amount: '4.20', payee: 'After the expiry', account: 'Checking' });
  await phone.open('transactions');
  await phone.rowByPayee('After the expiry').waitFor({ timeout: 60_000 });
  await expect(phone.storedSession()).resolves.toMatchObject({ revoked: false });
  await expect(laptop.storedSession()).resolves.toMatchObject({ revoked: false });
});
