import { Converter, currencyCode, RateTable } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import type { TransactionRow } from '../../storage/index.js';
import { monthlySpending } from './monthly-spending.js';

const base: TransactionRow = {
  id: 'x',
  date: '2026-11-10',
  amount: -1000,
  currency: 'USD',
  accountId: 'checking',
  categoryId: 'food',
  payee: '',
  notes: '',
  tags: [],
  splits: [],
  shares: [],
  transferId: null,
  attachments: [],
  search: '',
};

function row(change: Partial<TransactionRow>): TransactionRow {
  return { ...base, ...change };
}

describe('this month’s spending on the home screen', () => {
  test('counts each part of a split in its own category, and leaves out other months, transfers and money coming in', () => {
    const rows = [
      row({
        id: 'a',
        amount: -5000,
        categoryId: null,
        splits: [
          { categoryId: 'food', amount: -3000, memo: '' },
          { categoryId: 'home', amount: -2000, memo: '' },
        ],
      }),
      row({ id: 'b', amount: -1000 }),
      row({ id: 'c', amount: -9000, date: '2026-10-31' }),
      row({ id: 'd', amount: -7000, transferId: 't' }),
      row({ id: 'e', amount: 250000, categoryId: 'salary' }),
    ];
    expect(monthlySpending(rows, '2026-11')).toEqual({
      items: [
        { categoryId: 'food', currency: 'USD', spent: 4000 },
        { categoryId: 'home', currency: 'USD', spent: 2000 },
      ],
      unconverted: 0,
    });
  });

  test('adds payments in other currencies in the home currency at their day’s rate, and counts those no rate converts', () => {
    const rates = new RateTable([
      { date: '2026-11-01', from: currencyCode('EUR'), to: currencyCode('USD'), rate: '1.5' },
    ]);
    const rows = [
      row({ id: 'a', amount: -1000 }),
      row({ id: 'b', amount: -1000, currency: 'EUR' }),
      row({ id: 'c', amount: -500, currency: 'GBP' }),
    ];
    expect(monthlySpending(rows, '2026-11', new Converter(rates, currencyCode('USD')))).toEqual({
      items: [{ categoryId: 'food', currency: 'USD', spent: 2500 }],
      unconverted: 1,
    });
  });

  test('without a home currency, keeps each currency apart rather than adding them up', () => {
    const rows = [row({ id: 'a', amount: -1000 }), row({ id: 'b', amount: -700, currency: 'EUR' })];
    expect(monthlySpending(rows, '2026-11').items).toEqual([
      { categoryId: 'food', currency: 'USD', spent: 1000 },
      { categoryId: 'food', currency: 'EUR', spent: 700 },
    ]);
  });
});
