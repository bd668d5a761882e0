import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';
import {
  addCategory,
  addTag,
  addTransactionWith,
  filterByAccount,
  listedPayees,
  saveTransaction,
  search,
  startTransaction,
} from './support/transactions-steps.js';

let world: TallyWorld;
let device: TallyDevice;
beforeAll(async () => {
  world = await TallyWorld.start();
  device = await world.device();
  await device.addAccount('Checking');
  await device.addAccount('Wallet');
  await addCategory(device, 'Groceries');
});
afterAll(async () => {
  await world.stop();
});

test('search finds a word in the notes and a tag, accents aside, combined with an account filter', async () => {
  await device.open('transactions');
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await addTransactionWith(device, {
    amount: '24.00',
    payee: 'Corner Café',
    account: 'Checking',
    notes: 'Birthday cake for Ana',
    tags: ['party'],
  });
  await addTransactionWith(device, {
    amount: '6.50',
    payee: 'Station Kiosk',
    account: 'Wallet',
    notes: 'Balloons',
    tags: ['party'],
  });
  await addTransactionWith(device, { amount: '3.20', payee: 'Bakery', account: 'Checking', notes: 'Bread' });

  await search(device, 'birth');
  await expect.poll(() => listedPayees(device)).toEqual(['Corner Café']);
  await search(device, 'cafe ana');
  await expect.poll(() => listedPayees(device)).toEqual(['Corner Café']);

  await search(device, '#party');
  await expect.poll(async () => (await listedPayees(device)).sort()).toEqual(['Corner Café', 'Station Kiosk']);
  await filterByAccount(device, 'Wallet');
  await expect.poll(() => listedPayees(device)).toEqual(['Station Kiosk']);
  await expect.poll(() => device.byTestId('transaction-count').textContent()).toBe('1 of 3 transactions');
  await expect(axeViolations(device.page)).resolves.toEqual([]);

  // The search stays live: a new transaction that matches shows up under it.
  await addTransactionWith(device, { amount: '12.00', payee: 'Party Shop', account: 'Wallet', notes: 'Candles' });
  await expect.poll(async () => (await listedPayees(device)).sort()).toEqual(['Party Shop', 'Station Kiosk']);

  await search(device, 'nothing like this');
  await expect
    .poll(() => device.byTestId('transactions-empty').textContent())
    .toBe('No transaction matches these filters.');
  await expect(axeViolations(device.page)).resolves.toEqual([]);
});

test('a payee seen before gets its category suggested, taken with one click', async () => {
  await addTransactionWith(device, {
    amount: '41.30',
    payee: 'Fresh Market',
    account: 'Checking',
    category: 'Groceries',
  });
  await startTransaction(device, { amount: '18.90', payee: 'Fresh Market', account: 'Checking' });
  await expect
    .poll(() => device.byTestId('suggestion').textContent())
    .toBe('Suggested from your past transactions: Groceries');
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await device.byTestId('use-suggestion').click();
  await expect.poll(async () => device.byTestId('category').locator('option:checked').textContent()).toBe('Groceries');
  await expect.poll(() => device.byTestId('suggestion').count()).toBe(0);
  await saveTransaction(device);
});

test('the editor says what is wrong, in a way assistive technology reads', async () => {
  await startTransaction(device, { amount: 'twelve', payee: 'Nowhere' });
  await device.byTestId('save').click();
  await expect
    .poll(() => device.byTestId('amount-error').textContent())
    .toBe('“twelve” is not part of an amount in USD.');
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await device.byTestId('cancel').click();
});

test('a tag added on another device brings the transaction into the search open on this one', async () => {
  await world.startRelay();
  await device.connect('register', world.relayUrl, 'noor@example.com', 'Laptop');
  await device.waitForSyncState('synced');
  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'noor@example.com', 'Phone');
  await phone.waitForSyncState('synced');

  await device.open('transactions');
  await search(device, '#camping');
  await expect.poll(() => device.byTestId('transactions-empty').count()).toBe(1);

  const id = await phone.idOfRow('Bakery');
  await phone.open('transactions');
  // The list scrolls with the page, so the "works offline" toast may sit over its last row.
  if ((await phone.byTestId('offline-ready-dismiss').count()) > 0)
    await phone.byTestId('offline-ready-dismiss').click();
  await phone.row(id).click();
  await addTag(phone, 'camping');
  await saveTransaction(phone);

  await expect.poll(() => listedPayees(device), { timeout: 60_000 }).toEqual(['Bakery']);
});
