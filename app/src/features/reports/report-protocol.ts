import type { StoredLedger } from '../../sync/index.js';
import type { ReportRequest, ReportResult } from './report-request.js';

/** What the screen tells the report worker. */
export type ToReportWorker =
  /** Read the ledger stored on this device, then say what it holds. */
  | { readonly type: 'open'; readonly ledger: StoredLedger }
  /** A Yjs update of the ledger: what the worker lacked, then every change as it happens. */
  | { readonly type: 'update'; readonly update: Uint8Array }
  /** Compute this report now, and again whenever the ledger changes. */
  | { readonly type: 'compute'; readonly id: number; readonly request: ReportRequest }
  /** Nobody is looking at reports: stop computing until asked again. */
  | { readonly type: 'rest' };

/** What the report worker answers. */
export type FromReportWorker =
  | { readonly type: 'state-vector'; readonly vector: Uint8Array }
  /** `result` is null while there is no account to report on. */
  | { readonly type: 'result'; readonly id: number; readonly result: ReportResult | null }
  /** The report could not be computed; the screen says so rather than waiting for ever. */
  | { readonly type: 'failed'; readonly id: number }
  /** The worker could not read the ledger stored on this device: no report will come from it. */
  | { readonly type: 'broken' };
