import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { addExpenseCategory, addSpending, budgetLine, PATIENCE, typeBudget } from './support/plans-steps.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

test('a budget set on one device shows its spending, and an edit made on another device arrives', async () => {
  const a = await world.device();
  await a.open('budgets');
  await a.byTestId('budgets-empty').waitFor(PATIENCE);
  expect(await axeViolations(a.page)).toEqual([]);

  await a.addAccount('Checking');
  await addExpenseCategory(a, 'Groceries', 'Food');
  await addExpenseCategory(a, 'Rent', 'Home');
  await a.connect('register', world.relayUrl, 'budgets@example.com', 'Laptop');
  await a.waitForSyncState('synced');
  await addSpending(a, { amount: '40.00', payee: 'Market', account: 'Checking', category: 'Groceries' });

  await a.open('budgets');
  const groceries = budgetLine(a, 'Groceries');
  await typeBudget(a, 'Groceries', '100');
  await expect.poll(() => groceries.getByTestId('budget-left').textContent(), PATIENCE).toBe('$60.00');
  await expect(groceries.getByTestId('budget-spent').textContent()).resolves.toBe('$40.00');
  await expect(groceries.getByTestId('budget-amount').inputValue()).resolves.toBe('100.00');
  await expect(a.byTestId('budget-total').textContent()).resolves.toContain('$100.00');
  expect(await axeViolations(a.page)).toEqual([]);

  await typeBudget(a, 'Rent', 'lots');
  await expect(budgetLine(a, 'Rent').getByTestId('budget-amount-error').textContent(PATIENCE)).resolves.toBe(
    '“lots” is not part of an amount in USD.',
  );
  expect(await axeViolations(a.page)).toEqual([]);
  await budgetLine(a, 'Rent').getByTestId('budget-amount').press('Escape');
  await budgetLine(a, 'Rent')
    .getByTestId('budget-amount-error')
    .waitFor({ state: 'detached', ...PATIENCE });

  const b = await world.device();
  await b.connect('login', world.relayUrl, 'budgets@example.com', 'Phone');
  await b.waitForSyncState('synced');
  await b.open('budgets');
  await expect
    .poll(() => budgetLine(b, 'Groceries').getByTestId('budget-amount').inputValue(), PATIENCE)
    .toBe('100.00');
  await expect(budgetLine(b, 'Groceries').getByTestId('budget-spent').textContent()).resolves.toBe('$40.00');
  await typeBudget(b, 'Groceries', '30');
  await expect
    .poll(() => budgetLine(b, 'Groceries').getByTestId('budget-left').textContent(), PATIENCE)
    .toBe('Overspent by $10.00');

  await expect.poll(() => groceries.getByTestId('budget-amount').inputValue(), PATIENCE).toBe('30.00');
  await expect(groceries.getByTestId('budget-left').textContent()).resolves.toBe('Overspent by $10.00');
  await expect(groceries.getAttribute('data-overspent')).resolves.toBe('true');
});

test('next month starts from a copy of this one, and what is left rolls over when asked', async () => {
  const a = await world.device();
  await a.addAccount('Checking');
  await addExpenseCategory(a, 'Groceries', 'Food');
  await addExpenseCategory(a, 'Rent', 'Home');
  await a.open('budgets');
  await typeBudget(a, 'Groceries', '250');
  await budgetLine(a, 'Groceries').getByTestId('budget-rollover').check();
  await expect
    .poll(() => budgetLine(a, 'Groceries').getByTestId('budget-left').textContent(), PATIENCE)
    .toBe('$250.00');

  await a.byTestId('budget-next').click();
  await a.byTestId('budget-this-month').waitFor(PATIENCE);
  await expect(budgetLine(a, 'Groceries').getByTestId('budget-carried').textContent()).resolves.toBe(
    'Includes $250.00 left from last month',
  );
  await a.byTestId('copy-budgets').click();
  await expect.poll(() => a.byTestId('budget-status').textContent(), PATIENCE).toMatch(/^Copied 1 budget from /);
  await expect(budgetLine(a, 'Groceries').getByTestId('budget-amount').inputValue()).resolves.toBe('250.00');
  await expect(budgetLine(a, 'Groceries').getByTestId('budget-left').textContent()).resolves.toBe('$500.00');
  await expect(budgetLine(a, 'Rent').getByTestId('budget-amount').inputValue()).resolves.toBe('0.00');
  expect(await axeViolations(a.page)).toEqual([]);
});

test('on a phone, spending in a category without a budget reads "not budgeted", never overspent, until a budget is set and exceeded', async () => {
  const device = await world.device();
  await device.addAccount('Checking');
  await addExpenseCategory(device, 'Groceries', 'Food');
  await addSpending(device, { amount: '40.00', payee: 'Market', account: 'Checking', category: 'Groceries' });
  await device.page.setViewportSize({ width: 360, height: 740 });
  await device.open('budgets');
  const groceries = budgetLine(device, 'Groceries');
  await groceries.getByTestId('budget-not-budgeted').waitFor(PATIENCE);
  await expect(groceries.getByTestId('budget-not-budgeted').textContent()).resolves.toBe('Not budgeted');
  await expect(device.byTestId('budget-overspent').count()).resolves.toBe(0);
  await typeBudget(device, 'Groceries', '30');
  await groceries.getByTestId('budget-overspent').waitFor(PATIENCE);
  await expect(groceries.getByTestId('budget-not-budgeted').count()).resolves.toBe(0);
});
