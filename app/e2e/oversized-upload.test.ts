import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay({ maxFrameBytes: 4096 });
});
afterAll(async () => {
  await world.stop();
});

test('a ledger too large for the relay to take at once is kept, and the person is told why it does not sync', async () => {
  const device = await world.device();
  await device.addAccount('Checking');
  const notes = 'Receipt kept in the blue folder. '.repeat(50);
  for (const payee of ['Hardware store', 'Garden centre', 'Timber yard']) {
    await device.addTransaction({ amount: '45.00', payee, account: 'Checking', notes });
  }
  await device.connect('register', world.relayUrl, 'rob@example.com', 'Laptop');

  await expect.poll(() => device.byTestId('sync-problem').textContent(), { timeout: 60_000 }).toMatch(/too large/);
  await device.waitForSyncState('offline');
  await device.open('transactions');
  await expect.poll(() => device.byTestId('transaction-count').textContent()).toBe('3 transactions');
});
