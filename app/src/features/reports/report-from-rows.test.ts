import 'fake-indexeddb/auto';
import { currencyCode, type Ledger, openLedger, type ReportTransaction } from '@tally/schema';
import { SeededRandom } from '@tally/schema/testing';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { DeviceStorage, type TransactionIndex } from '../../storage/index.js';
import { computeReport, type ReportRecords } from './report-compute.js';
import { ReportEngine, type ReportWorkerPort, ROWS_PER_PART } from './report-engine.js';
import type { FromReportWorker, ToReportWorker } from './report-protocol.js';
import { REPORT_KINDS, type ReportRequest, sameRequest } from './report-request.js';
import { serveReports } from './report-service.js';

const seedCount = Number(process.env.TALLY_FUZZ_SEEDS ?? (process.env.CI ? 8 : 3));
const firstSeed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
/** A hang guard for the worker's answer, not a speed limit. */
const ANSWER = { timeout: 30_000, interval: 5 } as const;

let databases: DeviceStorage[] = [];
let databaseCount = 0;

afterEach(async () => {
  await Promise.all(databases.map((storage) => storage.erase()));
  databases = [];
});

/** A ledger of three currencies, with income, splits, transfers between currencies, edits and deletions. */
function generatedLedger(random: SeededRandom, transactions: number) {
  const ledger = openLedger(new Y.Doc());
  ledger.setHomeCurrency('EUR');
  const accounts = (['EUR', 'USD', 'GBP'] as const).map(
    (currency) => ledger.accounts.create({ name: `In ${currency}`, type: 'checking', currency }).id,
  );
  const expenses = ['Food', 'Rent', 'Travel'].map((name) => ledger.categories.create({ name, kind: 'expense' }).id);
  const income = ledger.categories.create({ name: 'Salary', kind: 'income' }).id;
  for (const month of [1, 3, 6, 9]) {
    const date = `2026-${String(month).padStart(2, '0')}-01`;
    ledger.setExchangeRate({
      date,
      from: currencyCode('USD'),
      to: currencyCode('EUR'),
      rate: `0.${random.int(80, 99)}`,
    });
    if (month !== 6)
      ledger.setExchangeRate({
        date,
        from: currencyCode('GBP'),
        to: currencyCode('EUR'),
        rate: `1.${random.int(10, 20)}`,
      });
  }
  const currencyOf = (accountId: string) => ledger.accounts.get(accountId)?.currency ?? 'EUR';
  const date = () => `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const ids: string[] = [];
  const addOne = () => {
    const accountId = random.pick(accounts);
    const kind = random.int(0, 9);
    if (kind === 0) {
      const toAccountId = random.pick(accounts.filter((id) => id !== accountId));
      const amount = random.int(100, 50_000);
      const same = currencyOf(accountId) === currencyOf(toAccountId);
      const legs = ledger.createTransfer({
        date: date(),
        fromAccountId: accountId,
        toAccountId,
        amount,
        ...(!same && { receivedAmount: random.int(100, 50_000) }),
      });
      ids.push(...legs.map((leg) => leg.id));
    } else if (kind <= 2) {
      const parts = [-random.int(100, 9_000), -random.int(100, 9_000)];
      const created = ledger.transactions.create({
        date: date(),
        amount: parts.reduce((sum, part) => sum + part, 0),
        currency: currencyOf(accountId),
        accountId,
        splits: parts.map((amount) => ({ categoryId: random.pick(expenses), amount, memo: '' })),
      });
      ids.push(created.id);
    } else {
      const earning = kind === 3;
      const created = ledger.transactions.create({
        date: date(),
        amount: earning ? random.int(50_000, 400_000) : -random.int(100, 30_000),
        currency: currencyOf(accountId),
        accountId,
        categoryId: earning ? income : random.chance(0.1) ? null : random.pick(expenses),
      });
      ids.push(created.id);
    }
  };
  /** Some edits and deletions, as other devices' changes would arrive. */
  const change = (count: number) => {
    for (let at = 0; at < count; at++) {
      const id = random.pick(ids);
      const record = ledger.transactions.get(id);
      if (!record || record.deleted || record.transferId !== null) continue;
      if (random.chance(0.5)) ledger.transactions.delete(id);
      else if (record.splits.length === 0) ledger.transactions.update(id, { date: date(), amount: record.amount - 1 });
    }
  };
  ledger.transact(() => {
    for (let at = 0; at < transactions; at++) addOne();
  });
  change(transactions / 10);
  return { ledger, accounts, expenses, addOne, change };
}

function recordsOf(ledger: Ledger): ReportRecords {
  return {
    homeCurrency: ledger.homeCurrency,
    accounts: ledger.accounts.list(),
    categories: ledger.categories.list(),
    rates: ledger.rates.list(),
  };
}

/** The ledger's own live transactions, as the report worker read them from its replica of the ledger before. */
function fromTheLedger(ledger: Ledger): ReportTransaction[] {
  return ledger.transactions
    .list()
    .map(({ id, date, amount, currency, accountId, categoryId, splits, transferId }) => ({
      id,
      date,
      amount,
      currency,
      accountId,
      categoryId,
      splits,
      transferId,
    }));
}

/** The page's transaction index over `ledger`, stored in a Dexie database of its own and following every change. */
async function followingIndex(ledger: Ledger): Promise<TransactionIndex> {
  const storage = DeviceStorage.forLedger(`report-test-${databaseCount++}`);
  databases.push(storage);
  // One tab alone: none of its writes is ever already stored by another, so none is skipped.
  const index = storage.transactionIndex(ledger.transactions, {
    fingerprint: () => String(Y.encodeStateVector(ledger.doc)),
    covers: () => false,
  });
  await index.load();
  await index.follow();
  return index;
}

/**
 * The page's report engine and the report worker's service, joined as a worker would be: each
 * message cloned and delivered in a later task. `pause` comes between two parts of the rows.
 */
function reportsOver(index: TransactionIndex, ledger: Ledger, pause?: () => Promise<void>) {
  const answers: FromReportWorker[] = [];
  let toPage: (message: FromReportWorker) => void = () => undefined;
  const receive = serveReports((message) => setTimeout(() => toPage(structuredClone(message)), 0));
  const port: ReportWorkerPort = {
    post: (message: ToReportWorker) => setTimeout(() => receive(structuredClone(message)), 0),
    listen: (received) => {
      toPage = (message) => {
        answers.push(message);
        received(message);
      };
    },
  };
  const engine = new ReportEngine(
    {
      index,
      records: () => recordsOf(ledger),
      onLedgerChanged: (listener) => ledger.onChange(listener),
    },
    port,
    pause,
  );
  let screenOpen = false;
  const compute = async (request: ReportRequest) => {
    // The reports screen opens with the first request, as it does in the app.
    if (!screenOpen) engine.subscribe(() => undefined);
    screenOpen = true;
    engine.request(request);
    return vi.waitFor(() => {
      const kept = engine.getSnapshot().get(request.kind);
      if (!kept || kept === 'failed' || !kept.current || !sameRequest(kept.result.request, request))
        throw new Error(`no current report for ${request.kind} yet`);
      return kept.result;
    }, ANSWER);
  };
  return { compute, answers };
}

function requestsFor(accounts: readonly string[], categoryId: string): ReportRequest[] {
  return REPORT_KINDS.flatMap((kind) => [
    { kind, from: '2026-01-01', to: '2026-12-31', accountIds: null, categoryId },
    { kind, from: '2026-03-15', to: '2026-08-31', accountIds: [accounts[1] ?? ''], categoryId },
  ]);
}

describe('reports from the transaction index', () => {
  test.each(seeds)(
    '[REP1] reports from the transaction index’s rows give what the ledger’s own records give, before and after changes arrive (seed %i)',
    async (seed) => {
      console.log(`report-from-rows seed ${seed} (TALLY_FUZZ_SEED=${seed} replays it)`);
      const random = new SeededRandom(seed);
      const { ledger, accounts, expenses, addOne, change } = generatedLedger(random, 400);
      const index = await followingIndex(ledger);
      const reports = reportsOver(index, ledger);
      // Changes made while the engine sends the worker every row: it sends them after.
      for (let at = 0; at < 20; at++) addOne();
      const requests = requestsFor(accounts, expenses[0] ?? '');
      const matchesTheLedger = async () => {
        for (const request of requests) {
          const expected = computeReport({ ...recordsOf(ledger), transactions: fromTheLedger(ledger) }, request);
          expect(await reports.compute(request)).toEqual(expected);
        }
      };
      await matchesTheLedger();
      change(30);
      for (let at = 0; at < 20; at++) addOne();
      await matchesTheLedger();
      expect(reports.answers.some((answer) => answer.type === 'failed')).toBe(false);
    },
  );

  test('a transaction edited while the rows are on their way to the worker, before reports first open, is in the report', async () => {
    const random = new SeededRandom(20);
    const { ledger, accounts, expenses } = generatedLedger(random, 1_200);
    const index = await followingIndex(ledger);
    const waiting: (() => void)[] = [];
    const nextPart = async () => {
      await vi.waitFor(() => {
        if (waiting.length === 0) throw new Error('the engine is not between two parts yet');
      }, ANSWER);
      waiting.shift()?.();
    };
    // Made ahead of the screen, as the app does once the index has loaded.
    const reports = reportsOver(index, ledger, () => new Promise((resolve) => waiting.push(resolve)));
    const parts = Math.ceil(index.getSnapshot().rows.length / ROWS_PER_PART);
    expect(parts).toBeGreaterThan(2);
    await nextPart();
    await nextPart();
    const [edited, deleted] = index
      .getSnapshot()
      .rows.filter((row) => row.transferId === null && row.splits.length === 0);
    if (!edited || !deleted) throw new Error('the ledger should hold plain transactions');
    ledger.transactions.update(edited.id, { amount: edited.amount - 10_000 });
    ledger.transactions.delete(deleted.id);
    for (let part = 2; part < parts; part++) await nextPart();
    for (const request of requestsFor(accounts, expenses[0] ?? '')) {
      const expected = computeReport({ ...recordsOf(ledger), transactions: fromTheLedger(ledger) }, request);
      expect(await reports.compute(request)).toEqual(expected);
    }
  });
});
