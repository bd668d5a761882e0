import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

const PATIENCE = { timeout: 60_000 } as const;

/** Records `count` transactions one after another, each named after the tab and its turn. */
async function record(tab: TallyDevice, name: string, count: number): Promise<string[]> {
  const payees: string[] = [];
  for (let turn = 1; turn <= count; turn += 1) {
    const payee = `${name} ${turn}`;
    await tab.addTransaction({ amount: `${turn}.25`, payee, account: 'Checking' });
    payees.push(payee);
  }
  return payees;
}

/** The payees of the transactions a tab lists, sorted. */
async function listedPayees(tab: TallyDevice): Promise<string[]> {
  return (await tab.page.getByTestId('tx-payee').allTextContents()).sort();
}

test('two tabs of one device and a second device all write at once, and every tab and device ends with every transaction', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  await laptop.connect('register', world.relayUrl, 'kim@example.com', 'Laptop');
  await laptop.waitForSyncState('synced');
  const secondTab = await laptop.newTab();
  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'kim@example.com', 'Phone');
  await phone.waitForSyncState('synced');
  for (const tab of [laptop, secondTab, phone]) await tab.open('transactions');

  const written = (
    await Promise.all([record(laptop, 'Tab one', 4), record(secondTab, 'Tab two', 4), record(phone, 'Phone', 4)])
  ).flat();

  const expected = [...written].sort();
  for (const tab of [laptop, secondTab, phone]) {
    await tab.page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="transaction-row"]').length === count,
      expected.length,
      PATIENCE,
    );
    await expect(listedPayees(tab)).resolves.toEqual(expected);
  }

  // Reloaded, the device reads the same from its own storage: no tab's write was lost there either.
  await secondTab.page.close();
  await laptop.reload();
  await laptop.open('transactions');
  await laptop.page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="transaction-row"]').length === count,
    expected.length,
    PATIENCE,
  );
  await expect(listedPayees(laptop)).resolves.toEqual(expected);
});
