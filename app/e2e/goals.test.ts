import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { addContribution, addGoal, fillGoal, goalRow, PATIENCE } from './support/plans-steps.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('a goal made on one device counts its contributions, and an edit made on another device arrives', async () => {
  const a = await world.device();
  await a.open('goals');
  await a.byTestId('goals-empty').waitFor(PATIENCE);
  expect(await axeViolations(a.page)).toEqual([]);

  await a.addAccount('Checking');
  await a.connect('register', world.relayUrl, 'goals@example.com', 'Laptop');
  await a.waitForSyncState('synced');
  await a.open('goals');
  await a.byTestId('add-goal').click();
  await a.byTestId('save-goal').click();
  await expect(a.byTestId('goal-name-error').textContent(PATIENCE)).resolves.toBe('Give the goal a name.');
  await expect(a.byTestId('goal-target-error').textContent()).resolves.toBe('Enter an amount.');
  expect(await axeViolations(a.page)).toEqual([]);
  await a.byTestId('goal-cancel').click();

  await addGoal(a, { name: 'Bike', target: '500', targetDate: '2099-12-31' });
  const bike = goalRow(a, 'Bike');
  await expect(bike.getByTestId('goal-state').textContent()).resolves.toBe('On track');
  await addContribution(a, 'Bike', '120');
  await expect
    .poll(() => bike.getByTestId('goal-progress').textContent(), PATIENCE)
    .toBe('$120.00 of $500.00 saved (24%)');
  await expect(bike.getByTestId('goal-progressbar').getAttribute('aria-valuenow')).resolves.toBe('24');
  await expect(bike.getByTestId('goal-saved').textContent()).resolves.toBe('$120.00');
  await expect(bike.getByTestId('goal-left').textContent()).resolves.toBe('$380.00');
  expect(await axeViolations(a.page)).toEqual([]);

  const b = await world.device();
  await b.connect('login', world.relayUrl, 'goals@example.com', 'Phone');
  await b.waitForSyncState('synced');
  await b.open('goals');
  await expect.poll(() => goalRow(b, 'Bike').getByTestId('goal-saved').textContent(), PATIENCE).toBe('$120.00');
  await goalRow(b, 'Bike').getByTestId('edit-goal').click();
  await fillGoal(b, { name: 'Road bike', target: '240' });
  await b.byTestId('save-goal').click();
  await goalRow(b, 'Road bike').waitFor(PATIENCE);
  await addContribution(b, 'Road bike', '120');

  const roadBike = goalRow(a, 'Road bike');
  await expect
    .poll(() => roadBike.getByTestId('goal-progress').textContent(), PATIENCE)
    .toBe('$240.00 of $240.00 saved (100%)');
  await expect(roadBike.getByTestId('goal-state').textContent()).resolves.toBe('Reached');
  await expect(roadBike.getByTestId('contribution-row').count()).resolves.toBe(2);
});

test('a goal linked to an account counts its whole balance when asked, and deleting a goal removes it', async () => {
  const a = await world.device();
  await a.addAccount('Savings');
  await a.byTestId('add-transaction').click();
  await a.byTestId('kind-income').click();
  await a.fillTransaction({ amount: '300.00', payee: 'Deposit', account: 'Savings' });
  await a.byTestId('save').click();
  await a.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

  await addGoal(a, { name: 'Rainy day', target: '1,000', accounts: ['Savings'], wholeBalance: true });
  const rainyDay = goalRow(a, 'Rainy day');
  await expect.poll(() => rainyDay.getByTestId('goal-saved').textContent(), PATIENCE).toBe('$300.00');
  await expect(rainyDay.getByTestId('goal-linked').textContent()).resolves.toBe('Counts the balances of Savings.');
  await expect(rainyDay.getByTestId('goal-state').textContent()).resolves.toBe('No target date');
  await expect(rainyDay.getByTestId('goal-monthly').textContent()).resolves.toBe(
    'Set a target date to see a monthly amount.',
  );

  await rainyDay.getByTestId('delete-goal').click();
  expect(await axeViolations(a.page)).toEqual([]);
  await rainyDay.getByTestId('confirm-delete-goal').click();
  await a.byTestId('goals-empty').waitFor(PATIENCE);
});

test('a new goal linked to an account that already holds money starts at 0 %, then counts what the account gains', async () => {
  const a = await world.device();
  await a.open('accounts');
  await a.byTestId('add-account').click();
  await a.byTestId('account-name').fill('Savings');
  await a.byTestId('account-currency').fill('USD');
  await a.byTestId('account-opening-balance').fill('5300');
  await a.byTestId('save-account').click();
  await a.page.locator('[data-testid="account-row-name"]', { hasText: 'Savings' }).waitFor(PATIENCE);

  await addGoal(a, { name: 'Holiday', target: '4,000', accounts: ['Savings'] });
  const holiday = goalRow(a, 'Holiday');
  await expect.poll(() => holiday.getByTestId('goal-saved').textContent(), PATIENCE).toBe('$0.00');
  await expect(holiday.getByTestId('goal-progressbar').getAttribute('aria-valuenow')).resolves.toBe('0');
  await expect(holiday.getByTestId('goal-linked').textContent()).resolves.toMatch(/^Counts what Savings gained since /);

  await a.byTestId('add-transaction').click();
  await a.byTestId('kind-income').click();
  await a.fillTransaction({ amount: '400.00', payee: 'Deposit', account: 'Savings' });
  await a.byTestId('save').click();
  await a.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await a.open('goals');
  await expect.poll(() => holiday.getByTestId('goal-saved').textContent(), PATIENCE).toBe('$400.00');
  await expect(holiday.getByTestId('goal-progressbar').getAttribute('aria-valuenow')).resolves.toBe('10');
  expect(await axeViolations(a.page)).toEqual([]);
});

test('on a phone, each account to link is a touch target at least 44 px tall', async () => {
  const device = await world.device();
  await device.addAccount('Savings');
  await device.page.setViewportSize({ width: 360, height: 740 });
  await device.open('goals');
  await device.byTestId('add-goal').click();
  const target = device.page.locator('label.choice', { has: device.byTestId('goal-account') });
  await target.first().waitFor(PATIENCE);
  const box = await target.first().boundingBox();
  expect(box && box.height >= 44 && box.width >= 44).toBe(true);
});
