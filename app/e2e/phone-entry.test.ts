import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';
import { addCategory, addTransactionWith, filterByAccount, listedPayees } from './support/transactions-steps.js';

const PATIENCE = { timeout: 60_000 } as const;

/** Whether the element is wholly inside the viewport as it is now, with nothing scrolled. */
async function inViewport(device: TallyDevice, testId: string): Promise<boolean> {
  return device.byTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
  });
}

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

describe.each([
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
])('on a $name ($viewport.width×$viewport.height)', ({ viewport }) => {
  let device: TallyDevice;
  beforeAll(async () => {
    device = await world.device({ viewport });
    await device.addAccount('Checking');
    await device.addAccount('Savings');
    await addCategory(device, 'Coffee');
    await addCategory(device, 'Groceries');
    await addTransactionWith(device, { amount: '3.80', payee: 'Corner Café', account: 'Savings', category: 'Coffee' });
  });

  test('a repeat purchase is four steps: "+", the amount, the payee picked, Save — which is in view unscrolled', async () => {
    await device.open('home');
    const steps: string[] = [];
    await device.byTestId('add-transaction').click();
    steps.push('+');
    await expect(inViewport(device, 'save')).resolves.toBe(true);
    await device.byTestId('amount').fill('4.5');
    steps.push('amount');
    await device.page.locator('[data-testid="payee-suggestion"][data-payee="Corner Café"]').click();
    steps.push('payee');
    await expect(inViewport(device, 'save')).resolves.toBe(true);
    await expect(axeViolations(device.page)).resolves.toEqual([]);
    await device.byTestId('save').click();
    steps.push('save');
    await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
    expect(steps).toEqual(['+', 'amount', 'payee', 'save']);

    await device.open('transactions');
    const row = device.rowByPayee('Corner Café').filter({ hasText: '-$4.50' });
    // The payee brought its usual category and account.
    await expect.poll(() => row.textContent()).toMatch(/Savings · Coffee/);
  });

  test('an income form offers income categories only', async () => {
    await device.byTestId('add-transaction').click();
    await device.byTestId('kind-income').check();
    const offered = await device.byTestId('category').locator('option').allTextContents();
    expect(offered).toEqual(['No category']);
    await device.byTestId('cancel').click();
  });
});

