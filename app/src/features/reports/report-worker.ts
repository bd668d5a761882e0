import { openLedger } from '@tally/schema';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { computeReport } from './report-compute.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import type { ReportRequest } from './report-request.js';
import { ReportTransactions } from './report-transactions.js';

/**
 * Computes reports away from the page, on its own replica of the ledger: it reads the ledger
 * stored on this device, takes what it lacked from the page as one Yjs update, then follows
 * every change the page forwards. The page never blocks on reading 100,000 transactions.
 */
const doc = new Y.Doc();
const ledger = openLedger(doc);
const transactions = new ReportTransactions(ledger.transactions);
let current: { readonly id: number; readonly request: ReportRequest } | undefined;
let scheduled = false;
/** False until the page has sent what the stored ledger lacked: no half-read ledger is reported. */
let caughtUp = false;

function send(message: FromReportWorker): void {
  postMessage(message);
}

/** Coalesces a burst of changes and requests into one computation. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    if (!current || !caughtUp) return;
    const sources = {
      homeCurrency: ledger.homeCurrency,
      accounts: ledger.accounts.list(),
      categories: ledger.categories.list(),
      rates: ledger.rates.list(),
      transactions: transactions.all(),
    };
    try {
      send({ type: 'result', id: current.id, result: computeReport(sources, current.request) });
    } catch {
      send({ type: 'failed', id: current.id });
    }
  }, 0);
}

async function open(database: string): Promise<void> {
  const stored = new IndexeddbPersistence(database, doc);
  await stored.whenSynced;
  // Read once, then let go: the page's own persistence writes, and wiping is never blocked.
  await stored.destroy();
  send({ type: 'state-vector', vector: Y.encodeStateVector(doc) });
}

doc.on('update', () => schedule());

addEventListener('message', (event: MessageEvent<ToReportWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'open':
      void open(message.database);
      return;
    case 'update':
      Y.applyUpdate(doc, message.update);
      caughtUp = true;
      schedule();
      return;
    case 'compute':
      current = { id: message.id, request: message.request };
      schedule();
      return;
    case 'rest':
      current = undefined;
      return;
  }
});
