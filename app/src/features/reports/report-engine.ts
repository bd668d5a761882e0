import type { Ledger } from '@tally/schema';
import type { TransactionIndex, TransactionRowChange } from '../../storage/index.js';
import { nextTask } from '../../sync/index.js';
import type { Tally } from '../../tally/index.js';
import type { ReportRecords } from './report-compute.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import { type ReportKind, type ReportRequest, type ReportResult, sameRequest } from './report-request.js';
import { reportRowOf } from './report-rows.js';

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

/** What the report engine reads on the page: the transaction index, and the ledger's other records. */
export interface ReportSource {
  readonly index: Pick<TransactionIndex, 'getSnapshot' | 'subscribe' | 'onRowsChanged'>;
  records(): ReportRecords;
  /** Calls `listener` after every change of the ledger. */
  onLedgerChanged(listener: () => void): void;
}

/**
 * Rows per message: picking and cloning them takes the page a few milliseconds, well below a long
 * task even on a busy two-core machine, where a part of 1,000 came close to 50 ms.
 */
export const ROWS_PER_PART = 500;

/**
 * Parts of the rows sent that the worker has not yet taken in: one it works on and one waiting, so
 * it never idles between parts, nor falls behind the page. A page that goes away (a reload, a
 * ledger switched) leaves its worker a part's work rather than the rest of the index, which would
 * hold up the next start's page on a two-core machine.
 */
export const PARTS_AHEAD = 2;

/** A change of the index's rows, as the index made it. */
type RowChange = Extract<TransactionRowChange, { rebuilt: false }>;

/**
 * The page's side of the report worker: sends the worker every row of the transaction index once
 * it has loaded, in parts between which the page stays free, then each change (a large one, such
 * as a fresh device's first sync, in parts too), and the other records as they change; hands the
 * screen the newest result of each report. One per ledger, kept while the app runs, so going back
 * to reports sends nothing again.
 */
export class ReportEngine {
  private results: ReportResults = new Map();
  private readonly listeners = new Set<() => void>();
  private requested: { readonly id: number; readonly request: ReportRequest } | undefined;
  private nextId = 1;
  /** Once the worker cannot answer, every request fails at once rather than waiting for ever. */
  private broken = false;
  /** Counts the times every row was sent: a newer sending stops an older one. */
  private sendings = 0;
  /** Row changes made while rows are being sent in parts, sent after in order; undefined while none is. */
  private held: RowChange[] | undefined;
  private recordsDue = false;
  /** Parts of the rows sent and not yet taken in (`PARTS_AHEAD`). */
  private partsAhead = 0;
  /** Sendings waiting for the worker to take in a part. */
  private readonly waitingForWorker: (() => void)[] = [];

