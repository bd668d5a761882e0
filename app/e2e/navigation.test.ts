import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MORE_ROUTES, PRIMARY_ROUTES, ROUTES, type Route } from '../src/shell/use-route.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;
const LANGUAGES = [
  { locale: 'en-US', more: 'More' },
  { locale: 'es-ES', more: 'Más' },
  { locale: 'de-DE', more: 'Mehr' },
] as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

/** Taps through the navigation to a screen as a person would, counting the taps. */
async function tapTo(device: TallyDevice, route: Route): Promise<number> {
  const link = device.byTestId(`nav-${route}`);
  if (await link.isVisible()) {
    await link.click();
    return 1;
  }
  await device.byTestId('nav-more').click();
  await link.click();
  return 2;
}

async function hashIs(device: TallyDevice, route: Route): Promise<void> {
  await device.page.waitForFunction(
    (expected) => window.location.hash.replace(/^#\/?/, '') === (expected === 'home' ? '' : expected),
    route,
    PATIENCE,
  );
}

/** The navigation element that marks the current screen, as long as it is on screen. */
async function markedInView(device: TallyDevice): Promise<{ readonly testId: string | null; readonly text: string }> {
  const marked = device.page.locator('nav [aria-current="page"]:visible, nav [data-current="true"]:visible');
  await expect(marked.count()).resolves.toBe(1);
  const box = await marked.boundingBox();
  const viewport = device.page.viewportSize();
  expect(
    box && viewport && box.x >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
  ).toBe(true);
  return { testId: await marked.getAttribute('data-testid'), text: (await marked.textContent()) ?? '' };
}

async function smallestTarget(device: TallyDevice, selector: string): Promise<number> {
  return device.page.evaluate((css) => {
    const sizes = [...document.querySelectorAll(css)]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0)
      .map((box) => Math.min(box.width, box.height));
    return Math.min(...sizes);
  }, selector);
}

describe.each(PHONES)('on a $width×$height phone', (viewport) => {
  test.each(LANGUAGES)(
    'in $locale the bottom bar holds five places, every screen is two taps away, and the current one is marked in view',
    async ({ locale, more }) => {
      const device = await world.device({ viewport, locale });
      const bar = device.page.locator('.nav__bar > li:visible');
      await expect(bar.count()).resolves.toBe(PRIMARY_ROUTES.length + 1);
      await expect(device.byTestId('nav-more').textContent()).resolves.toBe(more);
      for (const route of ROUTES) {
        await device.goto('/');
        const taps = await tapTo(device, route);
        await hashIs(device, route);
        expect({ route, taps }).toEqual({ route, taps: MORE_ROUTES.some((item) => item === route) ? 2 : 1 });
        const marked = await markedInView(device);
        const name = await device.byTestId(`nav-${route}`).textContent();
        if (marked.testId === 'nav-more') expect(marked.text).toContain(name);
        else expect(marked.testId).toBe(`nav-${route}`);
        await expect(
          device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).resolves.toBe(true);
      }
      expect(await smallestTarget(device, '.nav__bar a, .nav__bar button')).toBeGreaterThanOrEqual(44);
      await device.byTestId('nav-more').click();
      expect(await smallestTarget(device, '.nav__rest a')).toBeGreaterThanOrEqual(44);
      await device.page.keyboard.press('Escape');
      await expect(device.byTestId('nav-accounts').isVisible()).resolves.toBe(false);
      await expect(device.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
        'nav-more',
      );
      await device.close();
    },
  );
});

test('on a wide screen every screen is in the sidebar and "More" is not shown', async () => {
  const device = await world.device({ viewport: { width: 1280, height: 800 } });
  for (const route of ROUTES) await expect(device.byTestId(`nav-${route}`).isVisible()).resolves.toBe(true);
  await expect(device.byTestId('nav-more').isVisible()).resolves.toBe(false);
  await device.close();
});

test('the back button and the address keep working, each screen opens at its top, and back restores the place', async () => {
  const device = await world.device({ viewport: { width: 360, height: 740 }, firstRun: 'offered' });
  await device.byTestId('first-run-start').click();
  await device.byTestId('first-run').waitFor({ state: 'detached', ...PATIENCE });
  await device.dismissOfflineReady();
  await device.goto('/#/categories');
  await device.page.locator('[data-testid="category-row"]').first().waitFor(PATIENCE);
  const bottom = await device.page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(bottom).toBeGreaterThan(200);
  await device.page.mouse.wheel(0, 200);
  await expect.poll(() => device.page.evaluate(() => window.scrollY)).toBe(200);

  await tapTo(device, 'goals');
  await hashIs(device, 'goals');
  await expect.poll(() => device.page.evaluate(() => window.scrollY)).toBe(0);

  await device.page.goBack();
  await hashIs(device, 'categories');
  await expect.poll(() => device.page.evaluate(() => window.scrollY)).toBe(200);
  const marked = await markedInView(device);
  expect(marked.testId).toBe('nav-more');

  await device.page.goForward();
  await hashIs(device, 'goals');
  await expect.poll(() => device.page.evaluate(() => window.scrollY)).toBe(0);

  await tapTo(device, 'categories');
  await hashIs(device, 'categories');
  await expect.poll(() => device.page.evaluate(() => window.scrollY)).toBe(0);

  // An invitation link opens Ledgers; Ledgers from "More" changes only the address, and "More"
  // closes all the same, as it does for a link to the address already shown.
  await device.goto('/#/accept?code=INVITE-CODE');
  await tapTo(device, 'ledgers');
  await hashIs(device, 'ledgers');
  await expect(device.byTestId('nav-accounts').isVisible()).resolves.toBe(false);
  await tapTo(device, 'ledgers');
  await expect(device.byTestId('nav-accounts').isVisible()).resolves.toBe(false);
  await tapTo(device, 'goals');
  await hashIs(device, 'goals');
  await device.close();
});
