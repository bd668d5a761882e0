/**
 * The app's budgets (docs/app.md#budgets), measured in one run: the JavaScript a first visit loads, how
 * fast a fresh device syncs a 100,000-transaction ledger from a real relay in headless Chromium,
 * how soon the list shows on the next start, how fast filtering answers, and how fast each report
 * shows (computed in a worker, so the page stays responsive meanwhile).
 * Run with `npm run bench` in app/ (TALLY_BENCH_TRANSACTIONS changes the ledger size).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { openLedger } from '@tally/schema';
import { typicalLedger } from '@tally/schema/testing';
import * as Y from 'yjs';
import { connect, eventually, postJson, synced } from '../../relay/src/testing/relay-harness.js';
import buildApp, { APP_ROOT } from '../e2e/support/build-app.js';
import { TallyWorld } from '../e2e/support/tally-world.js';
import { computeReport } from '../src/features/reports/report-compute.js';
import { REPORT_KINDS } from '../src/features/reports/report-request.js';
import { ReportRows, reportRowOf } from '../src/features/reports/report-rows.js';
import { NO_FILTER } from '../src/features/transactions/transaction-filter.js';
import { TransactionFinder } from '../src/features/transactions/transaction-finder.js';
import { compareRows, type TransactionRow } from '../src/storage/index.js';
import { toTransactionRow } from '../src/storage/transaction-row.js';
import { firstLoadJs, lazyChunkJs, serviceWorkerJs } from './first-load-size.js';
import { reportTimings } from './reports-timings.js';
import { uiTimings } from './ui-timings.js';

const COUNT = Number(process.env.TALLY_BENCH_TRANSACTIONS ?? 100_000);
const PASSWORD = 'correct horse battery staple';
const FILTER = { ...NO_FILTER, text: 'bakery', from: '2026-03-01', to: '2026-09-30' };

interface Figure {
  readonly what: string;
  readonly value: number;
  readonly unit: 'KiB' | 'MiB' | 'ms';
  readonly budget?: number;
}

const figures: Figure[] = [];
function report(figure: Figure): void {
  figures.push(figure);
  const verdict =
    figure.budget === undefined
      ? ''
      : figure.value <= figure.budget
        ? `  within ${figure.budget} ${figure.unit}`
        : `  OVER ${figure.budget} ${figure.unit}`;
  console.log(`${figure.what.padEnd(62)} ${figure.value.toFixed(1).padStart(9)} ${figure.unit}${verdict}`);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

await buildApp();
const dist = join(APP_ROOT, 'dist');
const shell = await firstLoadJs(dist);
const worker = await serviceWorkerJs(dist);
console.log(`Tally app bench, ${COUNT.toLocaleString('en-US')} transactions\n`);
report({
  what: `app shell JS, gzipped, first load (${shell.files.join(', ')})`,
  value: shell.gzipBytes / 1024,
  unit: 'KiB',
  budget: 170,
});
report({
  what: 'service worker JS, gzipped (fetched after first render)',
  value: worker.gzipBytes / 1024,
  unit: 'KiB',
});
const reportsScreen = await lazyChunkJs(dist, 'ReportsScreen-');
const reportWorker = await lazyChunkJs(dist, 'report-worker-');
const uPlotBytes = gzipSync(await readFile(createRequire(import.meta.url).resolve('uplot/dist/uPlot.iife.min.js')), {
  level: 9,
}).length;
report({ what: 'uPlot alone, minified and gzipped', value: uPlotBytes / 1024, unit: 'KiB' });
report({
  what: 'reports screen JS, gzipped, loaded once the page is idle (uPlot included)',
  value: reportsScreen.gzipBytes / 1024,
  unit: 'KiB',
});
report({
  what: 'report worker JS, gzipped, loaded once the page is idle after start',
  value: reportWorker.gzipBytes / 1024,
  unit: 'KiB',
});

const { doc } = typicalLedger(COUNT);
const ledger = openLedger(doc);
const rows: TransactionRow[] = ledger.transactions.list().map(toTransactionRow).sort(compareRows);
// A new finder each time, so nothing found before narrows the search: the whole date range is looked through.
const samples = Array.from({ length: 25 }, () => {
  const start = performance.now();
  new TransactionFinder(rows).find(FILTER);
  return performance.now() - start;
});
report({
  what: 'filter by text and date range, the filter alone (median of 25)',
  value: median(samples),
  unit: 'ms',
  budget: 50,
});
const reportRows = new ReportRows();
reportRows.change(
  rows.flatMap((row) => reportRowOf(row) ?? []),
  [],
);
const reportSources = {
  homeCurrency: ledger.homeCurrency,
  accounts: ledger.accounts.list(),
  categories: ledger.categories.list(),
  rates: ledger.rates.list(),
  transactions: reportRows.all(),
};
for (const kind of REPORT_KINDS) {
  const request = {
    kind,
    from: '2026-01-01',
    to: '2026-12-31',
    accountIds: null,
    categoryId: reportSources.categories[0]?.id ?? null,
  };
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    computeReport(reportSources, request);
    return performance.now() - start;
  });
  report({ what: `report ${kind}, a year, computation alone (median of 5)`, value: median(times), unit: 'ms' });
}

const world = await TallyWorld.start();
try {
  // A whole 100k ledger arrives as one sync message: let the seeding client send it.
  await world.startRelay({ maxFrameBytes: 512 * 1024 * 1024 });
  const registered = await postJson(`${world.relayUrl}/api/auth/register`, {
    email: 'bench@example.com',
    password: PASSWORD,
    deviceName: 'Seeder',
  });
  const session = registered.body as { docId: string; accessToken: string };
  const syncUrl = `${world.relayUrl.replace('http', 'ws')}/sync`;
  const seeder = connect(syncUrl, session, doc);
  await synced(seeder);
  const check = connect(syncUrl, session, new Y.Doc());
  // Synced means the seeder heard the relay; its own (large) update may still be on the way in,
  // judged, stored and sent again whole: minutes at a large TALLY_BENCH_TRANSACTIONS on a slow machine.
  await eventually(() => check.doc.getMap('transactions').size >= COUNT, 15 * 60_000);
  const stored = openLedger(check.doc).transactions.size;
  seeder.destroy();
  check.destroy();
  if (stored !== COUNT) throw new Error(`the relay holds ${stored} of ${COUNT} transactions`);

  const device = await world.device();
  const timings = await uiTimings(device, world.relayUrl, 'bench@example.com', PASSWORD, COUNT);
  report({
    what: 'fresh device: log in to all transactions synced and indexed',
    value: timings.fullSyncMs,
    unit: 'ms',
    budget: 3000,
  });
  report({
    what: 'next start: navigation to the first transaction row (median of 5)',
    value: timings.firstRowMs,
    unit: 'ms',
    budget: 300,
  });
  report({
    what: 'next start: of which navigation to the previous page unloaded (median of 5)',
    value: timings.unloadedMs,
    unit: 'ms',
  });
  report({
    what: 'next start: navigation to the whole ledger read, ready (median of 5)',
    value: timings.readyMs,
    unit: 'ms',
    budget: 1000,
  });
  report({
    what: 'next start: longest main-thread task until ready (median of 5)',
    value: timings.startLongestTaskMs,
    unit: 'ms',
    budget: 50,
  });
  report({
    what: 'filter in the UI: date typed to list updated (median of 7)',
    value: timings.dateFilterMs,
    unit: 'ms',
    budget: 50,
  });
  report({
    what: 'filter in the UI: text typed to list updated (median of 7)',
    value: timings.textFilterMs,
    unit: 'ms',
    budget: 50,
  });
  const reports = await reportTimings(device);
  const shown = [
    ['navigation to spending by category', reports.firstReport, 1500],
    ['income and expense chosen', reports.kinds['income-expense'], undefined],
    ['net worth chosen', reports.kinds['net-worth'], undefined],
    ['category trend chosen', reports.kinds['category-trend'], undefined],
    ['period changed, trend again', reports.period, undefined],
  ] as const;
  for (const [what, interaction, budget] of shown) {
    report({
      what: `reports: ${what}, to its table shown`,
      value: interaction.ms,
      unit: 'ms',
      ...(budget !== undefined && { budget }),
    });
    report({
      what: `reports: ${what}, longest main-thread task`,
      value: interaction.longestTaskMs,
      unit: 'ms',
      ...(budget !== undefined && { budget: 50 }),
    });
  }
  const cdp = await device.context.newCDPSession(device.page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  report({
    what: 'the page’s JS heap, the ledger open and reports shown',
    value: heap.usedSize / 2 ** 20,
    unit: 'MiB',
  });
} finally {
  await world.stop();
}
const over = figures.filter((figure) => figure.budget !== undefined && figure.value > figure.budget);
console.log(over.length === 0 ? '\nAll budgets met.' : `\n${over.length} over budget.`);
// The y-websocket and vite internals leave handles open; everything measured is already printed.
process.exit(0);
