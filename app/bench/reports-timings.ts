import type { TallyDevice } from '../e2e/support/tally-device.js';
import { profiled } from './profiled.js';

const KINDS = ['income-expense', 'net-worth', 'category-trend'] as const;
/**
 * The page counts as settled after this long without a long task. After a start on a large
 * ledger the transaction index rewrites every row to IndexedDB in chunks, a long task each with
 * well under a second between them.
 */
const SETTLED_MS = 5_000;

/** How long something took in the page, and the longest main-thread task while it did. */
export interface Interaction {
  readonly ms: number;
  /** How long the page could not answer input at worst; the report itself is computed in a worker. */
  readonly longestTaskMs: number;
}

export interface ReportTimings {
  /** Navigation to the first report's table: the lazy screen and the report, from rows the worker already holds. */
  readonly firstReport: Interaction;
  /** Choosing each other report until its table shows. */
  readonly kinds: Readonly<Record<(typeof KINDS)[number], Interaction>>;
  /** Choosing another period until the table shows the new numbers. */
  readonly period: Interaction;
}

declare global {
  interface Window {
    tallyLongTasks?: { readonly start: number; readonly end: number }[];
  }
}

/**
 * Times in the page with `performance.now()`, from a click until a report's table is current
 * (`data-updating="false"`), on whatever ledger the device holds.
 */
export async function reportTimings(device: TallyDevice): Promise<ReportTimings> {
  const { page } = device;
  await page.evaluate(() => {
    const tasks: { start: number; end: number }[] = [];
    window.tallyLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask' });
  });
  // After a start on a large ledger the transaction index goes on writing to IndexedDB for a
  // while, in long main-thread tasks of its own: measure the reports once that has stopped.
  await page.waitForFunction(
    (settled) => performance.now() - (window.tallyLongTasks?.at(-1)?.end ?? 0) > settled,
    SETTLED_MS,
    { polling: 500, timeout: 300_000 },
  );
  const firstReport = await profiled(device, 'reports-first-opening', () =>
    interaction(device, '[data-testid="nav-reports"]', 'spending'),
  );
  const kinds = {
    'income-expense': await interaction(device, '[data-testid="report-kind-income-expense"]', 'income-expense'),
    'net-worth': await interaction(device, '[data-testid="report-kind-net-worth"]', 'net-worth'),
    'category-trend': await interaction(device, '[data-testid="report-kind-category-trend"]', 'category-trend'),
  };
  const period = await interaction(device, 'last-12-months', 'category-trend');
  return { firstReport, kinds, period };
}

/**
 * Clicks `target` (or, given a period preset, chooses it) once the page is idle, and measures
 * until the `kind` report shows current numbers.
 */
async function interaction(device: TallyDevice, target: string, kind: string): Promise<Interaction> {
  await device.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 10_000 })));
  const { start, end } = await device.page.evaluate(
    ([selector, shown]) =>
      new Promise<{ start: number; end: number }>((resolve) => {
        // No named functions in here: the page lacks the `__name` helper the bench's compiler adds to them.
        const start = performance.now();
        let seenUpdating = false;
        new MutationObserver((_, observer) => {
          const report = document.querySelector('[data-testid="report"]');
          seenUpdating ||= report?.getAttribute('data-updating') === 'true';
          const current = document.querySelector(
            `[data-testid="report"][data-kind="${shown}"][data-updating="false"] [data-testid="report-table"]`,
          );
          if (!current || (selector.startsWith('last') && !seenUpdating)) return;
          observer.disconnect();
          resolve({ start, end: performance.now() });
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
        const period = document.querySelector<HTMLSelectElement>('[data-testid="report-period"]');
        if (selector.startsWith('last') && period) {
          Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(period, selector);
          period.dispatchEvent(new Event('change', { bubbles: true }));
        } else document.querySelector<HTMLElement>(selector)?.click();
      }),
    [target, kind] as const,
  );
  // Long tasks are reported a little after they end: wait for the next idle moment to see them all.
  await device.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
  const longestTaskMs = await device.page.evaluate(
    ([from, to]) =>
      Math.max(
        0,
        ...(window.tallyLongTasks ?? [])
          .filter((task) => task.end > from && task.start < to)
          .map((task) => task.end - task.start),
      ),
    [start, end] as const,
  );
  return { ms: end - start, longestTaskMs };
}
