import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';
import {
  addCategory,
  addTransactionWith,
  chosenCategory,
  openTransaction,
  saveTransaction,
} from './support/transactions-steps.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

/** Two devices on one relay account, both holding a checking account and two categories. */
async function twoDevices(email: string): Promise<[TallyDevice, TallyDevice]> {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  for (const name of ['Groceries', 'Dining']) await addCategory(laptop, name);
  await laptop.connect('register', world.relayUrl, email, 'Laptop');
  await laptop.waitForSyncState('synced');
  const phone = await world.device();
  await phone.connect('login', world.relayUrl, email, 'Phone');
  await phone.waitForSyncState('synced');
  return [laptop, phone];
}

/** The notes and category the editor opens with for this transaction now; the editor is closed again. */
async function storedInEditor(device: TallyDevice, id: string): Promise<{ notes: string; category: string }> {
  await openTransaction(device, id);
  const stored = { notes: await device.byTestId('notes').inputValue(), category: await chosenCategory(device) };
  await device.byTestId('cancel').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  return stored;
}

test('saving the editor keeps a category another device changed while it was open', async () => {
  const [laptop, phone] = await twoDevices('sam@example.com');
  await laptop.open('transactions');
  await addTransactionWith(laptop, {
    amount: '12.00',
    payee: 'Corner shop',
    account: 'Checking',
    category: 'Groceries',
  });
  const id = await laptop.idOfRow('Corner shop');
  await phone.open('transactions');
  await phone.row(id).waitFor(PATIENCE);

  await openTransaction(laptop, id);
  await openTransaction(phone, id);
  await phone.byTestId('category').selectOption({ label: 'Dining' });
  await saveTransaction(phone);
  // The laptop's list, behind its open editor, shows the phone's category once it has arrived.
  await laptop.row(id).filter({ hasText: 'Dining' }).waitFor(PATIENCE);

  await laptop.byTestId('notes').fill('Bread and milk');
  await saveTransaction(laptop);

  for (const device of [laptop, phone]) {
    await expect
      .poll(() => storedInEditor(device, id), PATIENCE)
      .toEqual({ notes: 'Bread and milk', category: 'Dining' });
  }
});

test('an edit of a transaction deleted on another device is kept and can be saved again as a restored transaction', async () => {
  const [laptop, phone] = await twoDevices('kim@example.com');
  await laptop.open('transactions');
  await addTransactionWith(laptop, { amount: '4.50', payee: 'Bakery', account: 'Checking' });
  const id = await laptop.idOfRow('Bakery');
  await openTransaction(phone, id);

  await openTransaction(laptop, id);
  await laptop.byTestId('delete').click();
  await phone.row(id).waitFor({ state: 'detached', ...PATIENCE });

  await phone.byTestId('notes').fill('Birthday cake');
  await phone.byTestId('save').click();
  await phone.byTestId('form-error').waitFor(PATIENCE);
  await expect(phone.byTestId('notes').inputValue()).resolves.toBe('Birthday cake');
  await expect(axeViolations(phone.page)).resolves.toEqual([]);

  await phone.byTestId('restore-save').click();
  await phone.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await laptop.row(id).waitFor(PATIENCE);
  await expect
    .poll(() => storedInEditor(laptop, id), PATIENCE)
    .toEqual({ notes: 'Birthday cake', category: 'No category' });
});
