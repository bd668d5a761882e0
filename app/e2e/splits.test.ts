import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';
import {
  addCategory,
  openTransaction,
  saveTransaction,
  setPart,
  splitInto,
  startTransaction,
} from './support/transactions-steps.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('a split transaction made on one device is edited on another, and the edit arrives back', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  for (const name of ['Groceries', 'Household', 'Gifts']) await addCategory(laptop, name);
  await laptop.connect('register', world.relayUrl, 'sam@example.com', 'Laptop');
  await laptop.waitForSyncState('synced');

  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'sam@example.com', 'Phone');
  await phone.waitForSyncState('synced');
  await phone.open('transactions');

  await laptop.open('transactions');
  await startTransaction(laptop, { amount: '50.00', payee: 'Hypermarket', account: 'Checking' });
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);

  await splitInto(laptop, [
    { category: 'Groceries', amount: '30.00' },
    { category: 'Household', amount: '10.00' },
  ]);
  await expect.poll(() => laptop.byTestId('split-left').textContent()).toBe('$10.00 left to assign');
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);

  await laptop.byTestId('save').click();
  await expect
    .poll(() => laptop.byTestId('split-error').textContent())
    .toBe('The parts add up to $40.00, but the transaction is $50.00. Change a part or the amount so they match.');
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);

  await setPart(laptop, 1, { category: 'Household', amount: '20.00' });
  await expect.poll(() => laptop.byTestId('split-left').textContent()).toBe('All of it is assigned');
  await saveTransaction(laptop);

  const id = await laptop.idOfRow('Hypermarket');
  await expect.poll(() => laptop.row(id).getByTestId('tx-split').textContent()).toBe('Split');
  await expect.poll(() => laptop.row(id).getByTestId('tx-split-categories').textContent()).toBe('Groceries, Household');
  await expect.poll(() => laptop.row(id).getByTestId('tx-amount').textContent()).toBe('-$50.00');

  await phone.row(id).waitFor({ timeout: 60_000 });
  await expect.poll(() => phone.row(id).getByTestId('tx-split-categories').textContent()).toBe('Groceries, Household');
  await openTransaction(phone, id);
  await expect(phone.byTestId('part-0-amount').inputValue()).resolves.toBe('30.00');
  await setPart(phone, 0, { amount: '25.00' });
  await setPart(phone, 1, { category: 'Gifts', amount: '25.00' });
  await saveTransaction(phone);

  await expect
    .poll(() => laptop.row(id).getByTestId('tx-split-categories').textContent(), { timeout: 60_000 })
    .toBe('Groceries, Gifts');
  await openTransaction(laptop, id);
  await expect(laptop.byTestId('part-0-amount').inputValue()).resolves.toBe('25.00');
  await expect(laptop.byTestId('part-1-amount').inputValue()).resolves.toBe('25.00');
  await laptop.byTestId('cancel').click();
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);
});

test('removing a tag or a part, or not splitting any more, leaves the keyboard on a control that is still there', async () => {
  const device = await world.device();
  await device.addAccount('Wallet');
  for (const name of ['Books', 'Coffee', 'Snacks']) await addCategory(device, name);
  await device.open('transactions');
  await startTransaction(device, {
    amount: '9.00',
    payee: 'Station kiosk',
    account: 'Wallet',
    tags: ['travel', 'work'],
  });

  await device.byTestId('remove-tag').first().click();
  await expect.poll(() => focusedTestId(device)).toBe('remove-tag');
  await device.byTestId('remove-tag').first().click();
  await expect.poll(() => focusedTestId(device)).toBe('new-tag');

  await splitInto(device, [
    { category: 'Books', amount: '3.00' },
    { category: 'Coffee', amount: '3.00' },
    { category: 'Snacks', amount: '3.00' },
  ]);
  await device.byTestId('part-2-remove').click();
  await expect.poll(() => focusedTestId(device)).toBe('part-1-category');
  await device.byTestId('unsplit').click();
  await expect.poll(() => focusedTestId(device)).toBe('category');
  await expect(axeViolations(device.page)).resolves.toEqual([]);
});

function focusedTestId(device: TallyDevice): Promise<string | null> {
  return device.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}
