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

test('edits made apart while the relay is down settle on the later payee and the only amount edit, on both devices', async () => {
  const a = await world.device();
  await a.addAccount('Checking');
  await a.connect('register', world.relayUrl, 'ana@example.com', 'Laptop');
  await a.addTransaction({ amount: '30.00', payee: 'Market', account: 'Checking' });
  const id = await a.idOfRow('Market');

  const b = await world.device();
  await b.connect('login', world.relayUrl, 'ana@example.com', 'Phone');
  await b.open('transactions');
  await b.row(id).waitFor({ timeout: 60_000 });
  await a.waitForSyncState('synced');
  await b.waitForSyncState('synced');

  await world.stopRelay();
  await a.waitForSyncState('offline');
  await b.waitForSyncState('offline');

  await a.editTransaction(id, { payee: 'Farmers Market' });
  await b.editTransaction(id, { amount: '42.50' });
  // B's payee edit comes after A's: B's device has seen its own clock pass A's wall clock time.
  await b.editTransaction(id, { payee: 'Saturday Market' });

  await world.startRelay();
  await a.waitForSyncState('synced');
  await b.waitForSyncState('synced');

  for (const device of [a, b]) {
    await expect
      .poll(() => device.row(id).getByTestId('tx-payee').textContent(), { timeout: 60_000 })
      .toBe('Saturday Market');
    await expect.poll(() => device.row(id).getByTestId('tx-amount').textContent(), { timeout: 60_000 }).toBe('-$42.50');
  }
});
