import { exportLedger, openLedger } from '@tally/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBackupFile } from './backup-contents.js';

function backupText(): string {
  const ledger = openLedger(new Y.Doc());
  const cash = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' });
  const food = ledger.categories.create({ name: 'Food', kind: 'expense' });
  ledger.transactions.create({
    date: '2026-11-01',
    amount: -450,
    currency: 'EUR',
    accountId: cash.id,
    payee: 'Bakery',
    categoryId: food.id,
  });
  const mistake = ledger.transactions.create({ date: '2026-11-02', amount: -100, currency: 'EUR', accountId: cash.id });
  ledger.transactions.delete(mistake.id);
  ledger.rules.create({ field: 'payee', contains: 'bakery', categoryId: food.id });
  ledger.setHomeCurrency('EUR');
  return JSON.stringify(exportLedger(ledger));
}

describe('reading a chosen backup file', () => {
  it('[BAK1] tells what a backup holds, leaving out records deleted before it was made', () => {
    const reading = readBackupFile(backupText());
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.homeCurrency).toBe('EUR');
    expect(Object.fromEntries(reading.counts.map(({ collection, count }) => [collection, count]))).toEqual({
      accounts: 1,
      transactions: 1,
      categories: 1,
      budgets: 0,
      goals: 0,
      contributions: 0,
      recurring: 0,
      rules: 1,
      rates: 0,
    });
  });

  it('refuses a file that is not JSON, such as a CSV export', () => {
    expect(readBackupFile('date,account,payee\r\n2026-11-01,Cash,Bakery\r\n')).toEqual({
      ok: false,
      problem: 'unreadable',
    });
  });

  it('refuses JSON from another app', () => {
    expect(readBackupFile('{"accounts":[{"name":"Cash"}]}')).toEqual({ ok: false, problem: 'not-a-backup' });
    expect(readBackupFile('[1,2,3]')).toEqual({ ok: false, problem: 'not-a-backup' });
    expect(readBackupFile('null')).toEqual({ ok: false, problem: 'not-a-backup' });
  });

  it('refuses a backup of a version this Tally does not read', () => {
    const backup: unknown = JSON.parse(backupText());
    expect(readBackupFile(JSON.stringify({ ...Object(backup), version: 2 }))).toEqual({
      ok: false,
      problem: 'other-version',
    });
  });

  it('refuses a backup with no records at all', () => {
    expect(readBackupFile('{"format":"tally-backup","version":1,"homeCurrency":null,"collections":{}}')).toEqual({
      ok: false,
      problem: 'no-records',
    });
    expect(readBackupFile('{"format":"tally-backup","version":1,"homeCurrency":null}')).toEqual({
      ok: false,
      problem: 'no-records',
    });
  });
});
