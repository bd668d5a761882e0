import { describe, expect, it } from 'vitest';
import { currencyCode } from '../money/index.js';
import { accountKind, budgetKind, goalKind, transactionKind } from './kinds.js';
import { validatePatch, validateRecord } from './validate.js';

const ACCOUNT = 'AAAAAAAAAAAAAAAAAAAAAA';

function issuesOf(result: ReturnType<typeof validateRecord>): Record<string, string> {
  return result.ok ? {} : Object.fromEntries(result.issues.map((issue) => [issue.field, issue.message]));
}

describe('record validation', () => {
  it('accepts a typical transaction and fills in the defaults', () => {
    const result = validateRecord(transactionKind, {
      date: '2024-02-29',
      amount: -1999,
      currency: 'EUR',
      accountId: ACCOUNT,
    });
    expect(result).toEqual({
      ok: true,
      record: {
        date: '2024-02-29',
        amount: -1999,
        currency: 'EUR',
        accountId: ACCOUNT,
        categoryId: null,
        payee: '',
        notes: '',
        tags: [],
        splits: [],
        transferId: null,
        recurringId: null,
        importId: null,
        cleared: false,
        paidBy: null,
        shares: [],
        attachments: [],
      },
    });
  });

  it('refuses impossible dates, naming the day', () => {
    for (const [date, reason] of [
      ['2023-02-29', /not a day of the calendar/],
      ['2026-04-31', /not a day of the calendar/],
      ['2026-13-01', /no month 13/],
      ['1900-02-29', /not a day of the calendar/],
      ['26-01-01', /a date like/],
      ['2026-1-1', /a date like/],
      ['1899-12-31', /between the years/],
    ] as const) {
      expect(
        issuesOf(validateRecord(transactionKind, { date, amount: 1, currency: 'EUR', accountId: ACCOUNT })).date,
      ).toMatch(reason);
    }
    expect(
      validateRecord(transactionKind, { date: '2000-02-29', amount: 1, currency: 'EUR', accountId: ACCOUNT }).ok,
    ).toBe(true);
  });

  it('refuses money that is not a whole number of minor units, and unknown currencies', () => {
    const issues = issuesOf(
      validateRecord(transactionKind, { date: '2026-01-01', amount: 10.5, currency: 'EURO', accountId: ACCOUNT }),
    );
    expect(issues.amount).toMatch(/whole number of minor units/);
    expect(issues.currency).toMatch(/not an ISO 4217 currency code/);
    expect(
      issuesOf(
        validateRecord(transactionKind, { date: '2026-01-01', amount: 2 ** 53, currency: 'EUR', accountId: ACCOUNT }),
      ).amount,
    ).toMatch(/too large/);
  });

  it('refuses ids that are not ids, negative numbers included', () => {
    expect(
      issuesOf(validateRecord(transactionKind, { date: '2026-01-01', amount: 1, currency: 'EUR', accountId: -1 }))
        .accountId,
    ).toMatch(/not a valid id/);
  });

  it('refuses a negative budget and a goal of nothing', () => {
    expect(
      issuesOf(validateRecord(budgetKind, { month: '2026-01', categoryId: ACCOUNT, amount: -5, currency: 'EUR' }))
        .amount,
    ).toMatch(/cannot be negative/);
    expect(issuesOf(validateRecord(goalKind, { name: 'Bike', targetAmount: 0, currency: 'EUR' })).targetAmount).toMatch(
      /more than zero/,
    );
  });

  it('trims names and refuses empty ones', () => {
    expect(validateRecord(accountKind, { name: '  Wallet ', type: 'cash', currency: 'JPY' })).toMatchObject({
      record: { name: 'Wallet' },
    });
    expect(issuesOf(validateRecord(accountKind, { name: '   ', type: 'cash', currency: 'JPY' })).name).toBe(
      'name is required',
    );
  });

  it('refuses unknown fields and missing required ones', () => {
    const issues = issuesOf(validateRecord(accountKind, { name: 'Wallet', colour: 'red' }));
    expect(issues).toMatchObject({
      colour: 'unknown field "colour"',
      type: 'type is required',
      currency: 'currency is required',
    });
    const hostile: unknown = JSON.parse('{"__proto__": {"x": 1}, "name": "W", "type": "cash", "currency": "EUR"}');
    expect(validateRecord(accountKind, hostile)).toEqual({
      ok: false,
      issues: [{ field: '__proto__', message: 'unknown field "__proto__"' }],
    });
  });

  it('checks only the changed fields of a patch and keeps the rest', () => {
    const current = {
      name: 'Wallet',
      type: 'cash',
      currency: currencyCode('EUR'),
      openingBalance: 0,
      archived: false,
    } as const;
    expect(validatePatch(accountKind, current, { archived: true })).toEqual({
      ok: true,
      record: { ...current, archived: true },
    });
    expect(validatePatch(accountKind, current, { type: 'piggy bank' })).toMatchObject({ ok: false });
  });

  it('deduplicates tags and refuses empty ones', () => {
    expect(
      validateRecord(transactionKind, {
        date: '2026-01-01',
        amount: 1,
        currency: 'EUR',
        accountId: ACCOUNT,
        tags: ['trip', ' trip '],
      }),
    ).toMatchObject({
      record: { tags: ['trip'] },
    });
    expect(
      issuesOf(
        validateRecord(transactionKind, {
          date: '2026-01-01',
          amount: 1,
          currency: 'EUR',
          accountId: ACCOUNT,
          tags: [''],
        }),
      ).tags,
    ).toMatch(/non-empty/);
  });
});
