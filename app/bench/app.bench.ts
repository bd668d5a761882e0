/**
 * The app's budgets (design §6), measured in one run: the JavaScript a first visit loads, how
 * fast a fresh device syncs a 100,000-transaction ledger from a real relay in headless Chromium,
 * how soon the list shows on the next start, and how fast filtering answers.
 * Run with `npm run bench` in app/ (TALLY_BENCH_TRANSACTIONS changes the ledger size).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { connect, eventually, postJson, synced } from '../../relay/src/testing/relay-harness.js';
import buildApp, { APP_ROOT } from '../e2e/support/build-app.js';
import { TallyWorld } from '../e2e/support/tally-world.js';
import { openLedger } from '@tally/schema';
import { compareRows, type TransactionRow } from '../src/storage/index.js';
import { toTransactionRow } from '../src/storage/transaction-row.js';
import { filterTransactions, NO_FILTER } from '../src/features/transactions/transaction-filter.js';
import { firstLoadJs, serviceWorkerJs } from './first-load-size.js';
import { typicalLedger } from '@tally/schema/testing';
import { uiTimings } from './ui-timings.js';

const COUNT = Number(process.env['TALLY_BENCH_TRANSACTIONS'] ?? 100_000);
const PASSWORD = 'correct horse battery staple';
const FILTER = { ...NO_FILTER, text: 'bakery', from: '2026-03-01', to: '2026-09-30' };

interface Figure {
  readonly what: string;
  readonly value: number;
  readonly unit: 'KiB' | 'ms';
  readonly budget?: number;
}

const figures: Figure[] = [];
function report(figure: Figure): void {
  figures.push(figure);
  const verdict = figure.budget === undefined ? '' : figure.value <= figure.budget ? `  within ${figure.budget} ${figure.unit}` : `  OVER ${figure.budget} ${figure.unit}`;
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
report({ what: `app shell JS, gzipped, first load (${shell.files.join(', ')})`, value: shell.gzipBytes / 1024, unit: 'KiB', budget: 170 });
report({ what: 'service worker JS, gzipped (fetched after first render)', value: worker.gzipBytes / 1024, unit: 'KiB' });

const { doc } = typicalLedger(COUNT);
const rows: TransactionRow[] = openLedger(doc).transactions.list().map(toTransactionRow).sort(compareRows);
const samples = Array.from({ length: 25 }, () => {
  const start = performance.now();
  filterTransactions(rows, FILTER);
  return performance.now() - start;
});
report({ what: 'filter by text and date range, the filter alone (median of 25)', value: median(samples), unit: 'ms', budget: 50 });

const world = await TallyWorld.start();
try {
  // A whole 100k ledger arrives as one sync message: let the seeding client send it.
  await world.startRelay({ maxFrameBytes: 512 * 1024 * 1024 });
  const registered = await postJson(`${world.relayUrl}/api/auth/register`, { email: 'bench@example.com', password: PASSWORD, deviceName: 'Seeder' });
  const session = registered.body as { docId: string; accessToken: string };
  const syncUrl = `${world.relayUrl.replace('http', 'ws')}/sync`;
  const seeder = connect(syncUrl, session, doc);
  await synced(seeder);
  const check = connect(syncUrl, session, new Y.Doc());
  // Synced means the seeder heard the relay; its own (large) update may still be on the way in.
  await eventually(() => check.doc.getMap('transactions').size >= COUNT);
  const stored = openLedger(check.doc).transactions.size;
  seeder.destroy();
  check.destroy();
  if (stored !== COUNT) throw new Error(`the relay holds ${stored} of ${COUNT} transactions`);

  const device = await world.device();
  const timings = await uiTimings(device, world.relayUrl, 'bench@example.com', PASSWORD, COUNT);
  report({ what: 'fresh device: log in to all transactions synced and indexed', value: timings.fullSyncMs, unit: 'ms', budget: 3000 });
  report({ what: 'next start: navigation to the first transaction row shown', value: timings.firstRowMs, unit: 'ms' });
  report({ what: 'next start: navigation to the whole ledger read (app ready)', value: timings.readyMs, unit: 'ms' });
  report({ what: 'filter in the UI: date typed to list updated (median of 7)', value: timings.dateFilterMs, unit: 'ms', budget: 50 });
  report({ what: 'filter in the UI: text typed to list updated (median of 7)', value: timings.textFilterMs, unit: 'ms', budget: 50 });
} finally {
  await world.stop();
}
const over = figures.filter((figure) => figure.budget !== undefined && figure.value > figure.budget);
console.log(over.length === 0 ? '\nAll budgets met.' : `\n${over.length} over budget.`);
// The y-websocket and vite internals leave handles open; everything measured is already printed.
process.exit(0);
