import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

/** Every address the page showed since this was called: a person who visited no other screen stays on Home. */
async function addressesShown(device: TallyDevice): Promise<() => Promise<string[]>> {
  await device.page.evaluate(() => {
    const shown = [window.location.hash];
    (window as unknown as { shown: string[] }).shown = shown;
    window.addEventListener('hashchange', () => shown.push(window.location.hash));
  });
  return () => device.page.evaluate(() => (window as unknown as { shown: string[] }).shown);
}

async function namesOf(device: TallyDevice, screen: 'accounts' | 'categories'): Promise<string[]> {
  await device.open(screen);
  const selector =
    screen === 'accounts' ? '[data-testid="account-row-name"]' : '[data-testid="category-row"] .list__title';
  await device.page.locator(selector).first().waitFor(PATIENCE);
  return (await device.page.locator(selector).allTextContents()).sort();
}

const STARTER_CATEGORIES = [
  'Eating out',
  'Groceries',
  'Health',
  'Housing',
  'Leisure',
  'Other income',
  'Salary',
  'Shopping',
  'Transport',
  'Utilities',
].sort();

test.each([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])(
  'a fresh device starts, and "+", 4.50, Save records an expense with no other screen visited ($width×$height)',
  async (viewport) => {
    const device = await world.device({ firstRun: 'offered', viewport });
    await device.byTestId('first-run-start').waitFor(PATIENCE);
    expect(await axeViolations(device.page)).toEqual([]);
    await device.page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(device.page)).toEqual([]);
    await device.page.emulateMedia({ colorScheme: 'light' });
    // Nothing of the step is out of reach sideways, on a phone either.
    await expect(device.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
      viewport.width,
    );
    const shown = await addressesShown(device);
    // The browser speaks American English: dollars are proposed.
    await expect(device.byTestId('first-run-currency').inputValue()).resolves.toBe('USD');

    await device.byTestId('first-run-start').click();
    await device.byTestId('first-run').waitFor({ state: 'detached', ...PATIENCE });
    await device.byTestId('add-transaction').click();
    await device.byTestId('amount').fill('4.50');
    await expect(device.byTestId('account').locator('option:checked').textContent()).resolves.toBe('Cash');
    await device.byTestId('save').click();
    await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });

    const recent = device.byTestId('recent-transaction');
    await expect.poll(() => recent.count(), PATIENCE).toBe(1);
    await expect(recent.locator('.money').textContent()).resolves.toBe('-$4.50');
    await expect(shown()).resolves.toEqual(['']);
    await expect(device.byTestId('balance-row').textContent()).resolves.toContain('Cash');
    // Started, the device does not offer the step again.
    await device.reload();
    await expect(device.byTestId('first-run').count()).resolves.toBe(0);
  },
);

test('the home currency proposed follows the browser, can be changed, and the words are the person’s language', async () => {
  const device = await world.device({ firstRun: 'offered', locale: 'de-DE' });
  await expect(device.byTestId('first-run-currency').inputValue()).resolves.toBe('EUR');
  await device.byTestId('first-run-currency').selectOption('CHF');
  await device.byTestId('first-run-start').click();
  await expect(namesOf(device, 'accounts')).resolves.toEqual(['Bargeld']);
  await expect(namesOf(device, 'categories')).resolves.toContain('Lebensmittel');
  await device.open('currencies');
  await expect(device.byTestId('home-currency').inputValue()).resolves.toBe('CHF');
});

