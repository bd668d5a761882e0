import { currencyCode } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import type { TransactionIndexSnapshot, TransactionRow, TransactionRowChange } from '../../storage/index.js';
import type { ReportRecords } from './report-compute.js';
import {
  isUpdating,
  PARTS_AHEAD,
  ReportEngine,
  type ReportSource,
  type ReportWorkerPort,
  ROWS_PER_PART,
} from './report-engine.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import type { ReportRequest, ReportResult } from './report-request.js';

const SPENDING: ReportRequest = {
  kind: 'spending',
  from: '2026-01-01',
  to: '2026-03-31',
  accountIds: null,
  categoryId: null,
};
const TREND: ReportRequest = {
  kind: 'category-trend',
  from: '2026-01-01',
  to: '2026-03-31',
  accountIds: null,
  categoryId: 'food',
};

function resultOf(request: ReportRequest, spent: string): ReportResult {
  return {
    request,
    table: { columns: ['Category', 'Spent'], rows: [['Groceries', spent]], unconverted: 0 },
    currency: currencyCode('EUR'),
    homeCurrencySet: true,
    rates: [],
  };
}

/**
 * A worker that answers only when the test says so. It takes in each part of the rows as it
 * arrives, as the worker does, unless `holding`: then only when the test says so.
 */
class StandInWorker implements ReportWorkerPort {
  readonly sent: ToReportWorker[] = [];
  holding = false;
  private untaken = 0;
  private received: (message: FromReportWorker) => void = () => undefined;
  private died: () => void = () => undefined;

  post(message: ToReportWorker): void {
    this.sent.push(message);
    if (message.type !== 'all-rows' && message.type !== 'rows') return;
    if (this.holding) this.untaken++;
    else queueMicrotask(() => this.received({ type: 'taken' }));
  }

  /** Takes in the oldest part of the rows waiting. */
  takePart(): void {
    if (this.untaken === 0) throw new Error('no part of the rows waits');
    this.untaken--;
    this.received({ type: 'taken' });
  }

  /** The parts of the rows sent so far. */
  rowParts(): ToReportWorker[] {
    return this.sent.filter((message) => message.type === 'all-rows' || message.type === 'rows');
  }

  listen(received: (message: FromReportWorker) => void, died: () => void): void {
    this.received = received;
    this.died = died;
  }

  answer(message: FromReportWorker): void {
    this.received(message);
  }

  die(): void {
    this.died();
  }

  /** The id of the newest `compute` sent. */
  lastComputeId(): number {
    const computes = this.sent.filter((message) => message.type === 'compute');
    const last = computes.at(-1);
    if (!last) throw new Error('nothing was asked of the worker');
    return last.id;
  }
}

const RECORDS: ReportRecords = { homeCurrency: currencyCode('EUR'), accounts: [], categories: [], rates: [] };

/** The page's transaction index, loaded when the test says so. */
class StandInIndex implements ReportSource {
  readonly index = {
    getSnapshot: () => this.snapshot,
    subscribe: (listener: () => void) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
    onRowsChanged: (listener: (change: TransactionRowChange) => void) => {
      this.rowListener = listener;
      return () => undefined;
    },
  };
  private snapshot: TransactionIndexSnapshot = { loaded: false, rows: [] };
  private readonly listeners = new Set<() => void>();
  private rowListener: (change: TransactionRowChange) => void = () => undefined;

  records(): ReportRecords {
    return RECORDS;
  }

  onLedgerChanged(): void {}

  load(rows: readonly TransactionRow[]): void {
    this.snapshot = { loaded: true, rows };
    for (const listener of this.listeners) listener();
  }

  change(change: TransactionRowChange): void {
    this.rowListener(change);
  }
}

/** Lets the engine send its next part of the rows. */
const nextPart = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Lets the engine send every part it may before the worker takes in more. */
async function partsSent(): Promise<void> {
  for (let turn = 0; turn < 8; turn++) await nextPart();
}

function openEngine() {
  const worker = new StandInWorker();
  const source = new StandInIndex();
  const engine = new ReportEngine(source, worker, nextPart);
  let screen = engine.subscribe(() => undefined);
  return {
    worker,
    source,
    engine,
    closeScreen: () => screen(),
    openScreen: () => {
      screen = engine.subscribe(() => undefined);
    },
  };
}

