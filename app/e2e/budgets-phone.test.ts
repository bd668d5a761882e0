import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { budgetLine, PATIENCE } from './support/plans-steps.js';
import { restoreRealisticLedger } from './support/realistic-ledger.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PHONE = { width: 360, height: 740 } as const;

/** Elements of each budget card that reach outside it, or past the screen's edge: a clipped column. */
async function cutOff(device: TallyDevice): Promise<string[]> {
  return device.page.evaluate(() => {
    const problems: string[] = [];
    for (const card of document.querySelectorAll<HTMLElement>('[data-testid="budget-line"]')) {
      const frame = card.getBoundingClientRect();
      if (frame.left < 0 || frame.right > window.innerWidth)
        problems.push(`${card.dataset.name}: the card is wider than the screen`);
      for (const part of card.querySelectorAll<HTMLElement>('*')) {
        const box = part.getBoundingClientRect();
        if (box.width === 0) continue;
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || part.scrollWidth > part.clientWidth + 1)
          problems.push(`${card.dataset.name}: ${part.dataset.testid ?? part.className ?? part.tagName} is cut off`);
      }
    }
    return problems;
  });
}

/** Scrolled to the very end, how far the last of the screen's content reaches below the top of "+" and the bottom bar. */
async function coveredAtTheEnd(device: TallyDevice): Promise<number> {
  return device.page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const main = document.querySelector('main');
    const fab = document.querySelector('[data-testid="add-transaction"]');
    const bar = document.querySelector('nav ul');
    if (!main) return Number.POSITIVE_INFINITY;
    const contentBottom =
      main.getBoundingClientRect().bottom - Number.parseFloat(getComputedStyle(main).paddingBottom || '0');
    const tops = [fab, bar].flatMap((element) => (element ? [element.getBoundingClientRect().top] : []));
    return contentBottom - Math.min(...tops, window.innerHeight);
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
  { locale: 'en-US', available: '$8,296.20' },
  { locale: 'es-ES', available: '8296,20 US$' },
  { locale: 'de-DE', available: '8.296,20 $' },
])('budgets on a 360 px phone in $locale', ({ locale, available }) => {
  let device: TallyDevice;
  beforeAll(async () => {
    device = await world.device({ viewport: PHONE, locale });
    await restoreRealisticLedger(device);
    await device.open('budgets');
    await budgetLine(device, 'Groceries').waitFor(PATIENCE);
  });

  test('each category is a card with its name, budgeted, spent, what is left and a bar, none cut off, no sideways scroll', async () => {
    const cards = device.page.locator('[data-testid="budget-line"]');
    await expect(cards.count()).resolves.toBe(7);
    await expect(cutOff(device)).resolves.toEqual([]);
    await expect(device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(
      true,
    );
    const groceries = budgetLine(device, 'Groceries');
    await expect(groceries.getByTestId('budget-amount').inputValue()).resolves.toMatch(/^255[.,]00$/);
    await expect(groceries.locator('.budget-card__bar').count()).resolves.toBe(1);
    await expect(budgetLine(device, 'Health').getByTestId('budget-not-budgeted').count()).resolves.toBe(1);
    expect(await axeViolations(device.page)).toEqual([]);
  });

  test('"available to budget" is the income received less what is budgeted, carried from month to month', async () => {
    await expect
      .poll(() => device.byTestId('budget-to-budget-amount').textContent(), PATIENCE)
      .toBe(available.replace(/ /g, '\u00a0'));
  });

  test('roll-over is a switch on each card, 44 px tall, that keeps what it is set to', async () => {
    const rollover = budgetLine(device, 'Utilities and household energy').getByTestId('budget-rollover');
    await expect(rollover.isChecked()).resolves.toBe(false);
    const target = await rollover.locator('xpath=..').boundingBox();
    expect(target?.height ?? 0).toBeGreaterThanOrEqual(44);
    await rollover.focus();
    await device.page.keyboard.press('Space');
    await expect.poll(() => rollover.getAttribute('aria-checked'), PATIENCE).toBe('true');
    await device.reload();
    await device.open('budgets');
    await expect
      .poll(
        () => budgetLine(device, 'Utilities and household energy').getByTestId('budget-rollover').isChecked(),
        PATIENCE,
      )
      .toBe(true);
  });

  test('"+" and the bottom bar never cover the end of a list screen', async () => {
    for (const screen of ['budgets', 'transactions', 'accounts', 'categories', 'goals', 'recurring'] as const) {
      await device.open(screen);
      await device.page.locator('main h1').first().waitFor(PATIENCE);
      await expect.poll(() => coveredAtTheEnd(device), PATIENCE).toBeLessThanOrEqual(0);
    }
  });
});
