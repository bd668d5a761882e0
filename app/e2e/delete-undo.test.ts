import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';
import {
  addCategory,
  chosenCategory,
  filterByAccount,
  openTransaction,
  startTransaction,
} from './support/transactions-steps.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
let laptop: TallyDevice;
let phone: TallyDevice;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
  laptop = await world.device();
  await laptop.addAccount('Checking');
  await laptop.addAccount('Savings');
  await addCategory(laptop, 'Groceries');
  await laptop.connect('register', world.relayUrl, 'undo@example.com', 'Laptop');
  await laptop.waitForSyncState('synced');
  phone = await world.device({ viewport: { width: 390, height: 844 } });
  await phone.connect('login', world.relayUrl, 'undo@example.com', 'Phone');
  await phone.waitForSyncState('synced');
});
afterAll(async () => {
  await world.stop();
});

/** Every field of the transaction open in the editor, as the form shows it. */
async function editorFields(device: TallyDevice): Promise<Record<string, string | readonly string[]>> {
  return {
    amount: await device.byTestId('amount').inputValue(),
    payee: await device.byTestId('payee').inputValue(),
    date: await device.byTestId('date').inputValue(),
    account: (await device.byTestId('account').locator('option:checked').textContent()) ?? '',
    category: await chosenCategory(device),
    notes: await device.byTestId('notes').inputValue(),
    tags: await device.byTestId('tag').allTextContents(),
  };
}

async function deleteOpen(device: TallyDevice): Promise<void> {
  await device.byTestId('delete').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
}

test('a deleted transaction is gone on the other device too, and Undo brings it back there with every field', async () => {
  await laptop.open('transactions');
  await startTransaction(laptop, {
    amount: '23.45',
    payee: 'Market',
    account: 'Savings',
    notes: 'Weekly shop',
    category: 'Groceries',
    tags: ['family'],
  });
  await laptop.byTestId('date').fill('2026-11-14');
  await laptop.byTestId('save').click();
  await laptop.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  const id = await laptop.idOfRow('Market');
  await openTransaction(laptop, id);
  const before = await editorFields(laptop);
  expect(before).toMatchObject({ payee: 'Market', date: '2026-11-14', account: 'Savings', category: 'Groceries' });
  expect(before.tags).toHaveLength(1);

  await phone.open('transactions');
  await phone.row(id).waitFor(PATIENCE);
  await deleteOpen(laptop);
  await expect.poll(() => phone.row(id).count(), PATIENCE).toBe(0);

  await laptop.byTestId('undo-delete').click();
  await laptop.byTestId('undone').waitFor(PATIENCE);
  await phone.row(id).waitFor(PATIENCE);
  await openTransaction(phone, id);
  await expect(editorFields(phone)).resolves.toEqual(before);
  await phone.byTestId('cancel').click();
  await openTransaction(laptop, id);
  await expect(editorFields(laptop)).resolves.toEqual(before);
  await laptop.byTestId('cancel').click();
});

async function addTransfer(device: TallyDevice, amount: string, date: string): Promise<void> {
  await device.byTestId('add-transaction').click();
  await device.byTestId('kind-transfer').check();
  await device.fillTransaction({ amount, account: 'Checking', date });
  await device.byTestId('to-account').selectOption({ label: 'Savings' });
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
}

const transfers = (device: TallyDevice) => device.page.locator('[data-testid="transaction-row"][data-transfer="true"]');

test('a transfer deletes as one: neither account keeps a leg of it, here or on the other device', async () => {
  await laptop.open('transactions');
  await addTransfer(laptop, '75', '2026-11-20');
  await phone.open('transactions');
  await expect.poll(() => transfers(phone).count(), PATIENCE).toBe(1);

  await laptop.open('transactions');
  await transfers(laptop).click();
  await deleteOpen(laptop);
  for (const device of [laptop, phone]) {
    await device.open('transactions');
    await expect.poll(() => transfers(device).count(), PATIENCE).toBe(0);
    await filterByAccount(device, 'Savings');
    await expect.poll(() => device.byTestId('tx-payee').allTextContents(), PATIENCE).toEqual(['Market']);
    await filterByAccount(device, 'Checking');
    await expect.poll(() => device.rows().count(), PATIENCE).toBe(0);
    await filterByAccount(device, 'All accounts');
  }
});

test('Undo after deleting a transfer brings it back as one transfer, here and on the other device', async () => {
  await laptop.open('transactions');
  await addTransfer(laptop, '40', '2026-11-21');
  await phone.open('transactions');
  await expect.poll(() => transfers(phone).count(), PATIENCE).toBe(1);

  await transfers(laptop).click();
  await deleteOpen(laptop);
  await laptop.byTestId('undo-delete').click();
  await laptop.byTestId('undone').waitFor(PATIENCE);
  for (const device of [laptop, phone]) {
    await expect.poll(() => transfers(device).count(), PATIENCE).toBe(1);
    await expect(transfers(device).getByTestId('tx-payee').textContent()).resolves.toBe('Checking → Savings');
    await expect(transfers(device).getByTestId('tx-amount').textContent()).resolves.toBe('-$40.00');
    await filterByAccount(device, 'Savings');
    await expect.poll(() => device.byTestId('tx-amount').allTextContents(), PATIENCE).toEqual(['$40.00', '-$23.45']);
    await filterByAccount(device, 'All accounts');
  }
});