function row(id: string, currency: string): TransactionRow {
  return {
    id,
    date: '2026-03-04',
    amount: -1250,
    currency,
    accountId: 'checking',
    categoryId: 'food',
    payee: 'Bakery',
    notes: '',
    tags: [],
    splits: [],
    shares: [],
    transferId: null,
    attachments: [],
    search: 'bakery',
  };
}

function reportRow(id: string) {
  const { payee, notes, tags, shares, attachments, search, ...kept } = row(id, 'EUR');
  return kept;
}

describe('the report engine', () => {
  test('once the index has loaded the worker gets every row in parts, then each change made meanwhile', async () => {
    const { worker, source } = openEngine();
    expect(worker.sent).toEqual([{ type: 'records', records: RECORDS }]);
    const many = Array.from({ length: ROWS_PER_PART + 1 }, (_, at) => row(`t${at}`, 'EUR'));
    source.load(many);
    source.change({ rebuilt: false, puts: [row('lunch', 'EUR')], removals: [] });
    await partsSent();
    expect(worker.sent.slice(1)).toEqual([
      { type: 'all-rows', rows: many.slice(0, ROWS_PER_PART).map(({ id }) => reportRow(id)), first: true, last: false },
      { type: 'all-rows', rows: [reportRow(`t${ROWS_PER_PART}`)], first: false, last: true },
      { type: 'rows', puts: [reportRow('lunch')], removals: [] },
    ]);
    source.change({ rebuilt: false, puts: [row('dinner', 'EUR'), row('odd', 'XXQ')], removals: ['lunch'] });
    expect(worker.sent.at(-1)).toEqual({ type: 'rows', puts: [reportRow('dinner')], removals: ['lunch'] });
  });

  test('a rebuilt index is sent anew, and a sending it interrupts stops', async () => {
    const { worker, source } = openEngine();
    source.load(Array.from({ length: ROWS_PER_PART * 2 }, (_, at) => row(`old${at}`, 'EUR')));
    await nextPart();
    source.load([row('new', 'EUR')]);
    source.change({ rebuilt: true });
    await nextPart();
    await nextPart();
    expect(worker.sent.slice(1)).toEqual([
      {
        type: 'all-rows',
        rows: Array.from({ length: ROWS_PER_PART }, (_, at) => reportRow(`old${at}`)),
        first: true,
        last: false,
      },
      { type: 'all-rows', rows: [reportRow('new')], first: true, last: true },
    ]);
  });

  test('a large change, as a fresh device’s first sync makes, goes in parts, and changes made meanwhile after it', async () => {
    const { worker, source } = openEngine();
    source.load([row('old', 'EUR')]);
    await nextPart();
    const synced = Array.from({ length: ROWS_PER_PART + 1 }, (_, at) => row(`t${at}`, 'EUR'));
    source.change({ rebuilt: false, puts: synced, removals: ['old'] });
    source.change({ rebuilt: false, puts: [row('lunch', 'EUR')], removals: ['t0'] });
    // Within the change itself only its first part is sent: the page is not held for all of it.
    expect(worker.sent.slice(2)).toEqual([
      { type: 'rows', puts: synced.slice(0, ROWS_PER_PART).map(({ id }) => reportRow(id)), removals: ['old'] },
    ]);
    await partsSent();
    expect(worker.sent.slice(3)).toEqual([
      { type: 'rows', puts: [reportRow(`t${ROWS_PER_PART}`)], removals: [] },
      { type: 'rows', puts: [reportRow('lunch')], removals: ['t0'] },
    ]);
    source.change({ rebuilt: false, puts: [row('dinner', 'EUR')], removals: [] });
    expect(worker.sent.at(-1)).toEqual({ type: 'rows', puts: [reportRow('dinner')], removals: [] });
  });

  test('a large change being sent stops when the index is rebuilt: the rebuilt rows hold it', async () => {
    const { worker, source } = openEngine();
    source.load([]);
    await nextPart();
    const synced = Array.from({ length: ROWS_PER_PART * 2 }, (_, at) => row(`t${at}`, 'EUR'));
    source.change({ rebuilt: false, puts: synced, removals: [] });
    source.load([row('rebuilt', 'EUR')]);
    source.change({ rebuilt: true });
    await nextPart();
    await nextPart();
    expect(worker.sent.slice(2)).toEqual([
      { type: 'rows', puts: synced.slice(0, ROWS_PER_PART).map(({ id }) => reportRow(id)), removals: [] },
      { type: 'all-rows', rows: [reportRow('rebuilt')], first: true, last: true },
    ]);
  });

  test('the rows wait for the worker to take in what it was sent: it is never more than two parts behind', async () => {
    const { worker, source } = openEngine();
    worker.holding = true;
    const many = Array.from({ length: ROWS_PER_PART * 4 }, (_, at) => row(`t${at}`, 'EUR'));
    source.load(many);
    await partsSent();
    expect(worker.rowParts()).toHaveLength(PARTS_AHEAD);
    worker.takePart();
    await partsSent();
    expect(worker.rowParts()).toHaveLength(PARTS_AHEAD + 1);
    worker.takePart();
    worker.takePart();
    await partsSent();
    expect(worker.rowParts().map((part) => part.type === 'all-rows' && part.rows.length)).toEqual([
      ROWS_PER_PART,
      ROWS_PER_PART,
      ROWS_PER_PART,
      ROWS_PER_PART,
    ]);
    expect(worker.rowParts().at(-1)).toMatchObject({ type: 'all-rows', first: false, last: true });
  });

  test('changes wait for the worker too: a large one and those made meanwhile keep it at most two parts behind', async () => {
    const { worker, source } = openEngine();
    source.load([]);
    await partsSent();
    worker.holding = true;
    const synced = Array.from({ length: ROWS_PER_PART * 2 }, (_, at) => row(`t${at}`, 'EUR'));
    source.change({ rebuilt: false, puts: synced, removals: [] });
    for (let change = 0; change < 5; change++)
      source.change({ rebuilt: false, puts: [row(`later${change}`, 'EUR')], removals: [] });
    await partsSent();
    // The empty index's one part was taken in; of the rest, the worker holds two.
    expect(worker.rowParts().slice(1)).toEqual([
      { type: 'rows', puts: synced.slice(0, ROWS_PER_PART).map(({ id }) => reportRow(id)), removals: [] },
      { type: 'rows', puts: synced.slice(ROWS_PER_PART).map(({ id }) => reportRow(id)), removals: [] },
    ]);
    for (let change = 0; change < 5; change++) {
      worker.takePart();
      await partsSent();
    }
    expect(worker.rowParts().slice(3)).toEqual(
      [0, 1, 2, 3, 4].map((change) => ({ type: 'rows', puts: [reportRow(`later${change}`)], removals: [] })),
    );
  });

  test('sendings that wait for the worker while the index is rebuilt, twice, give way to the last rows', async () => {
    const { worker, source } = openEngine();
    worker.holding = true;
    source.load(Array.from({ length: ROWS_PER_PART * 3 }, (_, at) => row(`old${at}`, 'EUR')));
    await partsSent();
    source.load([row('newer', 'EUR')]);
    source.change({ rebuilt: true });
    await partsSent();
    source.load([row('newest', 'EUR')]);
    source.change({ rebuilt: true });
    await partsSent();
    worker.takePart();
    worker.takePart();
    await partsSent();
    expect(worker.rowParts().slice(PARTS_AHEAD)).toEqual([
      { type: 'all-rows', rows: [reportRow('newest')], first: true, last: true },
    ]);
  });

  test('once the worker has died no more rows are sent, and a request fails at once', async () => {
    const { worker, source, engine } = openEngine();
    worker.holding = true;
    source.load(Array.from({ length: ROWS_PER_PART * 3 }, (_, at) => row(`t${at}`, 'EUR')));
    await partsSent();
    expect(worker.rowParts()).toHaveLength(PARTS_AHEAD);
    worker.die();
    await partsSent();
    expect(worker.rowParts()).toHaveLength(PARTS_AHEAD);
    engine.request(SPENDING);
    expect(engine.getSnapshot().get('spending')).toBe('failed');
  });

  test('a large change being sent when the worker dies is sent no further', async () => {
    const { worker, source } = openEngine();
    source.load([]);
    await partsSent();
    worker.holding = true;
    source.change({
      rebuilt: false,
      puts: Array.from({ length: ROWS_PER_PART * 3 }, (_, at) => row(`t${at}`, 'EUR')),
      removals: [],
    });
    await partsSent();
    expect(worker.rowParts()).toHaveLength(1 + PARTS_AHEAD);
    worker.die();
    await partsSent();
    expect(worker.rowParts()).toHaveLength(1 + PARTS_AHEAD);
  });

  test('a result shows as current once it answers the newest request, and an older answer is ignored', () => {
    const { worker, engine } = openEngine();
    engine.request(SPENDING);
    const first = worker.lastComputeId();
    const narrower = { ...SPENDING, from: '2026-03-01' };
    engine.request(narrower);
    worker.answer({ type: 'result', id: first, result: resultOf(SPENDING, '10.00') });
    expect(engine.getSnapshot().get('spending')).toBeUndefined();
    worker.answer({ type: 'result', id: worker.lastComputeId(), result: resultOf(narrower, '4.00') });
    const kept = engine.getSnapshot().get('spending');
    expect(kept).toEqual({ result: resultOf(narrower, '4.00'), current: true });
  });

  test('coming back to reports, the numbers from before show as updating until the worker answers again', () => {
    const { worker, engine, closeScreen, openScreen } = openEngine();
    engine.request(SPENDING);
    worker.answer({ type: 'result', id: worker.lastComputeId(), result: resultOf(SPENDING, '10.00') });
    closeScreen();
    expect(worker.sent.at(-1)).toEqual({ type: 'rest' });

    openScreen();
    const before = engine.getSnapshot().get('spending');
    if (!before || before === 'failed') throw new Error('the earlier result should be kept');
    expect(before.result.table.rows).toEqual([['Groceries', '10.00']]);
    expect(isUpdating(before, SPENDING)).toBe(true);

    engine.request(SPENDING);
    worker.answer({ type: 'result', id: worker.lastComputeId(), result: resultOf(SPENDING, '25.00') });
    const after = engine.getSnapshot().get('spending');
    if (!after || after === 'failed') throw new Error('the new result should be shown');
    expect(after.result.table.rows).toEqual([['Groceries', '25.00']]);
    expect(isUpdating(after, SPENDING)).toBe(false);
  });

  test('a failure is not shown again on coming back: the report is worked out afresh', () => {
    const { worker, engine, closeScreen, openScreen } = openEngine();
    engine.request(SPENDING);
    worker.answer({ type: 'failed', id: worker.lastComputeId() });
    expect(engine.getSnapshot().get('spending')).toBe('failed');
    closeScreen();
    openScreen();
    expect(engine.getSnapshot().get('spending')).toBeUndefined();
  });

  test('a worker that dies fails the report waiting, and every later one at once', () => {
    const { worker, engine } = openEngine();
    engine.request(SPENDING);
    worker.die();
    expect(engine.getSnapshot().get('spending')).toBe('failed');
    const asked = worker.sent.length;
    engine.request(TREND);
    expect(engine.getSnapshot().get('category-trend')).toBe('failed');
    expect(worker.sent).toHaveLength(asked);
  });

  test('a worker that dies while nothing is asked fails the next request at once instead of leaving it waiting', () => {
    const { worker, engine, closeScreen, openScreen } = openEngine();
    closeScreen();
    worker.die();
    openScreen();
    engine.request(SPENDING);
    expect(engine.getSnapshot().get('spending')).toBe('failed');
  });

  test('a report of another kind on screen, or of other filters, shows as updating', () => {
    const kept = { result: resultOf(SPENDING, '10.00'), current: true };
    expect(isUpdating(kept, SPENDING)).toBe(false);
    expect(isUpdating(kept, { ...SPENDING, accountIds: ['checking'] })).toBe(true);
    // With no valid request (a period the user is still typing) nothing is being worked out.
    expect(isUpdating({ ...kept, current: false }, null)).toBe(false);
  });
});
