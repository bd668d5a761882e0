import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
let device: TallyDevice;
beforeAll(async () => {
  world = await TallyWorld.start();
  device = await world.device();
  await device.addAccount('Checking');
  await device.addTransaction({ amount: '1234.50', payee: 'Landlord', account: 'Checking', date: '2026-03-05' });
});
afterAll(async () => {
  await world.stop();
});

/** Text as a person reads it: `Intl` puts no-break spaces between an amount and its currency. */
async function shown(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
}

async function chooseLanguage(language: 'en' | 'es' | 'de'): Promise<void> {
  await device.open('settings');
  await device.byTestId('language').selectOption(language);
}

test('switching to Spanish, then German, changes every word, the money and the dates, and survives a reload', async () => {
  const { page } = device;
  await chooseLanguage('es');
  await expect.poll(() => device.byTestId('nav-transactions').textContent()).toBe('Movimientos');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
  await expect(page.locator('main h1').textContent()).resolves.toBe('Ajustes');

  await device.open('transactions');
  const row = device.rowByPayee('Landlord');
  await expect(shown(row.getByTestId('tx-amount'))).resolves.toBe('-1234,50 US$');
  await expect(row.textContent()).resolves.toContain('5 mar 2026');

  await device.reload();
  await expect(device.byTestId('nav-transactions').textContent()).resolves.toBe('Movimientos');

  await chooseLanguage('de');
  await expect.poll(() => device.byTestId('nav-settings').textContent()).toBe('Einstellungen');
  await device.open('transactions');
  await expect(shown(device.rowByPayee('Landlord').getByTestId('tx-amount'))).resolves.toBe('-1.234,50 $');
  await expect(device.rowByPayee('Landlord').textContent()).resolves.toContain('5. März 2026');

  await chooseLanguage('en');
  await expect.poll(() => device.byTestId('nav-transactions').textContent()).toBe('Transactions');
});

test('a device whose browser speaks German starts in German', async () => {
  const context = await device.context.browser()?.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  if (!context) throw new Error('no browser');
  try {
    const page = await context.newPage();
    await page.goto(world.appUrl);
    await expect.poll(() => page.getByTestId('nav-transactions').textContent()).toBe('Buchungen');
  } finally {
    await context.close();
  }
});
