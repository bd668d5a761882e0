import type { TallyDevice } from '../e2e/support/tally-device.js';
import { profiled } from './profiled.js';

export interface UiTimings {
  readonly fullSyncMs: number;
  /** Navigation to the first transaction row shown, median of the starts. */
  readonly firstRowMs: number;
  /**
   * Navigation to the end of the previous page's unload, median of the starts: a reload's first
   * row counts from the navigation, so the old page's teardown is part of it.
   */
  readonly unloadedMs: number;
  readonly readyMs: number;
  /** The longest main-thread task from navigation until the app is ready, median of the starts. */
  readonly startLongestTaskMs: number;
  readonly dateFilterMs: number;
  readonly textFilterMs: number;
}

declare global {
  interface Window {
    tallyBench?: { firstRowAt?: number; readyAt?: number; longTasks: { start: number; end: number }[] };
  }
}

const LONG = { timeout: 300_000 } as const;
const SAMPLES = 7;
/** Starts measured; each figure of the start is the median of them. */
const STARTS = 5;

interface StartTiming {
  readonly firstRowMs: number;
  readonly unloadedMs: number;
  readonly readyMs: number;
  readonly longestTaskMs: number;
}

function median(samples: readonly number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** Timings taken inside the page with `performance.now()`, so the test driver's round trips do not count. */
export async function uiTimings(
  device: TallyDevice,
  relayUrl: string,
  email: string,
  password: string,
  count: number,
): Promise<UiTimings> {
  const { page } = device;
  await device.open('settings');
  await device.byTestId('relay-url').fill(relayUrl);
  await device.byTestId('email').fill(email);
  await device.byTestId('password').fill(password);
  await device.byTestId('device-name').fill('Bench browser');
  const fullSyncMs = await profiled(device, 'fresh-sync', () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const status = document.querySelector('[data-testid="sync-status"]');
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') !== 'synced') return;
            observer.disconnect();
            resolve(performance.now() - start);
          });
          observer.observe(status?.parentElement ?? document.body, {
            attributes: true,
            subtree: true,
            childList: true,
          });
          document.querySelector<HTMLButtonElement>('[data-testid="login"]')?.click();
        }),
    ),
  );
  await device.open('transactions');
  await page.getByText(`${count.toLocaleString('en-US')} transactions`).waitFor(LONG);
  await waitUntilStored(device, count);

  await page.addInitScript(() => {
    const bench: NonNullable<Window['tallyBench']> = { longTasks: [] };
    window.tallyBench = bench;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, observer) => {
      if (bench.firstRowAt === undefined && document.querySelector('[data-testid="transaction-row"]'))
        bench.firstRowAt = performance.now();
      if (bench.readyAt === undefined && document.querySelector('.shell[data-ready="true"]'))
        bench.readyAt = performance.now();
      if (bench.firstRowAt !== undefined && bench.readyAt !== undefined) observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const starts: StartTiming[] = [];
  // The last start is the one profiled: on the first, Chromium still makes the code cache of the
  // app's main module (about 80 ms on the page, profiled), which later starts only read.
  for (let run = 0; run < STARTS; run++)
    starts.push(await nextStart(device, run === STARTS - 1 ? 'next-start' : undefined));
  const started = {
    firstRowMs: median(starts.map((start) => start.firstRowMs)),
    unloadedMs: median(starts.map((start) => start.unloadedMs)),
    readyMs: median(starts.map((start) => start.readyMs)),
    startLongestTaskMs: median(starts.map((start) => start.longestTaskMs)),
  };

  const dateSamples: number[] = [];
  const textSamples: number[] = [];
  for (let run = 0; run < SAMPLES; run++) {
    dateSamples.push(await typeAndWait(device, 'filter-from', '2026-03-01'));
    await typeAndWait(device, 'filter-to', '2026-09-30');
    // Two words, one to fold ("cafe" finds "Café"), one a prefix of a tag: search at its heaviest.
    textSamples.push(await typeAndWait(device, 'filter-text', 'cafe holi'));
    for (const id of ['filter-text', 'filter-to', 'filter-from']) await typeAndWait(device, id, '');
  }
  return { fullSyncMs, ...started, dateFilterMs: median(dateSamples), textFilterMs: median(textSamples) };
}

/**
 * Once the page is idle, sets a filter field as typing would and measures until the transaction
 * count changes.
 */
async function typeAndWait(device: TallyDevice, testId: string, value: string): Promise<number> {
  await device.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
  return device.page.evaluate(
    ([id, text]) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
        const count = document.querySelector('[data-testid="transaction-count"]');
        if (!input || !count) throw new Error(`no ${id} or transaction count`);
        const before = count.textContent;
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (count.textContent === before) return;
          observer.disconnect();
          resolve(performance.now() - start);
        }).observe(count, { subtree: true, childList: true, characterData: true });
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    [testId, value] as const,
  );
}

