import { type Ledger, openLedger } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { type TransactionRow, toTransactionRow } from '../../storage/index.js';
import type { ReportRecords } from './report-compute.js';
import type { FromReportWorker } from './report-protocol.js';
import type { ReportRequest } from './report-request.js';
import { type ReportRow, reportRowOf } from './report-rows.js';
import { serveReports } from './report-service.js';

const MARCH: ReportRequest = {
  kind: 'spending',
  from: '2026-03-01',
  to: '2026-03-31',
  accountIds: null,
  categoryId: null,
};
/** Lets the worker's coalesced computation, queued behind the current task, run. */
const nextTask = () => new Promise((settled) => setTimeout(settled, 0));

/** The worker's answers to computations, apart from its saying it has taken each part of the rows. */
function serve() {
  const answers: FromReportWorker[] = [];
  const taken = { parts: 0 };
  const receive = serveReports((message) => {
    if (message.type === 'taken') taken.parts++;
    else answers.push(message);
  });
  return { answers, taken, receive };
}

/** The page's ledger: one account with 12.50 spent on groceries in March. */
function pageLedger() {
  const ledger = openLedger(new Y.Doc());
  const checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const groceries = ledger.categories.create({ name: 'Groceries', kind: 'expense' }).id;
  const spend = (date: string, amount: number) =>
    toTransactionRow(
      ledger.transactions.create({ date, amount, currency: 'EUR', accountId: checking, categoryId: groceries }),
    );
  const first = spend('2026-03-04', -1250);
  return { ledger, first, spend };
}

/** A change of the index as the page sends it. */
function sent(row: TransactionRow): ReportRow {
  const kept = reportRowOf(row);
  if (!kept) throw new Error(`${row.currency} is a currency the ledger accepts`);
  return kept;
}

function recordsOf(ledger: Ledger): ReportRecords {
  return {
    homeCurrency: ledger.homeCurrency,
    accounts: ledger.accounts.list(),
    categories: ledger.categories.list(),
    rates: ledger.rates.list(),
  };
}

function spent(answer: FromReportWorker | undefined): unknown {
  return answer?.type === 'result' ? answer.result?.table.rows : answer;
}

describe('the report worker', () => {
  test('it reports only once every row has arrived, then after every change, until told to rest', async () => {
    const page = pageLedger();
    const { answers, receive } = serve();
    receive({ type: 'records', records: recordsOf(page.ledger) });
    receive({ type: 'compute', id: 1, request: MARCH });
    receive({ type: 'all-rows', rows: [sent(page.first)], first: true, last: false });
    await nextTask();
    expect(answers).toEqual([]);

    const second = page.spend('2026-03-09', -500);
    receive({ type: 'all-rows', rows: [sent(second)], first: false, last: true });
    await nextTask();
    expect(spent(answers.at(-1))).toEqual([['Groceries', '17.50']]);

    receive({ type: 'rows', puts: [], removals: [second.id] });
    await nextTask();
    expect(spent(answers.at(-1))).toEqual([['Groceries', '12.50']]);

    receive({ type: 'rest' });
    const answered = answers.length;
    receive({ type: 'rows', puts: [sent(page.spend('2026-03-10', -100))], removals: [] });
    await nextTask();
    expect(answers).toHaveLength(answered);
  });

  test('it says when it has taken in each part of the rows, at once, and nothing else', () => {
    const page = pageLedger();
    const { answers, taken, receive } = serve();
    receive({ type: 'records', records: recordsOf(page.ledger) });
    receive({ type: 'compute', id: 1, request: MARCH });
    expect(taken.parts).toBe(0);
    receive({ type: 'all-rows', rows: [sent(page.first)], first: true, last: false });
    receive({ type: 'all-rows', rows: [], first: false, last: true });
    expect(taken.parts).toBe(2);
    receive({ type: 'rows', puts: [], removals: [page.first.id] });
    receive({ type: 'rest' });
    expect(taken.parts).toBe(3);
    expect(answers).toEqual([]);
  });

  test('every row sent anew replaces what it held', async () => {
    const page = pageLedger();
    const { answers, receive } = serve();
    receive({ type: 'records', records: recordsOf(page.ledger) });
    receive({ type: 'compute', id: 1, request: MARCH });
    receive({
      type: 'all-rows',
      rows: [sent(page.first), sent(page.spend('2026-03-09', -500))],
      first: true,
      last: true,
    });
    receive({ type: 'all-rows', rows: [sent(page.first)], first: true, last: true });
    await nextTask();
    expect(spent(answers.at(-1))).toEqual([['Groceries', '12.50']]);
  });

  test('it waits for the ledger’s accounts before reporting', async () => {
    const page = pageLedger();
    const { answers, receive } = serve();
    receive({ type: 'all-rows', rows: [sent(page.first)], first: true, last: true });
    receive({ type: 'compute', id: 1, request: MARCH });
    await nextTask();
    expect(answers).toEqual([]);
    receive({ type: 'records', records: recordsOf(page.ledger) });
    await nextTask();
    expect(spent(answers.at(-1))).toEqual([['Groceries', '12.50']]);
  });
});
