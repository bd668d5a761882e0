import { currencyCode, incomeVersusExpense, RateTable, spendingByCategory } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import type { ReportRequest, ReportResult } from './report-request.js';
import { chartValues, csvFileName, formatRate, minorUnitsOf, reportView } from './report-view.js';

const EUR = currencyCode('EUR');
const JPY = currencyCode('JPY');
const REQUEST: ReportRequest = {
  kind: 'spending',
  from: '2026-01-01',
  to: '2026-03-31',
  accountIds: null,
  categoryId: null,
};

function result(request: ReportRequest, categoryNames: string[] = ['Food']): ReportResult {
  const input = {
    currency: EUR,
    rates: new RateTable([]),
    accounts: [{ id: 'checking', name: 'Checking', currency: EUR, openingBalance: 0 }],
    categories: [
      ...categoryNames.map((name, index) => ({ id: `c${index}`, name, kind: 'expense' as const, group: '' })),
      { id: 'salary', name: 'Salary', kind: 'income' as const, group: '' },
    ],
    transactions: [
      {
        id: 't1',
        date: '2026-01-05',
        amount: -1250,
        currency: EUR,
        accountId: 'checking',
        categoryId: 'c0',
        splits: [],
        transferId: null,
      },
      {
        id: 't2',
        date: '2026-02-05',
        amount: -305,
        currency: EUR,
        accountId: 'checking',
        categoryId: null,
        splits: [],
        transferId: null,
      },
      {
        id: 't3',
        date: '2026-02-06',
        amount: 200_000,
        currency: EUR,
        accountId: 'checking',
        categoryId: 'salary',
        splits: [],
        transferId: null,
      },
    ],
    from: request.from,
    to: request.to,
  };
  const table = request.kind === 'spending' ? spendingByCategory(input) : incomeVersusExpense(input);
  return { request, table, currency: EUR, homeCurrencySet: true, rates: [] };
}

describe('report view', () => {
  test('amounts come back to exact minor units, whatever the currency has', () => {
    expect(minorUnitsOf('-1234.50', EUR)).toBe(-123450);
    expect(minorUnitsOf('0.07', EUR)).toBe(7);
    expect(minorUnitsOf('12', EUR)).toBe(1200);
    expect(minorUnitsOf('1500', JPY)).toBe(1500);
    expect(minorUnitsOf('-0.00', EUR)).toBe(0);
    expect(() => minorUnitsOf('1.005', EUR)).toThrow(RangeError);
    expect(() => minorUnitsOf('1e3', EUR)).toThrow(RangeError);
  });

  test('spending rows name their category, and money without one is told apart from a category named so', () => {
    const view = reportView(result(REQUEST), new Set(['Food']));
    expect(view.columns).toEqual(['category', 'spent']);
    expect(view.rows).toEqual([
      { subject: { kind: 'category', name: 'Food' }, amounts: [1250] },
      { subject: { kind: 'uncategorised' }, amounts: [305] },
    ]);
    const named = reportView(result(REQUEST, ['Food', 'Uncategorised']), new Set(['Food', 'Uncategorised']));
    expect(named.rows[1]?.subject).toEqual({ kind: 'category', name: 'Uncategorised' });
  });

  test('income and expense shows every month of the period with income, expense and what was left', () => {
    const view = reportView(result({ ...REQUEST, kind: 'income-expense' }), new Set());
    expect(view.columns).toEqual(['month', 'income', 'expense', 'net']);
    expect(view.rows).toEqual([
      { subject: { kind: 'month', month: '2026-01' }, amounts: [0, 1250, -1250] },
      { subject: { kind: 'month', month: '2026-02' }, amounts: [200_000, 305, 199_695] },
      { subject: { kind: 'month', month: '2026-03' }, amounts: [0, 0, 0] },
    ]);
    expect(chartValues(view)).toEqual([
      [0, 2000, 0],
      [12.5, 3.05, 0],
      [-12.5, 1996.95, 0],
    ]);
  });

  test('the CSV file is named after the report and its days', () => {
    expect(csvFileName(REQUEST)).toBe('tally-spending-2026-01-01-to-2026-03-31.csv');
    expect(csvFileName({ ...REQUEST, kind: 'category-trend', categoryId: 'c1' }, 'Café & Bäckerei')).toBe(
      'tally-category-trend-cafe-backerei-2026-01-01-to-2026-03-31.csv',
    );
    expect(csvFileName({ ...REQUEST, kind: 'category-trend', categoryId: 'c1' }, '食費')).toBe(
      'tally-category-trend-2026-01-01-to-2026-03-31.csv',
    );
  });

  test('exchange rates are written as the reader writes numbers, every digit kept', () => {
    expect(formatRate('0.9215', 'en-US')).toBe('0.9215');
    expect(formatRate('1234.5', 'de-DE')).toBe('1.234,5');
  });
});
