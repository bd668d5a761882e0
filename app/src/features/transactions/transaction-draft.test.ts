import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { deleteTransactions, restoreTransactions } from './deleting.js';
import { NOT_SHARED } from './sharing-draft.js';
import { draftOf, saveTransactionDraft, type TransactionDraft } from './transaction-draft.js';

let ledger: Ledger;
let checking: string;
let savings: string;
let groceries: string;

function draft(change: Partial<TransactionDraft> = {}): TransactionDraft {
  return {
    kind: 'expense',
    amount: '12.50',
    payee: 'Grocer',
    date: '2026-11-25',
    accountId: checking,
    toAccountId: '',
    categoryId: '',
    notes: '',
    tags: [],
    parts: [],
    paidBy: '',
    sharing: NOT_SHARED,
    attachments: [],
    ...change,
  };
}

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' }).id;
  savings = ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'USD' }).id;
  groceries = ledger.categories.create({ name: 'Groceries', kind: 'expense' }).id;
});

describe('saving the transaction form', () => {
  test('an expense is written as money leaving the account, in its currency', () => {
    expect(saveTransactionDraft(ledger, draft({ categoryId: groceries }), undefined, 'en-US')).toEqual({ saved: true });
    expect(ledger.transactions.list()).toMatchObject([
      { amount: -1250, currency: 'USD', payee: 'Grocer', categoryId: groceries },
    ]);
  });

  test('income arrives as a positive amount, read the way the locale writes it', () => {
    expect(saveTransactionDraft(ledger, draft({ kind: 'income', amount: '1.234,56' }), undefined, 'de-DE')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.list()).toMatchObject([{ amount: 123456 }]);
  });

  test('every bad field gets its own message and nothing is written', () => {
    const issues = saveTransactionDraft(ledger, draft({ amount: 'twelve', date: '2026-02-30' }), undefined, 'en-US');
    expect(issues).toEqual({
      issues: {
        amount: { code: 'money.stray-text', values: { text: 'twelve', currency: 'USD' } },
        date: 'date-invalid',
      },
    });
    expect(ledger.transactions.size).toBe(0);
  });

  test('a missing account and a missing amount are both reported', () => {
    const issues = saveTransactionDraft(ledger, draft({ accountId: '', amount: ' ' }), undefined, 'en-US');
    expect(issues).toMatchObject({
      issues: { accountId: 'account-missing', amount: { code: 'money.empty', values: {} } },
    });
    expect(ledger.transactions.size).toBe(0);
  });

  test('a transfer writes both legs, or neither when the accounts are the same', () => {
    const same = saveTransactionDraft(ledger, draft({ kind: 'transfer', toAccountId: checking }), undefined, 'en-US');
    expect(same).toEqual({ issues: { toAccountId: 'to-account-same' } });
    expect(ledger.transactions.size).toBe(0);

    expect(
      saveTransactionDraft(
        ledger,
        draft({ kind: 'transfer', toAccountId: savings, tags: ['trip'] }),
        undefined,
        'en-US',
      ),
    ).toEqual({ saved: true });
    const legs = ledger.transactions.list();
    expect(legs.map((leg) => leg.tags)).toEqual([['trip'], ['trip']]);
    expect(legs.map((leg) => [leg.accountId, leg.amount]).sort()).toEqual(
      [
        [checking, -1250],
        [savings, 1250],
      ].sort(),
    );
  });

  test('a transfer opens as one from either leg, and an edit from either leg changes both', () => {
    const cash = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'USD' }).id;
    saveTransactionDraft(ledger, draft({ kind: 'transfer', toAccountId: savings }), undefined, 'en-US');
    const legs = ledger.transactions.list();
    for (const leg of legs)
      expect(draftOf(ledger, leg.id, 'en-US')).toMatchObject({
        kind: 'transfer',
        amount: '12.50',
        accountId: checking,
        toAccountId: savings,
      });
    const incoming = legs.find((leg) => leg.amount > 0);
    if (!incoming) throw new Error('no incoming leg');
    const opened = draftOf(ledger, incoming.id, 'en-US');
    if (!opened) throw new Error('the transfer does not open');
    expect(
      saveTransactionDraft(
        ledger,
        { ...opened, amount: '20', payee: 'Saving up', toAccountId: cash },
        { id: incoming.id, opened, restore: false },
        'en-US',
      ),
    ).toEqual({ saved: true });
    expect(
      ledger.transactions
        .list()
        .map((leg) => [leg.accountId, leg.amount, leg.payee])
        .sort(),
    ).toEqual(
      [
        [checking, -2000, 'Saving up'],
        [cash, 2000, 'Saving up'],
      ].sort(),
    );
    deleteTransactions(ledger, [incoming.id]);
    expect(ledger.transactions.list()).toEqual([]);
  });

  test('a deleted transfer comes back whole, every field as it was', () => {
    saveTransactionDraft(
      ledger,
      draft({ kind: 'transfer', toAccountId: savings, notes: 'Rainy day' }),
      undefined,
      'en-US',
    );
    const before = ledger.transactions.list();
    const [leg] = before;
    if (!leg) throw new Error('no transfer leg');
    deleteTransactions(ledger, [leg.id]);
    restoreTransactions(ledger, [leg.id]);
    expect(ledger.transactions.list()).toEqual(before);
  });

  test('tags are stored with the transaction and come back in the form', () => {
    expect(saveTransactionDraft(ledger, draft({ tags: ['trip', 'Lisbon'] }), undefined, 'en-US')).toEqual({
      saved: true,
    });
    const [saved] = ledger.transactions.list();
    expect(saved?.tags).toEqual(['trip', 'Lisbon']);
    expect(saved && draftOf(ledger, saved.id, 'en-US')?.tags).toEqual(['trip', 'Lisbon']);
  });

  test('a payee too long for the ledger is refused at the payee field', () => {
    expect(saveTransactionDraft(ledger, draft({ payee: 'x'.repeat(201) }), undefined, 'en-US')).toEqual({
      issues: { payee: 'payee-too-long' },
    });
  });

  test('[LWW1] an edit writes only what the person changed: a category changed on another device meanwhile stays', () => {
    const saved = ledger.transactions.create({
      date: '2026-11-25',
      amount: -1250,
      currency: 'USD',
      accountId: checking,
      categoryId: null,
      payee: 'Grocer',
      notes: '',
    });
    const opened = draftOf(ledger, saved.id, 'en-US');
    if (!opened) throw new Error('no form');
    ledger.transactions.update(saved.id, { categoryId: groceries });
    expect(
      saveTransactionDraft(ledger, { ...opened, notes: 'Milk and bread' }, { id: saved.id, opened }, 'en-US'),
    ).toEqual({ saved: true });
    expect(ledger.transactions.get(saved.id)).toMatchObject({
      categoryId: groceries,
      notes: 'Milk and bread',
      amount: -1250,
    });
  });

  test('[REC5] an edit of a transaction deleted on another device is not lost: it is refused until saved again as a restored transaction', () => {
    const saved = ledger.transactions.create({
      date: '2026-11-25',
      amount: -1250,
      currency: 'USD',
      accountId: checking,
      payee: 'Grocer',
    });
    const opened = draftOf(ledger, saved.id, 'en-US');
    if (!opened) throw new Error('no form');
    deleteTransactions(ledger, [saved.id]);
    const edited = { ...opened, notes: 'Receipt kept' };
    expect(saveTransactionDraft(ledger, edited, { id: saved.id, opened }, 'en-US')).toEqual({ deleted: true });
    expect(ledger.transactions.get(saved.id)).toMatchObject({ deleted: true, notes: '' });
    expect(saveTransactionDraft(ledger, edited, { id: saved.id, opened, restore: true }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.get(saved.id)).toMatchObject({ deleted: false, notes: 'Receipt kept', amount: -1250 });
  });

  test('restoring a deleted transfer leg brings back both legs', () => {
    saveTransactionDraft(ledger, draft({ kind: 'transfer', toAccountId: savings }), undefined, 'en-US');
    const [leg] = ledger.transactions.list();
    if (!leg) throw new Error('no transfer leg');
    const opened = draftOf(ledger, leg.id, 'en-US');
    deleteTransactions(ledger, [leg.id]);
    expect(
      saveTransactionDraft(
        ledger,
        { ...draft(), ...opened, payee: 'Back again' },
        { id: leg.id, opened, restore: true },
        'en-US',
      ),
    ).toEqual({ saved: true });
    expect(
      ledger.transactions
        .list()
        .map((each) => each.amount)
        .sort(),
    ).toEqual([-1250, 1250]);
  });

  test('a zero amount (an imported waived fee) opens as an expense and can be saved with other changes', () => {
    const fee = ledger.transactions.create({
      date: '2026-11-25',
      amount: 0,
      currency: 'USD',
      accountId: checking,
      payee: 'Fee waived',
    });
    const opened = draftOf(ledger, fee.id, 'en-US');
    if (!opened) throw new Error('no form');
    expect(opened).toMatchObject({ kind: 'expense', amount: '0.00' });
    expect(
      saveTransactionDraft(ledger, { ...opened, notes: 'Waived by the bank' }, { id: fee.id, opened }, 'en-US'),
    ).toEqual({ saved: true });
    expect(ledger.transactions.get(fee.id)).toMatchObject({ amount: 0, notes: 'Waived by the bank' });
    expect(saveTransactionDraft(ledger, { ...opened, amount: '3' }, { id: fee.id, opened }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.get(fee.id)?.amount).toBe(-300);
    expect(saveTransactionDraft(ledger, draft({ amount: '0' }), undefined, 'en-US')).toEqual({
      issues: { amount: { code: 'amount.is-zero', values: {} } },
    });
  });

  test('moving a transaction to an account in another currency writes the amount in that currency, not the old minor units', () => {
    const tokyo = ledger.accounts.create({ name: 'Tokyo', type: 'checking', currency: 'JPY' }).id;
    const ramen = ledger.transactions.create({
      date: '2026-11-25',
      amount: -1200,
      currency: 'JPY',
      accountId: tokyo,
      payee: 'Ramen',
    });
    const opened = draftOf(ledger, ramen.id, 'en-US');
    if (!opened) throw new Error('no form');
    expect(opened.amount).toBe('1200');
    expect(saveTransactionDraft(ledger, { ...opened, accountId: checking }, { id: ramen.id, opened }, 'en-US')).toEqual(
      { saved: true },
    );
    expect(ledger.transactions.get(ramen.id)).toMatchObject({ accountId: checking, currency: 'USD', amount: -120000 });
  });

  test('[REC7] a part edited here while the amount and parts changed on another device saves the parts with the amount they add up to', () => {
    const dining = ledger.categories.create({ name: 'Dining', kind: 'expense' }).id;
    const parts = (food: number, out: number) => [
      { categoryId: groceries, amount: food, memo: '' },
      { categoryId: dining, amount: out, memo: '' },
    ];
    const shop = ledger.transactions.create({
      date: '2026-11-25',
      amount: -5000,
      currency: 'USD',
      accountId: checking,
      payee: 'Market',
      splits: parts(-3000, -2000),
    });
    const opened = draftOf(ledger, shop.id, 'en-US');
    if (!opened) throw new Error('no form');
    ledger.transactions.update(shop.id, { amount: -6000, splits: parts(-4000, -2000) });
    const memo = opened.parts.map((part, index) => (index === 0 ? { ...part, memo: 'Fruit' } : part));
    expect(saveTransactionDraft(ledger, { ...opened, parts: memo }, { id: shop.id, opened }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.get(shop.id)).toMatchObject({
      amount: -5000,
      splits: [{ amount: -3000, memo: 'Fruit' }, { amount: -2000 }],
    });
  });

  test('a zero amount deleted on another device can be saved again as restored', () => {
    const fee = ledger.transactions.create({
      date: '2026-11-25',
      amount: 0,
      currency: 'USD',
      accountId: checking,
      payee: 'Fee waived',
    });
    const opened = draftOf(ledger, fee.id, 'en-US');
    if (!opened) throw new Error('no form');
    deleteTransactions(ledger, [fee.id]);
    expect(
      saveTransactionDraft(ledger, { ...opened, notes: 'Kept' }, { id: fee.id, opened, restore: true }, 'en-US'),
    ).toEqual({ saved: true });
    expect(ledger.transactions.get(fee.id)).toMatchObject({ deleted: false, amount: 0, notes: 'Kept' });
  });

  test('an edit keeps the direction of the stored transaction', () => {
    const refund = ledger.transactions.create({
      date: '2026-11-25',
      amount: 500,
      currency: 'USD',
      accountId: checking,
      payee: 'Refund',
    });
    const opened = draftOf(ledger, refund.id, 'en-US');
    if (!opened) throw new Error('no form');
    expect(saveTransactionDraft(ledger, { ...opened, amount: '7' }, { id: refund.id, opened }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.get(refund.id)?.amount).toBe(700);
  });
});
