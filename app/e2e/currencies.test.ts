import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import {
  addAccountIn,
  addRate,
  balanceInHome,
  chooseHomeCurrency,
  currencyUse,
  editRate,
  fillRate,
  netWorthTotal,
  rateRow,
} from './support/currencies-steps.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

/** A day two days back, so the rate is in force today, and how the screen writes it in en-US. */
function recentDay(): { readonly day: string; readonly shown: string } {
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const shown = new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return { day, shown };
}

test('net worth in the home currency converts a EUR account with the rate used, and a rate edited on another device arrives', async () => {
  const { day, shown } = recentDay();
  const laptop = await world.device();
  await laptop.open('currencies');
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);

  await chooseHomeCurrency(laptop, 'USD');
  await addAccountIn(laptop, { name: 'Chase', currency: 'USD', openingBalance: '500.00' });
  await addAccountIn(laptop, { name: 'Berlin', currency: 'eur', openingBalance: '1,000.00' });

  // Without a rate the EUR account is named, not silently left out of the total.
  await laptop.open('home');
  await expect.poll(() => netWorthTotal(laptop)).toBe('$500.00');
  await expect.poll(() => laptop.byTestId('net-worth-unconverted').textContent()).toMatch(/rate into USD: Berlin\./);
  await expect.poll(() => balanceInHome(laptop, 'Berlin').textContent()).toBe('No EUR to USD rate yet');

  await laptop.open('currencies');
  await expect
    .poll(() => currencyUse(laptop, 'EUR').getByTestId('currency-status').textContent())
    .toMatch(/No rate to USD yet/);
  await currencyUse(laptop, 'EUR').getByTestId('add-missing-rate').click();
  await expect(laptop.byTestId('rate-from').inputValue()).resolves.toBe('EUR');
  await expect(laptop.byTestId('rate-to').inputValue()).resolves.toBe('USD');
  await fillRate(laptop, { date: day, rate: '1.0842' });
  await rateRow(laptop, '1 EUR = 1.0842 USD').waitFor({ timeout: 60_000 });
  await expect(rateRow(laptop, '1 EUR = 1.0842 USD').getByTestId('rate-day').textContent()).resolves.toBe(shown);
  await expect
    .poll(() => currencyUse(laptop, 'EUR').getByTestId('currency-status').textContent())
    .toBe(`1 EUR = 1.0842 USD since ${shown}`);
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);

  await laptop.open('home');
  await expect.poll(() => netWorthTotal(laptop)).toBe('$1,584.20');
  await expect
    .poll(() => balanceInHome(laptop, 'Berlin').textContent())
    .toBe(`$1,084.20 at 1 EUR = 1.0842 USD, ${shown}`);
  await expect(laptop.byTestId('net-worth-unconverted').count()).resolves.toBe(0);
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);

  await laptop.open('accounts');
  await expect.poll(() => netWorthTotal(laptop)).toBe('$1,584.20');
  await expect(axeViolations(laptop.page)).resolves.toEqual([]);

  await laptop.connect('register', world.relayUrl, 'ana@example.com', 'Laptop');
  await laptop.waitForSyncState('synced');
  const phone = await world.device();
  await phone.connect('login', world.relayUrl, 'ana@example.com', 'Phone');
  await phone.waitForSyncState('synced');
  await phone.open('currencies');
  await expect
    .poll(() => phone.byTestId('home-currency-current').textContent(), { timeout: 60_000 })
    .toMatch(/\(USD\)/);

  await laptop.open('home');
  await editRate(phone, '1 EUR = 1.0842 USD', '1.0950');
  await expect.poll(() => phone.byTestId('rate-text').allTextContents()).toEqual(['1 EUR = 1.0950 USD']);
  await expect.poll(() => netWorthTotal(laptop), { timeout: 60_000 }).toBe('$1,595.00');
  await expect
    .poll(() => balanceInHome(laptop, 'Berlin').textContent())
    .toBe(`$1,095.00 at 1 EUR = 1.0950 USD, ${shown}`);

  // The home currency is shared too: chosen on the phone, the laptop's total follows, $500 ÷ 1.095 rounded half to even.
  await chooseHomeCurrency(phone, 'EUR');
  await expect.poll(() => netWorthTotal(laptop), { timeout: 60_000 }).toBe('€1,456.62');
  await expect.poll(() => balanceInHome(laptop, 'Chase').textContent()).toBe(`€456.62 at 1 EUR = 1.0950 USD, ${shown}`);
});

test('the account and rate forms say what is wrong next to each field, and every state passes axe', async () => {
  const device = await world.device();
  await device.open('accounts');
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await device.byTestId('add-account').click();
  await expect(axeViolations(device.page)).resolves.toEqual([]);

  await device.byTestId('account-currency').fill('EURO');
  await device.byTestId('save-account').click();
  await expect.poll(() => device.byTestId('account-name-error').textContent()).toBe('Give the account a name.');
  await expect
    .poll(() => device.byTestId('account-currency-error').textContent())
    .toBe('Use a three-letter currency code such as USD or EUR.');
  await expect(device.byTestId('account-currency').getAttribute('aria-describedby')).resolves.toBe(
    'account-currency-hint account-currency-error',
  );
  await expect(axeViolations(device.page)).resolves.toEqual([]);

  await device.byTestId('account-name').fill('Berlin');
  await device.byTestId('account-currency').fill('EUR');
  await device.byTestId('account-opening-balance').fill('10.005');
  await device.byTestId('save-account').click();
  await expect
    .poll(() => device.byTestId('account-opening-balance-error').textContent())
    .toBe('EUR allows at most 2 decimals.');

  await device.open('currencies');
  await device.byTestId('add-rate').click();
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await fillRate(device, { from: 'EUR', to: 'KRW', rate: '1,450' });
  await expect.poll(() => device.byTestId('rate-value-error').textContent()).toMatch(/read two ways/);
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await fillRate(device, { rate: '1450.25' });
  await rateRow(device, '1 EUR = 1,450.25 KRW').waitFor({ timeout: 60_000 });
  await addRate(device, { from: 'EUR', to: 'USD', date: '2026-11-20', rate: '1.0842' });
  await rateRow(device, '1 EUR = 1.0842 USD').getByTestId('delete-rate').click();
  await expect.poll(() => device.byTestId('rate-row').count()).toBe(1);
});

test('with every account in one currency nobody is asked for a home currency: Home shows net worth in it, and pickers name circulating currencies only', async () => {
  const device = await world.device({ locale: 'de-DE' });
  await addAccountIn(device, { name: 'Checking', currency: 'USD', openingBalance: '1200' });
  await addAccountIn(device, { name: 'Savings', currency: 'USD', openingBalance: '300' });
  await device.open('home');
  await device.byTestId('net-worth-total').waitFor();
  await expect(device.byTestId('net-worth-total').textContent()).resolves.toMatch(/\$/);
  await device.open('currencies');
  await expect(device.byTestId('home-currency').inputValue()).resolves.toBe('USD');
  const codes = await device
    .byTestId('home-currency')
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option instanceof HTMLOptionElement ? option.value : '')));
  expect(codes).toContain('EUR');
  for (const fund of ['BOV', 'CHE', 'USN']) expect(codes).not.toContain(fund);
  await expect(device.byTestId('home-currency').locator('option[value="EUR"]').textContent()).resolves.toBe(
    'Euro — EUR',
  );
});
