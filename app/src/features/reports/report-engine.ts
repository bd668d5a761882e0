import * as Y from 'yjs';
import type { StoredLedger } from '../../sync/index.js';
import type { Tally } from '../../tally/index.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import { type ReportKind, type ReportRequest, type ReportResult, sameRequest } from './report-request.js';

/** A computed report, and whether it answers the ledger as it is now or may be out of date. */
export interface KeptReport {
  readonly result: ReportResult;
  /** False from when the screen closes (the ledger may change unwatched) until the worker answers again. */
  readonly current: boolean;
}

/**
 * The newest result of each report, kept while a newer one is computed; null while there is no
 * account, `failed` when the worker could not compute it.
 */
export type ReportResults = ReadonlyMap<ReportKind, KeptReport | null | 'failed'>;

/** True when the report on screen is not yet the answer to `request`: shown, but marked as updating. */
export function isUpdating(kept: KeptReport, request: ReportRequest | null): boolean {
  return request !== null && (!kept.current || !sameRequest(kept.result.request, request));
}

/** How the engine talks to its worker; a real `Worker` in the app, a stand-in in tests. */
export interface ReportWorkerPort {
  post(message: ToReportWorker): void;
  /** `died` is called when the worker fails outside any message it could answer. */
  listen(received: (message: FromReportWorker) => void, died: () => void): void;
}

/**
 * The page's side of the report worker: keeps the worker's copy of the ledger current and hands
 * the screen the newest result of each report. One per ledger, kept while the app runs, so going
 * back to reports does not read the ledger again.
 */
export class ReportEngine {
  private results: ReportResults = new Map();
  private readonly listeners = new Set<() => void>();
  private requested: { readonly id: number; readonly request: ReportRequest } | undefined;
  private nextId = 1;
  /** Once the worker cannot answer, every request fails at once rather than waiting for ever. */
  private broken = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly worker: ReportWorkerPort,
    stored: StoredLedger,
  ) {
    worker.listen(
      (message) => this.received(message),
      () => this.break(),
    );
    this.send({ type: 'open', ledger: stored });
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
      // What changes from now on goes unreported: coming back, the numbers kept show as updating.
      const kept = new Map<ReportKind, KeptReport>();
      for (const [kind, outcome] of this.results) {
        if (outcome !== null && outcome !== 'failed') kept.set(kind, { result: outcome.result, current: false });
      }
      this.results = kept;
    };
  };

  /** Asks for a report; the worker answers, and answers again whenever the ledger changes. */
  request(request: ReportRequest): void {
    if (this.broken) {
      this.requested = undefined;
      this.settle(request.kind, 'failed');
      return;
    }
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
        this.settle(
          this.requested.request.kind,
          message.type === 'failed' ? 'failed' : message.result && { result: message.result, current: true },
        );
        return;
      case 'broken':
        this.break();
        return;
    }
  }

  private break(): void {
    this.broken = true;
    const waiting = this.requested;
    this.requested = undefined;
    if (waiting) this.settle(waiting.request.kind, 'failed');
  }

  private send(message: ToReportWorker): void {
    this.worker.post(message);
  }

  private settle(kind: ReportKind, outcome: KeptReport | null | 'failed'): void {
    this.results = new Map(this.results).set(kind, outcome);
    for (const listener of this.listeners) listener();
  }
}

function workerPort(worker: Worker): ReportWorkerPort {
  return {
    post: (message) => worker.postMessage(message),
    listen: (received, died) => {
      worker.addEventListener('message', (event: MessageEvent<FromReportWorker>) => received(event.data));
      worker.addEventListener('error', died);
    },
  };
}

const engines = new WeakMap<Tally, ReportEngine>();

export function reportEngineOf(tally: Tally): ReportEngine {
  let engine = engines.get(tally);
  if (!engine) {
    const worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module' });
    engine = new ReportEngine(tally.ledger.doc, workerPort(worker), tally.storedLedger);
    engines.set(tally, engine);
  }
  return engine;
}
