import { afterAll, beforeAll, expect, test } from 'vitest';
import { RELAY_ROUTES, ROUTES } from '../src/shell/use-route.js';
import { axeViolations } from './support/axe.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
let device: TallyDevice;
beforeAll(async () => {
  world = await TallyWorld.start();
  device = await world.device();
  await device.addAccount('Checking');
  await device.open('categories');
  await device.byTestId('add-category').click();
  await device.byTestId('category-name').fill('Groceries');
  await device.byTestId('save-category').click();
  await device.addTransaction({ amount: '42.10', payee: 'Corner Shop', account: 'Checking' });
});
afterAll(async () => {
  await world.stop();
});

test.each(ROUTES)('axe finds nothing to mend on the %s screen', async (route) => {
  await device.open(route);
  await device.page.locator('main h1').first().waitFor({ state: 'attached' });
  expect(await axeViolations(device.page)).toEqual([]);
});

test('in dark mode too, axe finds nothing to mend on any screen', async () => {
  await device.page.emulateMedia({ colorScheme: 'dark' });
  try {
    for (const route of ROUTES) {
      await device.open(route);
      await device.page.locator('main h1').first().waitFor({ state: 'attached' });
      expect({ route, violations: await axeViolations(device.page) }).toEqual({ route, violations: [] });
    }
  } finally {
    await device.page.emulateMedia({ colorScheme: 'light' });
  }
});

test('the check does report a control nobody labelled', async () => {
  await device.open('home');
  await device.page.evaluate(() =>
    document.querySelector('main')?.append(Object.assign(document.createElement('input'), { id: 'unlabelled' })),
  );
  expect(await axeViolations(device.page)).toEqual([expect.stringMatching(/^label .*#unlabelled/)]);
  await device.page.evaluate(() => document.getElementById('unlabelled')?.remove());
});

test('axe finds nothing to mend in the transaction editor, empty or showing its errors', async () => {
  await device.byTestId('add-transaction').click();
  expect(await axeViolations(device.page)).toEqual([]);
  await device.byTestId('save').click();
  await device.page.getByRole('alert').first().waitFor();
  expect(await axeViolations(device.page)).toEqual([]);
  await device.page.keyboard.press('Escape');
  await device.byTestId('transaction-editor').waitFor({ state: 'detached' });
});

test('every screen is reachable with the keyboard alone, and a transaction can be added without a pointer', async () => {
  const { page } = device;
  await device.goto('/');
  for (const route of ROUTES) {
    await tabUntil(device, `nav-${route}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (expected) => window.location.hash.replace(/^#\/?/, '') === (expected === 'home' ? '' : expected),
      route,
    );
    await page.locator('main h1').waitFor({ state: 'attached' });
  }
  await tabUntil(device, 'add-transaction');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedTestId(device)).toBe('amount');
  await page.keyboard.type('7.25');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bakery');
  await page.keyboard.press('Enter');
  await device.byTestId('transaction-editor').waitFor({ state: 'detached' });
  await device.open('transactions');
  await device.rowByPayee('Bakery').waitFor();
});

test('the transaction form keeps the keyboard inside it, and gives it back to the button that opened it', async () => {
  const { page } = device;
  await device.goto('/');
  await tabUntil(device, 'add-transaction');
  // The second time the form's code is already loaded and its amount field takes focus at once.
  for (const time of ['first', 'second']) {
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(device), { message: `amount focused on the ${time} open` }).toBe('amount');
    for (let presses = 0; presses < 30; presses++) {
      await page.keyboard.press(presses % 3 === 2 ? 'Shift+Tab' : 'Tab');
      await expect(page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).resolves.toBe(
        true,
      );
    }
    await page.keyboard.press('Escape');
    await device.byTestId('transaction-editor').waitFor({ state: 'detached' });
    await expect
      .poll(() => focusedTestId(device), { message: `focus back on the button after the ${time} close` })
      .toBe('add-transaction');
  }
});

test('after a category form closes, the keyboard is back on the control that opened it', async () => {
  const { page } = device;
  await device.open('categories');
  await device.byTestId('add-category').focus();
  await page.keyboard.press('Enter');
  await device.byTestId('category-name').fill('Travel');
  await device.byTestId('category-name').press('Enter');
  await expect.poll(() => focusedTestId(device)).toBe('add-category');

  const row = page.locator('[data-testid="category-row"]', { hasText: 'Travel' });
  const id = await row.getAttribute('data-id');
  await row.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await device.byTestId('category-name').fill('Trips');
  await device.byTestId('category-name').press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`edit-category-${id}`);
});

test('the control with keyboard focus is visibly outlined', async () => {
  await device.goto('/');
  await tabUntil(device, 'nav-transactions');
  const outline = await device.byTestId('nav-transactions').evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

async function focusedTestId(device: TallyDevice): Promise<string | null> {
  return device.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Presses Tab until the control with this test id has focus, as someone without a pointer would. */
async function tabUntil(device: TallyDevice, testId: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if ((await focusedTestId(device)) === testId) return;
    await device.page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('saving the home currency keeps the keyboard on the form and says what changed', async () => {
  await device.open('currencies');
  await device.byTestId('home-currency').selectOption('EUR');
  await device.byTestId('save-home-currency').focus();
  await device.page.keyboard.press('Enter');
  await expect.poll(() => device.byTestId('home-currency-current').textContent()).toContain('EUR');
  await expect(device.byTestId('home-currency-current').getAttribute('aria-live')).resolves.toBe('polite');
  await expect.poll(() => focusedTestId(device)).toBe('save-home-currency');
});

test('signed in to a relay as an advisor, axe finds nothing to mend on the advisors’ screens, light or dark', async () => {
  await world.startRelay();
  await device.connect('register', world.relayUrl, 'advisor@example.com', 'Laptop');
  await world.grantAdvisor('advisor@example.com');
  await device.reload();
  for (const colorScheme of ['light', 'dark'] as const) {
    await device.page.emulateMedia({ colorScheme });
    for (const route of RELAY_ROUTES) {
      await device.open(route);
      await device.page.locator('main .card, main .empty').first().waitFor({ timeout: 60_000 });
      expect({ route, colorScheme, violations: await axeViolations(device.page) }).toEqual({
        route,
        colorScheme,
        violations: [],
      });
    }
  }
  await device.page.emulateMedia({ colorScheme: 'light' });
});
