/**
 * Importing a 50,000-line bank statement in headless Chromium, the built app, no relay: how long
 * each step takes (reading, matching and suggesting in the worker, writing to the ledger) and the
 * longest task the page's main thread ran meanwhile — what decides whether the screen freezes.
 * Then the same file again, when every line is matched against the 50,000 just written.
 * Run with `npm run bench` in app/ (TALLY_BENCH_IMPORT_LINES changes the file's size; with
 * TALLY_BENCH_PROFILE_DIR set, the writing is recorded as a Chrome profile there).
 */
import buildApp from '../e2e/support/build-app.js';
import { chooseFile, generatedCsv, openImport, waitForMapping, waitForReview } from '../e2e/support/import-steps.js';
import type { TallyDevice } from '../e2e/support/tally-device.js';
import { TallyWorld } from '../e2e/support/tally-world.js';
import { profiled } from './profiled.js';

const LINES = Number(process.env.TALLY_BENCH_IMPORT_LINES ?? 50_000);
const LONG = { timeout: 600_000 } as const;

declare global {
  interface Window {
    tallyImportBench?: { tasks: { start: number; duration: number }[]; marks: Record<string, number> };
  }
}

/** Starts recording the page's long tasks and the moments each import step appears. */
async function startRecording(device: TallyDevice): Promise<void> {
  await device.page.evaluate(() => {
    const bench = { tasks: [] as { start: number; duration: number }[], marks: {} as Record<string, number> };
    window.tallyImportBench = bench;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    const steps = ['import-progress', 'import-mapping', 'import-review', 'import-done'];
    document.addEventListener(
      'change',
      (event) => {
        if (event.target instanceof HTMLInputElement && event.target.type === 'file')
          bench.marks.chosen ??= performance.now();
      },
      true,
    );
    document.addEventListener(
      'click',
      (event) => {
        const id = event.target instanceof HTMLElement ? event.target.dataset.testid : undefined;
        if (id === 'mapping-continue' || id === 'review-confirm') bench.marks[id] = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      for (const step of steps)
        if (document.querySelector(`[data-testid="${step}"]`)) bench.marks[step] ??= performance.now();
    }).observe(document.body, { subtree: true, childList: true });
  });
}

interface Run {
  readonly readMs: number;
  readonly reviewMs: number;
  readonly writeMs: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly longestWritingTaskMs: number;
  readonly included: number;
}

async function importOnce(device: TallyDevice, confirm: boolean): Promise<Run> {
  await openImport(device);
  await startRecording(device);
  await chooseFile(device, generatedCsv(LINES), 'Everyday');
  await waitForMapping(device);
  await device.byTestId('mapping-continue').click();
  const review = await waitForReview(device);
  if (confirm) {
    await profiled(device, 'import-writing', async () => {
      await device.byTestId('review-confirm').click();
      await device.byTestId('import-done').waitFor(LONG);
    });
  }
  const bench = await device.page.evaluate(() => window.tallyImportBench);
  if (!bench) throw new Error('the bench recorder is gone');
  const mark = (name: string): number => bench.marks[name] ?? Number.NaN;
  // Only what the page ran from the file being chosen until the last step showed.
  const end = mark(confirm ? 'import-done' : 'import-review');
  const during = bench.tasks.filter((task) => task.start >= mark('chosen') && task.start <= end);
  const writing = during.filter((task) => task.start >= mark('review-confirm'));
  return {
    readMs: mark('import-mapping') - mark('chosen'),
    reviewMs: mark('import-review') - mark('mapping-continue'),
    writeMs: confirm ? mark('import-done') - mark('review-confirm') : 0,
    longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    longTasks: during.length,
    longestWritingTaskMs: confirm ? Math.max(0, ...writing.map((task) => task.duration)) : 0,
    included: review.included,
  };
}

function report(what: string, value: number, unit: string, budget?: number): void {
  const verdict =
    budget === undefined ? '' : value <= budget ? `  within ${budget} ${unit}` : `  OVER ${budget} ${unit}`;
  console.log(`${what.padEnd(66)} ${value.toFixed(1).padStart(9)} ${unit}${verdict}`);
}

await buildApp();
const world = await TallyWorld.start();
try {
  const device = await world.device();
  await device.addAccount('Everyday', 'USD');
  console.log(`\napp: importing a ${LINES.toLocaleString('en-US')}-line CSV statement in headless Chromium\n`);
  const first = await importOnce(device, true);
  if (first.included !== LINES) throw new Error(`the review offered ${first.included} of ${LINES} lines`);
  report('read and guess the columns (worker), file chosen to mapping shown', first.readMs, 'ms');
  report('match duplicates and suggest categories, continue to review shown', first.reviewMs, 'ms');
  report('create in the worker, store, apply in slices: confirm to done shown', first.writeMs, 'ms', 5000);
  report('longest main-thread task while writing', first.longestWritingTaskMs, 'ms', 50);
  report('the whole import, the user’s own time left out', first.readMs + first.reviewMs + first.writeMs, 'ms');
  report('longest main-thread task during the import', first.longestTaskMs, 'ms');
  report('main-thread tasks over 50 ms during the import', first.longTasks, 'tasks');

  await device.byTestId('import-another').click();
  const again = await importOnce(device, false);
  if (again.included !== 0) throw new Error(`importing the same file again offered ${again.included} new lines`);
  report('same file again: continue to review, all lines found as duplicates', again.reviewMs, 'ms');
  report('same file again: longest main-thread task', again.longestTaskMs, 'ms');
} finally {
  await world.stop();
}
// The vite internals leave handles open; everything measured is already printed.
process.exit(0);
