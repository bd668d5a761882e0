import { openLedger } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { FromReportWorker } from './report-protocol.js';
import type { ReportRequest } from './report-request.js';
import { type ReadStoredLedger, serveReports } from './report-service.js';

const MARCH: ReportRequest = {
  kind: 'spending',
  from: '2026-03-01',
  to: '2026-03-31',
  accountIds: null,
  categoryId: null,
};

/** Lets the worker's coalesced computation, queued behind the current task, run. */
const nextTask = () => new Promise((settled) => setTimeout(settled, 0));

function serve(readStored: ReadStoredLedger) {
  const answers: FromReportWorker[] = [];
  const receive = serveReports((message) => answers.push(message), readStored);
  return { answers, receive };
}

/** The page's ledger: one account with 12.50 spent on groceries in March. */
function pageLedger() {
  const doc = new Y.Doc();
  const ledger = openLedger(doc);
  const checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const groceries = ledger.categories.create({ name: 'Groceries', kind: 'expense' }).id;
  ledger.transactions.create({
    date: '2026-03-04',
    amount: -1250,
    currency: 'EUR',
    accountId: checking,
    categoryId: groceries,
  });
  return { doc, ledger, checking, groceries };
}

describe('the report worker', () => {
  test('a stored ledger it cannot read is answered with broken, not with silence', async () => {
    const { answers, receive } = serve(() => Promise.reject(new Error('IndexedDB is unavailable')));
    receive({ type: 'open', ledger: { database: 'tally-ledger' } });
    await nextTask();
    expect(answers).toEqual([{ type: 'broken' }]);
  });

  test('it reports only once it has what the stored ledger lacked, then again after every change, until told to rest', async () => {
    const page = pageLedger();
    const { answers, receive } = serve(() => Promise.resolve());
    receive({ type: 'open', ledger: { database: 'tally-ledger' } });
    receive({ type: 'compute', id: 1, request: MARCH });
    await nextTask();
    const [stateVector, ...early] = answers;
    if (stateVector?.type !== 'state-vector') throw new Error('the worker should say what it holds');
    expect(early).toEqual([]);

    receive({ type: 'update', update: Y.encodeStateAsUpdate(page.doc, stateVector.vector) });
    await nextTask();
    expect(answers.at(-1)).toMatchObject({
      type: 'result',
      id: 1,
      result: { table: { rows: [['Groceries', '12.50']] } },
    });

    page.doc.once('update', (update: Uint8Array) => receive({ type: 'update', update }));
    page.ledger.transactions.create({
      date: '2026-03-09',
      amount: -500,
      currency: 'EUR',
      accountId: page.checking,
      categoryId: page.groceries,
    });
    await nextTask();
    expect(answers.at(-1)).toMatchObject({
      type: 'result',
      id: 1,
      result: { table: { rows: [['Groceries', '17.50']] } },
    });

    receive({ type: 'rest' });
    const answered = answers.length;
    page.doc.once('update', (update: Uint8Array) => receive({ type: 'update', update }));
    page.ledger.transactions.create({
      date: '2026-03-10',
      amount: -100,
      currency: 'EUR',
      accountId: page.checking,
      categoryId: page.groceries,
    });
    await nextTask();
    expect(answers).toHaveLength(answered);
  });
});
