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

test('a transaction added on device A shows on device B without a reload', async () => {
  const a = await world.device();
  await a.addAccount('Checking');
  await a.connect('register', world.relayUrl, 'sam@example.com', 'Laptop');
  await a.waitForSyncState('synced');

  const b = await world.device();
  await b.connect('login', world.relayUrl, 'sam@example.com', 'Phone');
  await b.waitForSyncState('synced');
  await b.open('transactions');

  await a.addTransaction({ amount: '18.00', payee: 'Cinema', account: 'Checking' });
  const id = await a.idOfRow('Cinema');

  await b.row(id).waitFor({ timeout: 60_000 });
  await expect(b.row(id).getByTestId('tx-payee').textContent()).resolves.toBe('Cinema');
  await expect(b.row(id).getByTestId('tx-amount').textContent()).resolves.toBe('-$18.00');
  await expect(b.page.getByTestId('last-synced').textContent()).resolves.toMatch(/synced/);
});
