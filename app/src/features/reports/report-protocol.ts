import type { ReportRecords } from './report-compute.js';
import type { ReportRequest, ReportResult } from './report-request.js';
import type { ReportRow } from './report-rows.js';

/** What the screen tells the report worker. */
export type ToReportWorker =
  /**
   * Part of every row of the transaction index, in place of what the worker held: `first` starts
   * anew, and nothing is reported until the `last` part has arrived.
   */
  | {
      readonly type: 'all-rows';
      readonly rows: readonly ReportRow[];
      readonly first: boolean;
      readonly last: boolean;
    }
  /** Transactions changed since: rows put, and ids of those deleted. */
  | { readonly type: 'rows'; readonly puts: readonly ReportRow[]; readonly removals: readonly string[] }
  /** The ledger's records besides transactions, as they are now. */
  | { readonly type: 'records'; readonly records: ReportRecords }
  /** Compute this report now, and again whenever the ledger changes. */
  | { readonly type: 'compute'; readonly id: number; readonly request: ReportRequest }
  /** Nobody is looking at reports: stop computing until asked again. */
  | { readonly type: 'rest' };

/** What the report worker answers. */
export type FromReportWorker =
  /** A part of the rows (`all-rows` or `rows`) is taken in: the page may send another. */
  | { readonly type: 'taken' }
  /** `result` is null while there is no account to report on. */
  | { readonly type: 'result'; readonly id: number; readonly result: ReportResult | null }
  /** The report could not be computed; the screen says so rather than waiting for ever. */
  | { readonly type: 'failed'; readonly id: number };
