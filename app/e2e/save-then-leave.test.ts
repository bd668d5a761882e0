import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 };
const ROUNDS = 6;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

test('an expense whose form has closed on Save is kept, however soon the page reloads after it', async () => {
  const device = await world.device();
  await device.addAccount('Wallet', 'USD');
  await device.open('transactions');

  for (let round = 1; round <= ROUNDS; round += 1) {
    await device.addTransaction({ amount: `${round}.00`, payee: `Shop ${round}` });
    await device.reload();
    await device.open('transactions');
    await expect.poll(() => device.rows().count(), PATIENCE).toBe(round);
  }
  const payees = await device.page.getByTestId('tx-payee').allTextContents();
  expect([...payees].sort()).toEqual(Array.from({ length: ROUNDS }, (_, i) => `Shop ${i + 1}`).sort());
});

test('an expense saved in a tab closed right after Save is there in the device’s other tab', async () => {
  const device = await world.device();
  await device.addAccount('Wallet', 'USD');

  for (let round = 1; round <= ROUNDS; round += 1) {
    const tab = await device.context.newPage();
    await tab.goto(device.page.url());
    await tab.locator('.shell[data-ready="true"]').waitFor(PATIENCE);
    await tab.getByTestId('add-transaction').click();
    await tab.getByTestId('amount').fill(`${round}.50`);
    await tab.getByTestId('payee').fill(`Closed tab ${round}`);
    await tab.getByTestId('save').click();
    await tab.getByTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
    await tab.close();
  }

  await device.reload();
  await device.open('transactions');
  await expect.poll(() => device.rows().count(), PATIENCE).toBe(ROUNDS);
});