/**
 * Reloads the page once it is idle, as a person opening the app again would find the device, and
 * times the start in the page; with `profile`, records it (`profiled`).
 */
async function nextStart(device: TallyDevice, profile: string | undefined): Promise<StartTiming> {
  const { page } = device;
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 10_000 })));
  const reload = async (): Promise<void> => {
    await page.reload({ waitUntil: 'commit' });
    await waitUntilStarted(device);
  };
  await (profile ? profiled(device, profile, reload) : reload());
  // Long tasks are reported a little after they end: wait for the next idle moment to see them all.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
  return page.evaluate(() => {
    const bench = window.tallyBench;
    const readyAt = bench?.readyAt ?? Number.NaN;
    const during = (bench?.longTasks ?? []).filter((task) => task.start < readyAt);
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return {
      firstRowMs: bench?.firstRowAt ?? Number.NaN,
      unloadedMs: navigation?.unloadEventEnd ?? Number.NaN,
      readyMs: readyAt,
      longestTaskMs: Math.max(0, ...during.map((task) => Math.min(task.end, readyAt) - task.start)),
    };
  });
}

/**
 * Waits until the page has shown its first row and is ready. Polled from here with a bare
 * `evaluate`: `waitForFunction` would first run Playwright's own large script on the page's main
 * thread, in the middle of the start it measures.
 */
async function waitUntilStarted(device: TallyDevice): Promise<void> {
  const deadline = performance.now() + LONG.timeout;
  const started = (): Promise<boolean> =>
    device.page.evaluate(() => window.tallyBench?.firstRowAt !== undefined && window.tallyBench.readyAt !== undefined);
  while (!(await started())) {
    if (performance.now() > deadline) throw new Error('the app never showed a row and got ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Waits until the transaction index is in IndexedDB, so the next start reads it instead of rebuilding.
 * Polled from here: `waitForFunction` takes a promise for a truthy value and would not wait at all.
 */
async function waitUntilStored(device: TallyDevice, count: number): Promise<void> {
  const deadline = performance.now() + LONG.timeout;
  while (!(await storedIndexHolds(device, count))) {
    if (performance.now() > deadline) throw new Error(`the transaction index never held ${count} rows`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function storedIndexHolds(device: TallyDevice, count: number): Promise<boolean> {
  return device.page.evaluate(
    (expected) =>
      new Promise<boolean>((resolve) => {
        const opening = indexedDB.open('tally');
        opening.onsuccess = () => {
          const db = opening.result;
          const store = db.transaction(['transactionMonths', 'settings']);
          const months = store.objectStore('transactionMonths').getAll();
          const fingerprint = store.objectStore('settings').get('transactionIndex.fingerprint');
          store.oncomplete = () => {
            db.close();
            const count = (months.result as { rows: unknown[] }[]).reduce((sum, month) => sum + month.rows.length, 0);
            resolve(count === expected && fingerprint.result !== undefined);
          };
        };
        opening.onerror = () => resolve(false);
      }),
    count,
  );
}
