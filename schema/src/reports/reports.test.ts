import { describe, expect, it } from 'vitest';
import { currencyCode, RateTable } from '../money/index.js';
import { reportToCsv } from './report-csv.js';
import type { ReportInput, ReportTransaction } from './report-input.js';
import { categoryTrend, incomeVersusExpense, netWorthOverTime, spendingByCategory } from './reports.js';

const EUR = currencyCode('EUR');
const USD = currencyCode('USD');
const [CHECKING, SAVINGS, TRAVEL_CARD] = ['checking', 'savings', 'travel'];
const [FOOD, RENT, SALARY] = ['food', 'rent', 'salary'];

let nextId = 0;
function tx(
  date: string,
  amount: number,
  categoryId: string | null,
  accountId = CHECKING,
  extra: Partial<ReportTransaction> = {},
): ReportTransaction {
  nextId += 1;
  return {
    id: `t${nextId}`,
    date,
    amount,
    currency: accountId === TRAVEL_CARD ? USD : EUR,
    accountId,
    categoryId,
    splits: [],
    transferId: null,
    ...extra,
  };
}

function input(transactions: ReportTransaction[], overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    currency: EUR,
    rates: new RateTable([{ date: '2026-01-01', from: USD, to: EUR, rate: '0.9' }]),
    accounts: [
      { id: CHECKING, name: 'Checking', currency: EUR, openingBalance: 100_000 },
      { id: SAVINGS, name: 'Savings', currency: EUR, openingBalance: 0 },
      { id: TRAVEL_CARD, name: 'Travel card', currency: USD, openingBalance: 0 },
    ],
    categories: [
      { id: FOOD, name: 'Food', kind: 'expense', group: 'Daily' },
      { id: RENT, name: 'Rent', kind: 'expense', group: 'Home' },
      { id: SALARY, name: 'Salary', kind: 'income', group: 'Income' },
    ],
    transactions,
    from: '2026-01-01',
    to: '2026-03-31',
    ...overrides,
  };
}

/** A transfer of `amount` from checking to savings: two legs naming each other. */
function transfer(date: string, amount: number): ReportTransaction[] {
  const out = tx(date, -amount, null, CHECKING);
  const into = tx(date, amount, null, SAVINGS, { transferId: out.id });
  return [{ ...out, transferId: into.id }, into];
}

describe('reports', () => {
  it('[REP1] spending by category in the report currency, largest first, refunds netted', () => {
    const table = spendingByCategory(
      input([
        tx('2026-01-05', -95_000, RENT),
        tx('2026-01-06', -4_000, FOOD),
        tx('2026-01-07', 500, FOOD),
        tx('2026-02-01', -10_000, FOOD, TRAVEL_CARD),
        tx('2026-01-31', 300_000, SALARY),
      ]),
    );
    expect(table.rows).toEqual([
      ['Rent', '950.00'],
      ['Food', '125.00'],
    ]);
  });

  it('[REP1] a transfer between two accounts of the report is neither spending nor income', () => {
    const table = incomeVersusExpense(input([...transfer('2026-01-10', 50_000), tx('2026-01-11', -1_000, FOOD)]));
    expect(table.rows[0]).toEqual(['2026-01', '0.00', '10.00', '-10.00']);
    const checkingOnly = incomeVersusExpense(
      input(transfer('2026-01-10', 50_000), { accountIds: new Set([CHECKING]) }),
    );
    expect(checkingOnly.rows[0]).toEqual(['2026-01', '0.00', '500.00', '-500.00']);
  });

  it('[REP2] income against expense for every month of the period, empty months included', () => {
    const table = incomeVersusExpense(
      input([tx('2026-01-31', 300_000, SALARY), tx('2026-01-05', -95_000, RENT), tx('2026-03-05', -95_000, RENT)]),
    );
    expect(table.rows).toEqual([
      ['2026-01', '3000.00', '950.00', '2050.00'],
      ['2026-02', '0.00', '0.00', '0.00'],
      ['2026-03', '0.00', '950.00', '-950.00'],
    ]);
  });

  it('[REP3] net worth at each month end, from opening balances and earlier history, converted at the month end', () => {
    const table = netWorthOverTime(
      input([
        tx('2025-12-20', -20_000, FOOD),
        tx('2026-01-31', 300_000, SALARY),
        tx('2026-02-02', 10_000, null, TRAVEL_CARD),
        tx('2026-03-05', -95_000, RENT),
      ]),
    );
    expect(table.rows).toEqual([
      ['2026-01', '3800.00'],
      ['2026-02', '3890.00'],
      ['2026-03', '2940.00'],
    ]);
  });

  it('[REP4] one category per month, each split part counted', () => {
    const split = tx('2026-02-03', -10_000, null, CHECKING, {
      splits: [
        { categoryId: FOOD, amount: -7_000, memo: '' },
        { categoryId: RENT, amount: -3_000, memo: '' },
      ],
    });
    const table = categoryTrend(input([tx('2026-01-03', -2_000, FOOD), split]), FOOD);
    expect(table.rows).toEqual([
      ['2026-01', '20.00'],
      ['2026-02', '70.00'],
      ['2026-03', '0.00'],
    ]);
  });

  it('[REP1] counts what it could not convert instead of inventing a rate', () => {
    const table = spendingByCategory(input([tx('2025-12-30', -1_000, FOOD, TRAVEL_CARD)], { from: '2025-12-01' }));
    expect(table).toMatchObject({ rows: [], unconverted: 1 });
  });

  it('[REP5] exports the numbers behind a chart as CSV a spreadsheet reads safely', () => {
    const csv = reportToCsv({
      columns: ['category', 'spent (EUR)'],
      rows: [
        ['Food, drink', '125.00'],
        ['=HYPERLINK("x")', '-3.50'],
        ['Say "hi"', '1.00'],
      ],
      unconverted: 0,
    });
    expect(csv).toBe(
      'category,spent (EUR)\r\n"Food, drink",125.00\r\n"\'=HYPERLINK(""x"")",-3.50\r\n"Say ""hi""",1.00\r\n',
    );
  });
});