  constructor(
    private readonly source: ReportSource,
    private readonly worker: ReportWorkerPort,
    /** Lets the page answer input between two parts of the rows. */
    private readonly pause: () => Promise<void> = nextTask,
  ) {
    worker.listen(
      (message) => this.received(message),
      () => this.break(),
    );
    this.send({ type: 'records', records: source.records() });
    source.onLedgerChanged(() => this.recordsChanged());
    source.index.onRowsChanged((change) => this.rowsChanged(change));
    const { index } = source;
    if (index.getSnapshot().loaded) void this.sendAllRows();
    else {
      const stop = index.subscribe(() => {
        if (!index.getSnapshot().loaded) return;
        stop();
        void this.sendAllRows();
      });
    }
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

  /** Sends every row the index holds now, in parts, then the changes made meanwhile. */
  private async sendAllRows(): Promise<void> {
    const sending = ++this.sendings;
    this.held = [];
    const { rows } = this.source.index.getSnapshot();
    for (let at = 0; at === 0 || at < rows.length; at += ROWS_PER_PART) {
      // Even the first part waits: the engine is made while the reports screen first renders.
      await this.pause();
      await this.workerFree();
      // A rebuilt index is being sent anew: its rows hold every change held so far. A worker that
      // has died reports nothing any more.
      if (sending !== this.sendings || this.broken) return;
      const part = rows.slice(at, at + ROWS_PER_PART).flatMap((row) => reportRowOf(row) ?? []);
      this.send({ type: 'all-rows', rows: part, first: at === 0, last: at + ROWS_PER_PART >= rows.length });
    }
    await this.sendHeld(sending);
  }

  private rowsChanged(change: TransactionRowChange): void {
    // A worker that has died reports nothing any more: its changes are neither sent nor kept.
    if (this.broken) return;
    if (change.rebuilt) {
      void this.sendAllRows();
      return;
    }
    if (this.held) {
      this.held.push(change);
      return;
    }
    this.held = [change];
    void this.sendHeld(this.sendings);
  }

  /**
   * Sends the changes held, in order, each in parts, until none is left. The first part of each
   * change held when this begins goes at once: within the ledger's change, or right after the last
   * part of every row. So a report asked for after a change counts it, and the worker is unlikely
   * to report between the rows and the changes made while they were sent. Every other part, and
   * every change made meanwhile, waits for the page's next task and for the worker to take in a
   * part (`PARTS_AHEAD`). Stops when every row is sent anew meanwhile (that sending's rows hold
   * these changes), or once the worker has died.
   */
  private async sendHeld(sending: number): Promise<void> {
    let heldAlready = this.held?.length ?? 0;
    for (let change = this.held?.shift(); change; change = this.held?.shift()) {
      const atOnce = heldAlready > 0;
      heldAlready -= 1;
      for (let at = 0; at === 0 || at < change.puts.length; at += ROWS_PER_PART) {
        if (at > 0 || !atOnce) {
          await this.pause();
          await this.workerFree();
        }
        if (sending !== this.sendings || this.broken) return;
        const puts = change.puts.slice(at, at + ROWS_PER_PART).flatMap((row) => reportRowOf(row) ?? []);
        this.send({ type: 'rows', puts, removals: at === 0 ? change.removals : [] });
      }
    }
    this.held = undefined;
  }

  /** A burst of ledger changes sends the records once. */
  private recordsChanged(): void {
    if (this.recordsDue) return;
    this.recordsDue = true;
    queueMicrotask(() => {
      this.recordsDue = false;
      this.send({ type: 'records', records: this.source.records() });
    });
  }

  /** Resolves once fewer than `PARTS_AHEAD` parts wait on the worker, or at once when it has died. */
  private async workerFree(): Promise<void> {
    while (this.partsAhead >= PARTS_AHEAD && !this.broken) {
      await new Promise<void>((resolve) => this.waitingForWorker.push(resolve));
    }
  }

  /** Every sending waiting for the worker looks again: one the index has made obsolete since only returns. */
  private wakeSendings(): void {
    for (const resume of this.waitingForWorker.splice(0)) resume();
  }

  private received(message: FromReportWorker): void {
    switch (message.type) {
      case 'taken':
        this.partsAhead = Math.max(0, this.partsAhead - 1);
        this.wakeSendings();
        return;
      case 'result':
      case 'failed':
        if (message.id !== this.requested?.id) return;
        this.settle(
          this.requested.request.kind,
          message.type === 'failed' ? 'failed' : message.result && { result: message.result, current: true },
        );
        return;
    }
  }

  private break(): void {
    this.broken = true;
    this.held = undefined;
    this.wakeSendings();
    const waiting = this.requested;
    this.requested = undefined;
    if (waiting) this.settle(waiting.request.kind, 'failed');
  }

  private send(message: ToReportWorker): void {
    if (message.type === 'all-rows' || message.type === 'rows') this.partsAhead++;
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

function recordsOf(ledger: Ledger): ReportRecords {
  return {
    homeCurrency: ledger.homeCurrency,
    accounts: ledger.accounts.list(),
    categories: ledger.categories.list(),
    rates: ledger.rates.list(),
  };
}

const engines = new WeakMap<Tally, ReportEngine>();

export function reportEngineOf(tally: Tally): ReportEngine {
  let engine = engines.get(tally);
  if (!engine) {
    const worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module' });
    const { ledger } = tally;
    const source: ReportSource = {
      index: tally.transactions,
      records: () => recordsOf(ledger),
      onLedgerChanged: (listener) => ledger.onChange(listener),
    };
    engine = new ReportEngine(source, workerPort(worker));
    engines.set(tally, engine);
  }
  return engine;
}
