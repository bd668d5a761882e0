import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { addCategory, addRule, editRule, idOfRule, ruleRow, ruleRows } from './support/data-steps.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('a rule made on one device, edited on another, arrives back with the transactions it matches', async () => {
  const laptop = await world.device();
  await laptop.addAccount('Checking');
  await laptop.open('categories');
  await expect(laptop.byTestId('add-rule').isDisabled()).resolves.toBe(true);
  await addCategory(laptop, 'Subscriptions');
  await addCategory(laptop, 'Entertainment');
  await laptop.connect('register', world.relayUrl, 'ana@example.com', 'Laptop');
  await laptop.open('transactions');
  await laptop.addTransaction({ amount: '15.49', payee: 'NETFLIX.COM', account: 'Checking', date: '2026-11-01' });
  await laptop.addTransaction({
    amount: '9.99',
    payee: 'Spotify',
    account: 'Checking',
    date: '2026-11-02',
    notes: 'Family plan, Netflix next month',
  });
  await laptop.addTransaction({ amount: '4.50', payee: 'Bakery', account: 'Checking', date: '2026-11-03' });

  await laptop.open('categories');
  expect(await axeViolations(laptop.page)).toEqual([]);
  await laptop.byTestId('add-rule').click();
  expect(await axeViolations(laptop.page)).toEqual([]);
  await laptop.byTestId('save-rule').click();
  await expect(laptop.byTestId('rule-contains-error').textContent()).resolves.toBe('Enter the text to look for.');
  await expect(laptop.byTestId('rule-category-error').textContent()).resolves.toBe(
    'Choose the category these transactions get.',
  );
  expect(await axeViolations(laptop.page)).toEqual([]);
  await laptop.byTestId('rule-contains').fill('netflix');
  await expect(laptop.byTestId('rule-form-matches').textContent()).resolves.toBe('Matches 1 transaction');
  await laptop.byTestId('rule-category').selectOption({ label: 'Subscriptions' });
  await laptop.byTestId('save-rule').click();
  await laptop.byTestId('rule-form').waitFor({ state: 'detached' });

  const id = await idOfRule(laptop, 'Payee contains “netflix” → Subscriptions');
  await expect(ruleRow(laptop, id).getByTestId('rule-matches').textContent()).resolves.toBe('Matches 1 transaction');
  expect(await axeViolations(laptop.page)).toEqual([]);

  // A second rule for the same text in the same field is refused, whatever its case.
  await laptop.byTestId('add-rule').click();
  await laptop.byTestId('rule-contains').fill('NetFlix');
  await laptop.byTestId('rule-category').selectOption({ label: 'Entertainment' });
  await laptop.byTestId('save-rule').click();
  await expect(laptop.byTestId('rule-contains-error').textContent()).resolves.toMatch(/already looks for this text/);
  await laptop.byTestId('cancel-rule').click();
  await laptop.waitForSyncState('synced');

  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'ana@example.com', 'Phone');
  await phone.waitForSyncState('synced');
  await phone.open('categories');
  await ruleRow(phone, id).waitFor({ timeout: 60_000 });
  await expect
    .poll(() => ruleRow(phone, id).getByTestId('rule-matches').textContent(), { timeout: 60_000 })
    .toBe('Matches 1 transaction');
  await editRule(phone, id, { contains: 'Netflix.com', category: 'Entertainment' });
  await expect(ruleRow(phone, id).getByTestId('rule-summary').textContent()).resolves.toBe(
    'Payee contains “Netflix.com” → Entertainment',
  );

  await expect
    .poll(() => ruleRow(laptop, id).getByTestId('rule-summary').textContent(), { timeout: 60_000 })
    .toBe('Payee contains “Netflix.com” → Entertainment');
  await expect(ruleRow(laptop, id).getByTestId('rule-matches').textContent()).resolves.toBe('Matches 1 transaction');

  // A new transaction whose payee matches counts toward the rule on every device.
  await laptop.addTransaction({
    amount: '15.49',
    payee: 'netflix.com renewal',
    account: 'Checking',
    date: '2026-11-04',
  });
  await laptop.open('categories');
  await expect.poll(() => ruleRow(laptop, id).getByTestId('rule-matches').textContent()).toBe('Matches 2 transactions');
  await expect
    .poll(() => ruleRow(phone, id).getByTestId('rule-matches').textContent(), { timeout: 60_000 })
    .toBe('Matches 2 transactions');

  // Deleting it on the laptop removes it from the phone.
  await ruleRow(laptop, id).getByRole('button').click();
  await laptop.byTestId('delete-rule').click();
  await expect.poll(() => ruleRows(laptop).count()).toBe(0);
  await expect.poll(() => ruleRows(phone).count(), { timeout: 60_000 }).toBe(0);
});

test('rules look in the payee or the notes, each listed with its own count', async () => {
  const device = await world.device();
  await device.addAccount('Cash');
  await addCategory(device, 'Groceries');
  await device.open('transactions');
  await device.addTransaction({ amount: '20.00', payee: 'Lidl Berlin', account: 'Cash', date: '2026-11-01' });
  await device.addTransaction({ amount: '31.00', payee: 'LIDL', account: 'Cash', date: '2026-11-02' });
  await device.addTransaction({
    amount: '12.00',
    payee: 'Corner shop',
    account: 'Cash',
    date: '2026-11-03',
    notes: 'Weekly shop',
  });
  // Escape closes the form and gives the keyboard back to the button that opened it.
  await device.open('categories');
  await device.byTestId('add-rule').click();
  await device.byTestId('rule-contains').press('Escape');
  await device.byTestId('rule-form').waitFor({ state: 'detached' });
  await expect.poll(() => device.page.evaluate(() => document.activeElement?.id)).toBe('add-rule');
  await addRule(device, { field: 'notes', contains: 'weekly shop', category: 'Groceries' });
  await addRule(device, { contains: 'lidl', category: 'Groceries' });
  await expect
    .poll(() => ruleRows(device).getByTestId('rule-summary').allTextContents())
    .toEqual(['Payee contains “lidl” → Groceries', 'Notes contain “weekly shop” → Groceries']);
  await expect(ruleRows(device).getByTestId('rule-matches').allTextContents()).resolves.toEqual([
    'Matches 2 transactions',
    'Matches 1 transaction',
  ]);
});
