import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RELAY_ROUTES, ROUTES } from '../src/shell/use-route.js';
import { axeViolations } from './support/axe.js';
import { restoreRealisticLedger } from './support/realistic-ledger.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;
const TOUCH = 44;
/**
 * How long a screen may take to settle before it is measured: sections that wait for the relay or
 * the index render a moment after the heading. A measure still wrong after this is a real fault.
 */
const SETTLED = { timeout: 10_000 } as const;

/**
 * Interactive elements a finger must hit that are smaller than 44 × 44 px. A checkbox, radio or
 * visually hidden file input is measured by its label, which takes the tap; a link inside a
 * sentence is exempt, as WCAG 2.5.5 allows.
 */
async function smallTargets(device: TallyDevice): Promise<string[]> {
  return device.page.evaluate((touch) => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
      if (element.closest('[hidden], [aria-hidden="true"]')) continue;
      if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (element instanceof HTMLAnchorElement && element.closest('p, li > span')) continue;
      const byLabel =
        element instanceof HTMLInputElement &&
        (['checkbox', 'radio'].includes(element.type) ||
          (element.type === 'file' && element.classList.contains('visually-hidden')));
      const target = byLabel ? (element.labels?.[0] ?? element.closest('label') ?? element) : element;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.height < touch - 0.5 || box.width < touch - 0.5)
        small.push(
          `${element.dataset.testid ?? element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return small;
  }, TOUCH);
}

/** Whether the element is wholly inside the viewport as it is now, with nothing scrolled. */
async function inViewport(device: TallyDevice, testId: string): Promise<boolean> {
  return device.byTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
  });
}

/** The words of the bottom bar's four destinations that a line break cuts in two. */
function brokenWords(): string[] {
  const words: string[] = [];
  for (const item of document.querySelectorAll<HTMLElement>('.nav__bar a')) {
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) words.push(match[0]);
      }
    }
  }
  return words;
}

/** Where the run leaves a picture of every screen for a reviewer (git-ignored; named in the README). */
const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await world.stop();
});

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;
const PHONES_AND_LANGUAGES = PHONES.flatMap((viewport) =>
  ['en-US', 'es-ES', 'de-DE'].map((locale) => ({ ...viewport, locale })),
);

describe.each(PHONES_AND_LANGUAGES)(
  'every screen at $width×$height with a realistic ledger, in $locale',
  ({ width, height, locale }) => {
    let device: TallyDevice;
    beforeAll(async () => {
      device = await world.device({ viewport: { width, height }, locale });
      // The first visit's offline note stands above every screen until dismissed, and arrives
      // whenever the service worker is installed: dismissed first, every screen is measured as
      // every later visit shows it.
      await device.dismissOfflineReady();
      await restoreRealisticLedger(device);
    });

    test.each([...ROUTES])('%s: nothing scrolls sideways and every touch target is 44 px', async (screen) => {
      await device.open(screen);
      await device.page.locator('main h1').first().waitFor(PATIENCE);
      await expect(device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(
        true,
      );
      await expect.poll(() => smallTargets(device), SETTLED).toEqual([]);
    });

    test('the new-transaction form shows Save without scrolling, and nothing in it scrolls sideways or is too small to tap', async () => {
      await device.open('home');
      await device.byTestId('add-transaction').click();
      await device.byTestId('amount').waitFor(PATIENCE);
      await expect(inViewport(device, 'save')).resolves.toBe(true);
      await expect(device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(
        true,
      );
      await expect(smallTargets(device)).resolves.toEqual([]);
      await device.byTestId('cancel').click();
      await device.byTestId('transaction-editor').waitFor({ state: 'detached', ...PATIENCE });
    });

    test('on every screen the bottom bar names its four destinations without breaking a word across lines', async () => {
      for (const screen of ROUTES) {
        await device.open(screen);
        await expect.poll(() => device.page.evaluate(brokenWords), { message: screen, ...SETTLED }).toEqual([]);
      }
    });

    test('the transaction list fills the screen: at least eight whole rows above the bottom bar on 390×844, six on 360×740', async () => {
      await device.open('transactions');
      await expect.poll(() => device.rows().count(), PATIENCE).toBeGreaterThanOrEqual(8);
      const whole = await device.rows().evaluateAll((rows) => {
        const bar = document.querySelector('.nav__bar')?.getBoundingClientRect();
        const bottom = Math.min(window.innerHeight, bar?.top ?? window.innerHeight);
        return rows.filter((row) => {
          const box = row.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= bottom;
        }).length;
      });
      expect(whole).toBeGreaterThanOrEqual(height >= 844 ? 8 : 6);
    });
  },
);

describe.each(['light', 'dark'] as const)('every screen at 390×844 in the %s scheme', (colorScheme) => {
  let device: TallyDevice;
  beforeAll(async () => {
    device = await world.device({ viewport: { width: 390, height: 844 }, context: { colorScheme } });
    await restoreRealisticLedger(device);
  });

  test.each([...ROUTES])('%s: axe finds nothing, and a screenshot is written', async (screen) => {
    await device.open(screen);
    await device.page.locator('main h1').first().waitFor(PATIENCE);
    await expect(device.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).resolves.toBe(
      colorScheme === 'dark',
    );
    expect(await axeViolations(device.page)).toEqual([]);
    await device.page.screenshot({ path: join(SCREENSHOTS, `${screen}-390x844-${colorScheme}.png`) });
  });
});

describe.each(['en-US', 'es-ES', 'de-DE'])(
  'the advisors’ screens at 360×740, signed in as an advisor, in %s',
  (locale) => {
    let device: TallyDevice;
    beforeAll(async () => {
      await world.startRelay();
      device = await world.device({ viewport: { width: 360, height: 740 }, locale });
      const email = `advisor-${locale.toLowerCase()}@example.com`;
      await device.connect('register', world.relayUrl, email, 'Phone');
      await world.grantAdvisor(email);
      await device.reload();
      await device.open('advisor-profile');
      await device.byTestId('advisor-name').fill(`Advisor ${locale}`);
      await device.byTestId('advisor-specialty-budgeting').check();
      await device.byTestId('advisor-language-en').check();
      await device.byTestId('publish-profile').click();
      await device.byTestId('advisor-profile-saved').waitFor(PATIENCE);
      await device.byTestId('save-hours').click();
      await device.byTestId('advisor-hours-saved').waitFor(PATIENCE);
    });
    afterAll(async () => {
      await world.stopRelay();
    });

    test.each([...RELAY_ROUTES])(
      '%s: nothing scrolls sideways, every touch target is 44 px, axe finds nothing',
      async (screen) => {
        await device.open(screen);
        await device.page.locator('main h1').first().waitFor(PATIENCE);
        await device.page.locator('main .card, main .empty').first().waitFor(PATIENCE);
        await expect(
          device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).resolves.toBe(true);
        await expect(smallTargets(device)).resolves.toEqual([]);
        expect(await axeViolations(device.page)).toEqual([]);
      },
    );

    test('an advisor’s profile page with its slot picker: nothing scrolls sideways, every touch target is 44 px, axe finds nothing', async () => {
      await device.open('advisors');
      await device.byTestId('advisor-row').first().click();
      await device.byTestId('booking-slot').first().waitFor(PATIENCE);
      await expect(device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(
        true,
      );
      await expect(smallTargets(device)).resolves.toEqual([]);
      expect(await axeViolations(device.page)).toEqual([]);
    });
  },
);
