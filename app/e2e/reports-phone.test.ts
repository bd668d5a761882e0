import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './support/axe.js';
import { restoreRealisticLedger } from './support/realistic-ledger.js';
import { choosePeriod, type ReportKindName } from './support/reports-steps.js';
import type { TallyDevice } from './support/tally-device.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;
const KINDS: readonly ReportKindName[] = ['spending', 'income-expense', 'net-worth', 'category-trend'];

interface Box {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The chart's labels as drawn, each with its box on the page, and the chart's own box. */
async function chartLabels(device: TallyDevice): Promise<{ labels: Box[]; chart: Box }> {
  return device.page.evaluate(() => {
    const box = (element: Element): Box => {
      const rect = element.getBoundingClientRect();
      return {
        text: element.textContent ?? '',
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
      };
    };
    const chart = document.querySelector('[data-testid="report-chart"]');
    if (!chart) throw new Error('no chart on screen');
    return { labels: [...chart.querySelectorAll('[data-testid="report-chart-label"]')].map(box), chart: box(chart) };
  });
}

function overlapping(labels: readonly Box[]): string[] {
  const pairs: string[] = [];
  for (const [index, a] of labels.entries())
    for (const b of labels.slice(index + 1))
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        pairs.push(`"${a.text}" overlaps "${b.text}"`);
  return pairs;
}

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

const PHONES_AND_LANGUAGES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
].flatMap((viewport) => ['en-US', 'es-ES', 'de-DE'].map((locale) => ({ ...viewport, locale })));

describe.each(PHONES_AND_LANGUAGES)('reports on a $width×$height phone in $locale', ({ width, height, locale }) => {
  let device: TallyDevice;
  beforeAll(async () => {
    device = await world.device({ viewport: { width, height }, locale });
    await restoreRealisticLedger(device);
    await device.open('reports');
    await choosePeriod(device, 'last-12-months');
  });

  test.each(KINDS)(
    'the %s chart names what it shows with no two labels overlapping, and its table fits or scrolls in its own box, saying so',
    async (kind) => {
      await device.byTestId(`report-kind-${kind}`).check();
      await device.page.locator(`[data-testid="report"][data-kind="${kind}"][data-updating="false"]`).waitFor(PATIENCE);
      await device.page.locator('[data-testid="report-chart-label"]').first().waitFor(PATIENCE);
      const { labels, chart } = await chartLabels(device);
      expect(labels.length).toBeGreaterThanOrEqual(kind === 'spending' ? 6 : 3);
      expect(overlapping(labels)).toEqual([]);
      for (const label of labels) {
        expect(label.left, label.text).toBeGreaterThanOrEqual(chart.left - 0.5);
        expect(label.right, label.text).toBeLessThanOrEqual(chart.right + 0.5);
      }

      const table = await device.byTestId('report-table-frame').evaluate((frame) => ({
        right: frame.getBoundingClientRect().right,
        scrolls: frame.scrollWidth > frame.clientWidth + 1,
      }));
      expect(table.right).toBeLessThanOrEqual(width);
      await expect(device.byTestId('report-table-scroll-hint').isVisible()).resolves.toBe(table.scrolls);
      await expect(device.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(
        true,
      );
      expect(await axeViolations(device.page)).toEqual([]);
    },
  );
});
