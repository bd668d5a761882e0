import type { Ledger } from '@tally/schema';
import * as Y from 'yjs';
import { LEDGER_DATABASE } from '../../sync/local-ledger.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import type { ReportKind, ReportRequest, ReportResult } from './report-request.js';


/**
 * The newest result of each report, kept while a newer one is computed; null while there is no
 * account, `failed` when the worker could not compute it.
 */
export type ReportResults = ReadonlyMap<ReportKind, ReportResult | null | 'failed'>;

/**
 * The page's side of the report worker: keeps the worker's copy of the ledger current and hands
 * the screen the newest result of each report. One per ledger, kept while the app runs, so going
 * back to reports does not read the ledger again.
 */
export class ReportEngine {
  private readonly worker: Worker;
  private results: ReportResults = new Map();
  private readonly listeners = new Set<() => void>();
  private requested: { readonly id: number; readonly request: ReportRequest } | undefined;
  private nextId = 1;

  constructor(private readonly doc: Y.Doc) {
    this.worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<FromReportWorker>) => this.received(event.data));
    this.worker.addEventListener('error', () => {
      if (this.requested) this.settle(this.requested.request.kind, 'failed');
    });
    this.send({ type: 'open', database: LEDGER_DATABASE });
  }

  getSnapshot = (): ReportResults => this.results;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      // With the screen closed, changes (an import's every batch) need no report.
      if (this.listeners.size > 0) return;
      this.requested = undefined;
      this.send({ type: 'rest' });
    };
  };

  /** Asks for a report; the worker answers, and answers again whenever the ledger changes. */
  request(request: ReportRequest): void {
    this.requested = { id: this.nextId++, request };
    this.send({ type: 'compute', ...this.requested });
  }

  private received(message: FromReportWorker): void {
    switch (message.type) {
      case 'state-vector':
        // From here on every change reaches the worker; the first update is all it lacked.
        this.send({ type: 'update', update: Y.encodeStateAsUpdate(this.doc, message.vector) });
        this.doc.on('update', (update: Uint8Array) => this.send({ type: 'update', update }));
        return;
      case 'result':
      case 'failed':
        if (message.id !== this.requested?.id) return;
        this.settle(this.requested.request.kind, message.type === 'failed' ? 'failed' : message.result);
        return;
    }
  }

  private send(message: ToReportWorker): void {
    this.worker.postMessage(message);
  }

  private settle(kind: ReportKind, result: ReportResult | null | 'failed'): void {
    this.results = new Map(this.results).set(kind, result);
    for (const listener of this.listeners) listener();
  }
}

const engines = new WeakMap<Ledger, ReportEngine>();

export function reportEngineOf(ledger: Ledger): ReportEngine {
  let engine = engines.get(ledger);
  if (!engine) {
    engine = new ReportEngine(ledger.doc);
    engines.set(ledger, engine);
  }
  return engine;
}