describe('the transaction list on a phone', () => {
  let device: TallyDevice;
  beforeAll(async () => {
    device = await world.device({ viewport: { width: 390, height: 844 } });
    await device.addAccount('Checking');
    await device.addAccount('Savings');
    await addCategory(device, 'Groceries');
    await addCategory(device, 'Eating out');
    for (let day = 1; day <= 10; day++)
      await addTransactionWith(device, { amount: `${day}.25`, payee: `Shop ${day}`, account: 'Checking' });
  });

  test('fills the screen: at least eight rows show, and the page scrolls rather than a box inside it', async () => {
    await device.open('transactions');
    await expect.poll(() => device.rows().count()).toBeGreaterThanOrEqual(10);
    const visible = await device.rows().evaluateAll(
      (rows) =>
        rows.filter((row) => {
          const box = row.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );
    expect(visible).toBeGreaterThanOrEqual(8);
    await expect(axeViolations(device.page)).resolves.toEqual([]);
  });

  test('a transfer is one row "Checking → Savings", edited as one from it', async () => {
    await device.byTestId('add-transaction').click();
    await device.byTestId('kind-transfer').check();
    // The latest transaction, so Home lists it among the recent ones.
    await device.fillTransaction({ amount: '200', account: 'Checking', date: '2026-12-31' });
    await device.byTestId('to-account').selectOption({ label: 'Savings' });
    await device.byTestId('save').click();
    await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

    await device.open('transactions');
    const transfer = device.page.locator('[data-testid="transaction-row"][data-transfer="true"]');
    await expect.poll(() => transfer.count()).toBe(1);
    await expect(transfer.locator('[data-testid="tx-payee"]').textContent()).resolves.toBe('Checking → Savings');
    await device.open('home');
    await expect.poll(() => device.byTestId('recent-transaction').first().textContent()).toMatch(/Checking → Savings/);

    await device.open('transactions');
    await transfer.click();
    await expect(device.byTestId('account').inputValue()).resolves.not.toBe('');
    await expect(device.byTestId('to-account').locator('option:checked').textContent()).resolves.toBe('Savings');
    await device.byTestId('amount').fill('250');
    await device.byTestId('save').click();
    await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
    await expect.poll(() => transfer.locator('[data-testid="tx-amount"]').textContent()).toBe('-$250.00');

    // Each account's own list shows its side, with the balance after it.
    await filterByAccount(device, 'Savings');
    await expect.poll(() => device.byTestId('tx-amount').allTextContents()).toEqual(['$250.00']);
    await expect(device.byTestId('tx-balance').first().textContent()).resolves.toMatch(/\$250\.00/);
    await device.byTestId('filter-account').selectOption({ label: 'All accounts' });
  });

  test('a deleted transaction comes back with Undo', async () => {
    const id = await device.idOfRow('Shop 3');
    await device.row(id).click();
    await device.byTestId('notes').waitFor(PATIENCE);
    await device.byTestId('delete').click();
    await expect.poll(() => device.row(id).count()).toBe(0);
    await device.byTestId('undo-delete').click();
    await device.byTestId('undone').waitFor(PATIENCE);
    await expect.poll(() => device.row(id).locator('[data-testid="tx-amount"]').textContent()).toBe('-$3.25');
  });

  test('rows chosen together move to one category at once', async () => {
    await device.byTestId('filter-text').fill('1');
    await expect.poll(async () => (await listedPayees(device)).sort()).toEqual(['Shop 1', 'Shop 10']);
    await device.byTestId('select-transactions').click();
    for (const payee of ['Shop 1', 'Shop 10'])
      await device.rowByPayee(payee).locator('[data-testid="tx-select"]').check();
    await expect(device.byTestId('bulk-count').textContent()).resolves.toBe('2 selected');
    await expect(axeViolations(device.page)).resolves.toEqual([]);
    await device.byTestId('bulk-category').selectOption({ label: 'Eating out' });
    await device.byTestId('bulk-recategorise').click();
    await device.byTestId('select-transactions').click();
    await device.byTestId('filter-text').fill('');
    for (const payee of ['Shop 1', 'Shop 10'])
      await expect.poll(() => device.rowByPayee(payee).textContent()).toMatch(/Eating out/);
    await expect.poll(() => device.rowByPayee('Shop 4').textContent()).not.toMatch(/Eating out/);
  });
});

test('on a desktop, n opens the form, Enter saves, / searches and ? lists the shortcuts', async () => {
  const device = await world.device({ viewport: { width: 1280, height: 800 } });
  await device.addAccount('Checking');
  await device.page.locator('body').click();
  await device.page.keyboard.press('n');
  await device.byTestId('amount').waitFor(PATIENCE);
  await device.page.keyboard.type('12');
  await device.byTestId('payee').focus();
  await device.page.keyboard.type('Bookshop');
  await device.page.keyboard.press('Enter');
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

  await device.page.keyboard.press('n');
  await device.byTestId('amount').waitFor(PATIENCE);
  await device.page.keyboard.press('Escape');
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

  await device.page.keyboard.press('/');
  await expect
    .poll(() => device.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('filter-text');
  await device.page.keyboard.type('book');
  await expect.poll(() => listedPayees(device)).toEqual(['Bookshop']);

  await device.page.locator('h1').click();
  await device.page.keyboard.press('?');
  await device.byTestId('shortcuts').waitFor(PATIENCE);
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await device.page.keyboard.press('Escape');
  await device.byTestId('shortcuts').waitFor({ state: 'detached', ...PATIENCE });
});
