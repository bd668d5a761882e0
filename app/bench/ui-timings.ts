import type { TallyDevice } from '../e2e/support/tally-device.js';

export interface UiTimings {
  readonly fullSyncMs: number;
  readonly firstRowMs: number;
  readonly readyMs: number;
  readonly dateFilterMs: number;
  readonly textFilterMs: number;
}

declare global {
  interface Window {
    tallyBench?: { firstRowAt?: number; readyAt?: number };
  }
}

const LONG = { timeout: 300_000 } as const;
const SAMPLES = 7;

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
  const fullSyncMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const status = document.querySelector('[data-testid="sync-status"]');
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') !== 'synced') return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(status?.parentElement ?? document.body, { attributes: true, subtree: true, childList: true });
        document.querySelector<HTMLButtonElement>('[data-testid="login"]')?.click();
      }),
  );
  await device.open('transactions');
  await page.getByText(`${count.toLocaleString('en-US')} transactions`).waitFor(LONG);
  await waitUntilStored(device, count);

  await page.addInitScript(() => {
    const bench: NonNullable<Window['tallyBench']> = {};
    window.tallyBench = bench;
    new MutationObserver((_, observer) => {
      if (bench.firstRowAt === undefined && document.querySelector('[data-testid="transaction-row"]'))
        bench.firstRowAt = performance.now();
      if (bench.readyAt === undefined && document.querySelector('.shell[data-ready="true"]'))
        bench.readyAt = performance.now();
      if (bench.firstRowAt !== undefined && bench.readyAt !== undefined) observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.reload();
  await page.waitForFunction(
    () => window.tallyBench?.firstRowAt !== undefined && window.tallyBench.readyAt !== undefined,
    undefined,
    LONG,
  );
  const started = await page.evaluate(() => ({
    firstRowMs: window.tallyBench?.firstRowAt ?? NaN,
    readyMs: window.tallyBench?.readyAt ?? NaN,
  }));

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
          const store = db.transaction(['transactions', 'settings']);
          const counting = store.objectStore('transactions').count();
          const fingerprint = store.objectStore('settings').get('transactionIndex.fingerprint');
          store.oncomplete = () => {
            db.close();
            resolve(counting.result === expected && fingerprint.result !== undefined);
          };
        };
        opening.onerror = () => resolve(false);
      }),
    count,
  );
}
