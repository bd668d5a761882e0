import { currencyCode, type Ledger, openLedger } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { toTransactionRow } from '../../storage/index.js';
import { computeReport, type ReportSources, ratesInForce } from './report-compute.js';
import type { ReportRequest } from './report-request.js';
import { ReportRows, reportRowOf } from './report-rows.js';

const EUR = currencyCode('EUR');
const USD = currencyCode('USD');
const GBP = currencyCode('GBP');
const MARCH: ReportRequest = {
  kind: 'spending',
  from: '2026-03-01',
  to: '2026-03-31',
  accountIds: null,
  categoryId: null,
};

/** The ledger as the report worker reads it: its transactions as the index's rows. */
function sourcesOf(ledger: Ledger): ReportSources {
  const transactions = new ReportRows();
  const rows = ledger.transactions.list().map(toTransactionRow);
  transactions.change(
    rows.flatMap((row) => reportRowOf(row) ?? []),
    [],
  );
  return {
    homeCurrency: ledger.homeCurrency,
    accounts: ledger.accounts.list(),
    categories: ledger.categories.list(),
    rates: ledger.rates.list(),
    transactions: transactions.all(),
  };
}

function euroAndDollarLedger() {
  const ledger = openLedger(new Y.Doc());
  const checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const card = ledger.accounts.create({ name: 'Travel card', type: 'credit', currency: 'USD' }).id;
  const food = ledger.categories.create({ name: 'Food', kind: 'expense' }).id;
  const fun = ledger.categories.create({ name: 'Fun', kind: 'expense' }).id;
  return { ledger, checking, card, food, fun };
}

describe('computing a report', () => {
  test('the rates listed are the one in force when the period starts and those entered during it', () => {
    const rate = (date: string, from = USD, to = EUR, value = '0.9') => ({ date, from, to, rate: value });
    const rates = [
      rate('2026-01-10'),
      rate('2026-02-20'),
      rate('2026-03-15', EUR, USD, '1.1'),
      rate('2026-04-02'),
      rate('2026-03-01', GBP, EUR),
    ];
    expect(ratesInForce(rates, new Set([USD, EUR]), EUR, MARCH)).toEqual([
      rate('2026-02-20'),
      rate('2026-03-15', EUR, USD, '1.1'),
    ]);
    expect(ratesInForce(rates, new Set([EUR]), EUR, MARCH)).toEqual([]);
  });

  test('[REP1] splits count in each category, foreign amounts at their day’s rate, and a missing rate is counted', () => {
    const { ledger, checking, card, food, fun } = euroAndDollarLedger();
    ledger.setHomeCurrency('EUR');
    ledger.setExchangeRate({ date: '2026-03-01', from: USD, to: EUR, rate: '0.5' });
    ledger.transactions.create({
      date: '2026-03-03',
      amount: -3000,
      currency: 'EUR',
      accountId: checking,
      splits: [
        { categoryId: food, amount: -1000, memo: '' },
        { categoryId: fun, amount: -2000, memo: '' },
      ],
    });
    ledger.transactions.create({
      date: '2026-03-04',
      amount: -1000,
      currency: 'USD',
      accountId: card,
      categoryId: food,
    });
    ledger.transactions.create({
      date: '2026-02-27',
      amount: -999,
      currency: 'USD',
      accountId: card,
      categoryId: food,
    });
    const march = computeReport(sourcesOf(ledger), MARCH);
    expect(march?.table.rows).toEqual([
      ['Fun', '20.00'],
      ['Food', '15.00'],
    ]);
    expect(march?.currency).toBe('EUR');
    expect(march?.homeCurrencySet).toBe(true);
    expect(march?.rates).toEqual([
      expect.objectContaining({ date: '2026-03-01', from: 'USD', to: 'EUR', rate: '0.5' }),
    ]);
    const sinceFebruary = computeReport(sourcesOf(ledger), { ...MARCH, from: '2026-02-01' });
    expect(sinceFebruary?.table.unconverted).toBe(1);
  });

  test('leaving an account out leaves its transactions out, and an edit shows in the next result', () => {
    const { ledger, checking, card, food } = euroAndDollarLedger();
    const lunch = ledger.transactions.create({
      date: '2026-03-03',
      amount: -1200,
      currency: 'EUR',
      accountId: checking,
      categoryId: food,
    }).id;
    ledger.transactions.create({
      date: '2026-03-04',
      amount: -700,
      currency: 'USD',
      accountId: card,
      categoryId: food,
    });
    const checkingOnly = { ...MARCH, accountIds: [checking] };
    expect(computeReport(sourcesOf(ledger), checkingOnly)?.table.rows).toEqual([['Food', '12.00']]);
    ledger.transactions.update(lunch, { amount: -1500 });
    expect(computeReport(sourcesOf(ledger), checkingOnly)?.table.rows).toEqual([['Food', '15.00']]);
    ledger.transactions.delete(lunch);
    expect(computeReport(sourcesOf(ledger), checkingOnly)?.table.rows).toEqual([]);
  });

  test('[REP4] a trend follows the chosen category month by month; with no account there is nothing to report', () => {
    const { ledger, checking, food, fun } = euroAndDollarLedger();
    ledger.transactions.create({
      date: '2026-01-03',
      amount: -1200,
      currency: 'EUR',
      accountId: checking,
      categoryId: food,
    });
    ledger.transactions.create({
      date: '2026-03-03',
      amount: -800,
      currency: 'EUR',
      accountId: checking,
      categoryId: fun,
    });
    const trend = computeReport(sourcesOf(ledger), {
      ...MARCH,
      kind: 'category-trend',
      from: '2026-01-01',
      categoryId: food,
    });
    expect(trend?.table.rows).toEqual([
      ['2026-01', '12.00'],
      ['2026-02', '0.00'],
      ['2026-03', '0.00'],
    ]);
    expect(trend?.homeCurrencySet).toBe(false);
    expect(
      computeReport({ homeCurrency: null, accounts: [], categories: [], rates: [], transactions: [] }, MARCH),
    ).toBeNull();
  });
});
