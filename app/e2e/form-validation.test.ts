import { afterAll, beforeAll, expect, test } from 'vitest';
import { TallyWorld } from './support/tally-world.js';
import { filterByAccount } from './support/transactions-steps.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

test('bad input gets a clear message next to each field and nothing is saved', async () => {
  const device = await world.device();
  await device.addAccount('Checking');
  await device.addAccount('Savings');

  await device.byTestId('add-transaction').click();
  await device.fillTransaction({ amount: 'twelve', payee: 'Nowhere', date: '' });
  await device.byTestId('save').click();
  await expect.poll(() => device.byTestId('amount-error').textContent()).toMatch(/not part of an amount/);
  await expect.poll(() => device.byTestId('date-error').textContent()).toMatch(/date/i);
  await expect(device.byTestId('amount').getAttribute('aria-describedby')).resolves.toBe('amount-error');

  await device.fillTransaction({ amount: '0', date: '2026-11-10' });
  await device.byTestId('save').click();
  await expect.poll(() => device.byTestId('amount-error').textContent()).toMatch(/other than zero/);
  await expect.poll(() => device.byTestId('date-error').count()).toBe(0);

  await device.byTestId('kind-transfer').check();
  await device.fillTransaction({ amount: '25.00' });
  await device.byTestId('to-account').selectOption({ label: 'Checking' });
  await device.byTestId('save').click();
  await expect.poll(() => device.byTestId('to-account-error').textContent()).toMatch(/two different accounts/);
  await device.byTestId('cancel').click();

  await device.open('accounts');
  await device.byTestId('add-account').click();
  await device.byTestId('account-currency').fill('ABC');
  await device.byTestId('save-account').click();
  await expect.poll(() => device.byTestId('account-name-error').textContent()).toMatch(/name/i);
  await expect.poll(() => device.byTestId('account-currency-error').textContent()).toMatch(/currency code/);

  await device.reload();
  await device.open('accounts');
  await expect.poll(() => device.page.getByTestId('account-row').count()).toBe(2);
  await device.open('transactions');
  await expect.poll(() => device.byTestId('transaction-count').textContent()).toBe('0 transactions');
});

test('a valid transfer writes both legs at once', async () => {
  const device = await world.device();
  await device.addAccount('Checking');
  await device.addAccount('Savings');
  await device.byTestId('add-transaction').click();
  await device.byTestId('kind-transfer').check();
  await device.fillTransaction({ amount: '200.00', payee: 'Monthly saving', account: 'Checking', date: '2026-11-05' });
  await device.byTestId('to-account').selectOption({ label: 'Savings' });
  await device.byTestId('save').click();
  await device.open('transactions');
  // One row for the transfer; each account's own list shows its leg.
  const transfer = device.rowByPayee('Checking → Savings');
  await expect.poll(() => transfer.getByTestId('tx-amount').allTextContents()).toEqual(['-$200.00']);
  await filterByAccount(device, 'Savings');
  await expect.poll(() => device.byTestId('tx-amount').allTextContents()).toEqual(['$200.00']);
});

test('an amount the ledger refuses is explained in the person’s language, with the currency and its decimals', async () => {
  const device = await world.device();
  await device.addAccount('Checking');
  await device.open('settings');
  await device.byTestId('language').selectOption('es');

  await device.byTestId('add-transaction').click();
  await device.fillTransaction({ amount: '12,345', payee: 'Mercado', date: '2026-11-10' });
  await device.byTestId('save').click();
  await expect.poll(() => device.byTestId('amount-error').textContent()).toBe('USD admite como máximo 2 decimales.');
  await expect(device.byTestId('amount').getAttribute('aria-invalid')).resolves.toBe('true');

  await device.fillTransaction({ amount: '12,34' });
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached' });
});
