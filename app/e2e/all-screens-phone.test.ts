import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTES } from '../src/shell/use-route.js';
import { axeViolations } from './support/axe.js';
import { restoreRealisticLedger } from './support/realistic-ledger.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;
const TOUCH = 44;

/**
 * Interactive elements a finger must hit that are smaller than 44 × 44 px. A checkbox or radio is
 * measured by its label, which takes the tap; a link inside a sentence is exempt, as WCAG 2.5.5 allows.
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
      const target =
        element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)
          ? (element.closest('label') ?? element)
          : element;
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

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

describe.each(['en-US', 'es-ES', 'de-DE'])('every screen at 360×740 with a realistic ledger, in %s', (locale) => {
  let device: TallyDevice;
  beforeAll(async () => {
    device = await world.device({ viewport: { width: 360, height: 740 }, locale });
    await restoreRealisticLedger(device);
  });

  test.each([...ROUTES])(
    '%s: nothing scrolls sideways, every touch target is 44 px, axe finds nothing',
    async (screen) => {
      await device.open(screen);
      await device.page.locator('main h1').first().waitFor(PATIENCE);
      await expect(device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(
        true,
      );
      await expect(smallTargets(device)).resolves.toEqual([]);
      expect(await axeViolations(device.page)).toEqual([]);
    },
  );
});
