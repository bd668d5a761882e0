import { openLedger, type Ledger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { deleteTransaction, draftOf, saveTransactionDraft, type TransactionDraft } from './transaction-draft.js';

let ledger: Ledger;
let checking: string;
let savings: string;
let groceries: string;

function draft(change: Partial<TransactionDraft> = {}): TransactionDraft {
  return { kind: 'expense', amount: '12.50', payee: 'Grocer', date: '2026-11-25', accountId: checking, toAccountId: '', categoryId: '', notes: '', tags: [], parts: [], ...change };
}

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' }).id;
  savings = ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'USD' }).id;
  groceries = ledger.categories.create({ name: 'Groceries', kind: 'expense' }).id;
});

describe('saving the transaction form', () => {
  test('an expense is written as money leaving the account, in its currency', () => {
    expect(saveTransactionDraft(ledger, draft({ categoryId: groceries }), undefined, 'en-US')).toEqual({});
    expect(ledger.transactions.list()).toMatchObject([{ amount: -1250, currency: 'USD', payee: 'Grocer', categoryId: groceries }]);
  });

  test('income arrives as a positive amount, read the way the locale writes it', () => {
    expect(saveTransactionDraft(ledger, draft({ kind: 'income', amount: '1.234,56' }), undefined, 'de-DE')).toEqual({});
    expect(ledger.transactions.list()).toMatchObject([{ amount: 123456 }]);
  });

  test('every bad field gets its own message and nothing is written', () => {
    const issues = saveTransactionDraft(ledger, draft({ amount: 'twelve', date: '2026-02-30' }), undefined, 'en-US');
    expect(issues).toEqual({ amount: 'amount-unreadable', date: 'date-invalid' });
    expect(ledger.transactions.size).toBe(0);
  });

  test('a missing account and a missing amount are both reported', () => {
    const issues = saveTransactionDraft(ledger, draft({ accountId: '', amount: ' ' }), undefined, 'en-US');
    expect(issues).toMatchObject({ accountId: 'account-missing', amount: 'amount-missing' });
    expect(ledger.transactions.size).toBe(0);
  });

  test('a transfer writes both legs, or neither when the accounts are the same', () => {
    const same = saveTransactionDraft(ledger, draft({ kind: 'transfer', toAccountId: checking }), undefined, 'en-US');
    expect(same.toAccountId).toBe('to-account-same');
    expect(ledger.transactions.size).toBe(0);

    expect(saveTransactionDraft(ledger, draft({ kind: 'transfer', toAccountId: savings }), undefined, 'en-US')).toEqual({});
    const legs = ledger.transactions.list();
    expect(legs.map((leg) => [leg.accountId, leg.amount]).sort()).toEqual([[checking, -1250], [savings, 1250]].sort());
  });

  test('editing changes the transaction in place; deleting a transfer leg deletes both', () => {
    saveTransactionDraft(ledger, draft({ kind: 'transfer', toAccountId: savings }), undefined, 'en-US');
    const [leg] = ledger.transactions.list();
    if (!leg) throw new Error('no transfer leg');
    expect(saveTransactionDraft(ledger, draft({ amount: '20', payee: 'Saving up', accountId: leg.accountId }), leg.id, 'en-US')).toEqual({});
    expect(ledger.transactions.get(leg.id)).toMatchObject({ amount: Math.sign(leg.amount) * 2000, payee: 'Saving up' });
    deleteTransaction(ledger, leg.id);
    expect(ledger.transactions.list()).toEqual([]);
  });

  test('tags are stored with the transaction and come back in the form', () => {
    expect(saveTransactionDraft(ledger, draft({ tags: ['trip', 'Lisbon'] }), undefined, 'en-US')).toEqual({});
    const [saved] = ledger.transactions.list();
    expect(saved?.tags).toEqual(['trip', 'Lisbon']);
    expect(saved && draftOf(ledger, saved.id, 'en-US')?.tags).toEqual(['trip', 'Lisbon']);
  });

  test('a payee too long for the ledger is refused at the payee field', () => {
    expect(saveTransactionDraft(ledger, draft({ payee: 'x'.repeat(201) }), undefined, 'en-US')).toEqual({ payee: 'payee-too-long' });
  });
});
