import { openLedger } from '@tally/schema';
import * as Y from 'yjs';
import type { StoredLedger } from '../../sync/index.js';
import { computeReport } from './report-compute.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import type { ReportRequest } from './report-request.js';
import { ReportTransactions } from './report-transactions.js';

/** Fills `doc` with the ledger stored on this device (`readStoredLedger`). */
export type ReadStoredLedger = (stored: StoredLedger, doc: Y.Doc) => Promise<void>;

/**
 * The report worker's side of the protocol, apart from the worker itself so it can be tested
 * without a browser: keeps its own replica of the ledger and answers every `compute` with a
 * `result` or `failed`, and a ledger it cannot read with `broken`, never with silence.
 * Returns the function that takes each message from the page.
 */
export function serveReports(
  send: (message: FromReportWorker) => void,
  readStored: ReadStoredLedger,
): (message: ToReportWorker) => void {
  const doc = new Y.Doc();
  const ledger = openLedger(doc);
  const transactions = new ReportTransactions(ledger.transactions);
  let current: { readonly id: number; readonly request: ReportRequest } | undefined;
  let scheduled = false;
  /** False until the page has sent what the stored ledger lacked: no half-read ledger is reported. */
  let caughtUp = false;

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

  async function open(stored: StoredLedger): Promise<void> {
    try {
      await readStored(stored, doc);
    } catch {
      // A rejected promise fires no `error` on the page's Worker: without this the page would wait for ever.
      send({ type: 'broken' });
      return;
    }
    send({ type: 'state-vector', vector: Y.encodeStateVector(doc) });
  }

  doc.on('update', () => schedule());

  return (message) => {
    switch (message.type) {
      case 'open':
        void open(message.ledger);
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
  };
}