test('two devices started apart while offline hold one "Cash" and one of each starter category once they join one relay account, and a rename survives', async () => {
  const phone = await world.device({ firstRun: 'offered' });
  const laptop = await world.device({ firstRun: 'offered' });
  const startOffline = async (device: TallyDevice) => {
    // Every screen's code is precached once the service worker controls the page.
    await device.waitForServiceWorker();
    await device.reload();
    await device.context.setOffline(true);
    await device.byTestId('first-run-start').click();
    await device.byTestId('first-run').waitFor({ state: 'detached', ...PATIENCE });
  };
  // The phone starts and renames its first account; only then does the laptop start, and book on it.
  await startOffline(phone);
  await phone.open('accounts');
  await phone.byTestId('account-row').filter({ hasText: 'Cash' }).getByRole('button').click();
  await phone.byTestId('account-name').fill('Wallet');
  await phone.byTestId('save-account').click();
  await phone.page.locator('[data-testid="account-row-name"]', { hasText: 'Wallet' }).waitFor(PATIENCE);
  await startOffline(laptop);
  await laptop.addTransaction({ amount: '12.00', payee: 'Bakery' });

  for (const device of [phone, laptop]) await device.context.setOffline(false);
  await phone.connect('register', world.relayUrl, 'kai@example.com', 'Phone');
  await phone.waitForSyncState('synced');
  await laptop.connect('login', world.relayUrl, 'kai@example.com', 'Laptop');
  await laptop.waitForSyncState('synced');
  await phone.waitForSyncState('synced');

  for (const device of [phone, laptop]) {
    await expect.poll(() => namesOf(device, 'accounts'), PATIENCE).toEqual(['Wallet']);
    await expect.poll(() => namesOf(device, 'categories'), PATIENCE).toEqual(STARTER_CATEGORIES);
    await device.open('transactions');
    await expect.poll(() => device.rows().count(), PATIENCE).toBe(1);
  }
});

test('"I already use Tally" leads to logging in and creates nothing on the device', async () => {
  const owner = await world.device();
  await owner.addAccount('Checking');
  await owner.connect('register', world.relayUrl, 'ada@example.com', 'Desktop');
  await owner.waitForSyncState('synced');

  const device = await world.device({ firstRun: 'offered' });
  await device.byTestId('first-run-login').click();
  await device.byTestId('relay-url').waitFor(PATIENCE);
  await device.open('accounts');
  await expect(device.byTestId('account-row').count()).resolves.toBe(0);
  await device.open('home');
  await device.byTestId('first-run').waitFor(PATIENCE);

  await device.connect('login', world.relayUrl, 'ada@example.com', 'Tablet');
  await device.waitForSyncState('synced');
  await expect.poll(() => namesOf(device, 'accounts'), PATIENCE).toEqual(['Checking']);
  await device.open('home');
  await device.byTestId('balance-row').waitFor(PATIENCE);
  await expect(device.byTestId('first-run').count()).resolves.toBe(0);
});

test('with the first run skipped and no account, the transaction form creates one inline and saves', async () => {
  const device = await world.device();
  await expect(device.byTestId('first-run').count()).resolves.toBe(0);
  await device.reload();
  await expect(device.byTestId('first-run').count()).resolves.toBe(0);

  await device.byTestId('add-transaction').click();
  await device.byTestId('first-account').waitFor(PATIENCE);
  expect(await axeViolations(device.page)).toEqual([]);
  await device.byTestId('amount').fill('3.20');
  await device.byTestId('first-account-name').fill('Pocket money');
  await device.byTestId('first-account-create').click();
  await expect(device.byTestId('account').locator('option:checked').textContent()).resolves.toBe('Pocket money');
  await device.byTestId('save').click();
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await expect.poll(() => device.byTestId('recent-transaction').count(), PATIENCE).toBe(1);
  await expect(namesOf(device, 'accounts')).resolves.toEqual(['Pocket money']);
});

test('starting from the keyboard hands it to "+", and an expense follows with Enter alone', async () => {
  const device = await world.device({ firstRun: 'offered' });
  const { page } = device;
  await device.byTestId('first-run-start').focus();
  await page.keyboard.press('Enter');
  await device.byTestId('first-run').waitFor({ state: 'detached', ...PATIENCE });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null))
    .toBe('add-transaction');
  await page.keyboard.press('Enter');
  await device.byTestId('amount').waitFor(PATIENCE);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('amount');
  await page.keyboard.type('4.50');
  await page.keyboard.press('Enter');
  await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
  await expect.poll(() => device.byTestId('recent-transaction').count(), PATIENCE).toBe(1);
});
