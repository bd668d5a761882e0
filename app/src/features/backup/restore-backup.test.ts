import { exportLedger, type Ledger, openLedger } from '@tally/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ledgerHoldsRecords, restoreBackup } from './restore-backup.js';

function ledgerWith(accountName: string): Ledger {
  const ledger = openLedger(new Y.Doc());
  const account = ledger.accounts.create({ name: accountName, type: 'checking', currency: 'USD' });
  ledger.transactions.create({
    date: '2026-11-03',
    amount: -1_250,
    currency: 'USD',
    accountId: account.id,
    payee: `${accountName} shop`,
  });
  return ledger;
}

describe('restoring a backup from the data section', () => {
  it('[BAK1] restores into an empty ledger exactly what was exported', () => {
    const original = ledgerWith('Checking');
    const backup: unknown = JSON.parse(JSON.stringify(exportLedger(original)));
    const device = openLedger(new Y.Doc());
    expect(ledgerHoldsRecords(device)).toBe(false);
    expect(restoreBackup(device, backup, 'into-empty')).toEqual({ saved: true, written: { added: 2, kept: 0 } });
    expect(exportLedger(device)).toEqual(exportLedger(original));
  });

  it('[BAK1] will not restore “into empty” over a ledger that has records, even only deleted ones', () => {
    const device = openLedger(new Y.Doc());
    const gone = device.accounts.create({ name: 'Old', type: 'cash', currency: 'USD' });
    device.accounts.delete(gone.id);
    expect(ledgerHoldsRecords(device)).toBe(true);
    expect(restoreBackup(device, exportLedger(ledgerWith('Checking')), 'into-empty')).toEqual({ issues: 'not-empty' });
    expect(device.accounts.list()).toEqual([]);
  });

  it('[BAK2] merges a backup into a ledger with other records, keeping both', () => {
    const device = ledgerWith('Savings');
    const outcome = restoreBackup(device, exportLedger(ledgerWith('Checking')), 'merge');
    expect(outcome).toEqual({ saved: true, written: { added: 2, kept: 0 } });
    expect(
      device.accounts
        .list()
        .map((account) => account.name)
        .sort(),
    ).toEqual(['Checking', 'Savings']);
    expect(device.transactions.size).toBe(2);
  });

  it('[BAK3] refuses a damaged backup and changes nothing', () => {
    const device = ledgerWith('Savings');
    const before = exportLedger(device);
    const backup = exportLedger(ledgerWith('Checking'));
    const damaged = {
      ...backup,
      collections: {
        ...backup.collections,
        transactions: backup.collections.transactions.map((record) => ({ ...record, amount: 'lots' })),
      },
    };
    const outcome = restoreBackup(device, damaged, 'merge');
    expect(outcome).toEqual({ issues: 'damaged' });
    expect(exportLedger(device)).toEqual(before);
  });
});
