import type { Locator } from 'playwright-core';
import type { TallyDevice } from './tally-device.js';

/** Generous: the machine is shared, and a condition is awaited, never a fixed time. */
const PATIENCE = { timeout: 60_000 } as const;

export interface NewAccountIn {
  readonly name: string;
  readonly currency: string;
  readonly openingBalance: string;
}

export interface NewRate {
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly rate: string;
}

export async function chooseHomeCurrency(device: TallyDevice, code: string): Promise<void> {
  await device.open('currencies');
  await device.byTestId('home-currency').selectOption(code);
  await device.byTestId('save-home-currency').click();
  await device
    .byTestId('home-currency-current')
    .filter({ hasText: `(${code})` })
    .waitFor(PATIENCE);
}

export async function addAccountIn(device: TallyDevice, account: NewAccountIn): Promise<void> {
  await device.open('accounts');
  await device.byTestId('add-account').click();
  await device.byTestId('account-name').fill(account.name);
  await device.byTestId('account-currency').fill(account.currency);
  await device.byTestId('account-opening-balance').fill(account.openingBalance);
  await device.byTestId('save-account').click();
  await device.page.locator('[data-testid="account-row-name"]', { hasText: account.name }).waitFor(PATIENCE);
}

/** The row of a currency the accounts use, on the currencies screen. */
export function currencyUse(device: TallyDevice, code: string): Locator {
  return device.page.locator(`[data-testid="currency-use"][data-currency="${code}"]`);
}

/** Fills the rate form, already open, and saves it. */
export async function fillRate(device: TallyDevice, rate: Partial<NewRate>): Promise<void> {
  if (rate.from !== undefined) await device.byTestId('rate-from').selectOption(rate.from);
  if (rate.to !== undefined) await device.byTestId('rate-to').selectOption(rate.to);
  if (rate.date !== undefined) await device.byTestId('rate-date').fill(rate.date);
  if (rate.rate !== undefined) await device.byTestId('rate-value').fill(rate.rate);
  await device.byTestId('save-rate').click();
}

export async function addRate(device: TallyDevice, rate: NewRate): Promise<void> {
  await device.open('currencies');
  await device.byTestId('add-rate').click();
  await fillRate(device, rate);
  await device.byTestId('rate-form').waitFor({ state: 'detached', ...PATIENCE });
}

/** The rate rows whose text (day and rate, as the screen writes them) holds `text`. */
export function rateRow(device: TallyDevice, text: string): Locator {
  return device.byTestId('rate-row').filter({ hasText: text });
}

export async function editRate(device: TallyDevice, shown: string, rate: string): Promise<void> {
  await device.open('currencies');
  await rateRow(device, shown).getByTestId('edit-rate').click(PATIENCE);
  await fillRate(device, { rate });
  await device.byTestId('rate-form').waitFor({ state: 'detached', ...PATIENCE });
}

/** The net worth the screen shows, in the home currency. */
export function netWorthTotal(device: TallyDevice): Promise<string | null> {
  return device.byTestId('net-worth-total').textContent(PATIENCE);
}

/** What the home screen says an account's balance is in the home currency. */
export function balanceInHome(device: TallyDevice, account: string): Locator {
  return device.byTestId('balance-row').filter({ hasText: account }).getByTestId('balance-in-home');
}
