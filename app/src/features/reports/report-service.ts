import { computeReport, type ReportRecords } from './report-compute.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import type { ReportRequest } from './report-request.js';
import { ReportRows } from './report-rows.js';

/**
 * The report worker's side of the protocol, apart from the worker itself so it can be tested
 * without a browser: keeps the transaction index's rows and the other records as the page sends
 * them, says when it has taken each part of the rows, and answers every `compute` with a `result`
 * or `failed`, never with silence. Returns the function that takes each message from the page.
 */
export function serveReports(send: (message: FromReportWorker) => void): (message: ToReportWorker) => void {
  const rows = new ReportRows();
  let records: ReportRecords | undefined;
  let current: { readonly id: number; readonly request: ReportRequest } | undefined;
  let scheduled = false;
  /** False until every row has arrived: no half-sent index is reported. */
  let whole = false;

  /** Coalesces a burst of changes and requests into one computation. */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      if (!current || !records || !whole) return;
      try {
        const result = computeReport({ ...records, transactions: rows.all() }, current.request);
        send({ type: 'result', id: current.id, result });
      } catch {
        send({ type: 'failed', id: current.id });
      }
    }, 0);
  }

  return (message) => {
    switch (message.type) {
      case 'all-rows':
        if (message.first) rows.clear();
        rows.change(message.rows, []);
        whole = message.last;
        send({ type: 'taken' });
        schedule();
        return;
      case 'rows':
        rows.change(message.puts, message.removals);
        send({ type: 'taken' });
        schedule();
        return;
      case 'records':
        records = message.records;
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
