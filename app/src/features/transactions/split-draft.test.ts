import { currencyCode, type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOT_SHARED } from './sharing-draft.js';
import { splitBalance, startSplit } from './split-draft.js';
import { draftOf, saveTransactionDraft, type TransactionDraft } from './transaction-draft.js';

const EUR = currencyCode('EUR');
let ledger: Ledger;
let checking: string;
let groceries: string;
let household: string;

function draft(change: Partial<TransactionDraft> = {}): TransactionDraft {
  return {
    kind: 'expense',
    amount: '50.00',
    payee: 'Hypermarket',
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

const part = (categoryId: string, amount: string) => ({ categoryId, amount, memo: '' });

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  checking = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  groceries = ledger.categories.create({ name: 'Groceries', kind: 'expense' }).id;
  household = ledger.categories.create({ name: 'Household', kind: 'expense' }).id;
});

describe('what is left to assign', () => {
  test('splitting starts with the whole amount in the chosen category and an empty second part', () => {
    expect(startSplit(groceries, '50.00')).toEqual([part(groceries, '50.00'), part('', '')]);
  });

  test('counts the parts typed so far, in the locale, and ignores parts not readable yet', () => {
    expect(splitBalance('50,00', [part(groceries, '30,50'), part(household, '')], EUR, 'de-DE')).toEqual({
      total: 5000,
      assigned: 3050,
      left: 1950,
    });
    expect(splitBalance('50.00', [part(groceries, '30'), part(household, '25')], EUR, 'en-US')).toMatchObject({
      left: -500,
    });
    expect(splitBalance('fifty', [part(groceries, '30')], EUR, 'en-US')).toBeUndefined();
  });

  test('a part typed with a minus counts against the rest, as a refund within a purchase', () => {
    expect(splitBalance('50.00', [part(groceries, '60'), part(household, '-10')], EUR, 'en-US')).toMatchObject({
      left: 0,
    });
  });
});

describe('saving a split [REC7]', () => {
  test('parts that add up are saved in the transaction direction, with no category on the transaction', () => {
    const issues = saveTransactionDraft(
      ledger,
      draft({ categoryId: groceries, parts: [part(groceries, '30'), part(household, '20')] }),
      undefined,
      'en-US',
    );
    expect(issues).toEqual({ saved: true });
    expect(ledger.transactions.list()).toMatchObject([
      {
        amount: -5000,
        categoryId: null,
        splits: [
          { categoryId: groceries, amount: -3000 },
          { categoryId: household, amount: -2000 },
        ],
      },
    ]);
  });

  test('parts that do not add up to the whole are refused and nothing is written', () => {
    const issues = saveTransactionDraft(
      ledger,
      draft({ parts: [part(groceries, '30'), part(household, '10')] }),
      undefined,
      'en-US',
    );
    expect(issues).toEqual({ issues: { splits: 'split-unbalanced' } });
    expect(ledger.transactions.size).toBe(0);
  });

  test('each part needs a category and an amount other than zero, and a split needs two parts', () => {
    const issues = saveTransactionDraft(
      ledger,
      draft({ parts: [part('', '30'), part(household, '0'), part(groceries, 'lots')] }),
      undefined,
      'en-US',
    );
    expect(issues).toEqual({
      issues: {
        'part.0.categoryId': 'part-category-missing',
        'part.1.amount': { code: 'amount.is-zero', values: {} },
        'part.2.amount': { code: 'money.stray-text', values: { text: 'lots', currency: 'EUR' } },
      },
    });
    expect(saveTransactionDraft(ledger, draft({ parts: [part(groceries, '50')] }), undefined, 'en-US')).toEqual({
      issues: { splits: 'split-too-few' },
    });
    expect(ledger.transactions.size).toBe(0);
  });

  test('an existing split opens with its parts as typed, and a part can be changed', () => {
    saveTransactionDraft(ledger, draft({ parts: [part(groceries, '30'), part(household, '20')] }), undefined, 'en-US');
    const [saved] = ledger.transactions.list();
    if (!saved) throw new Error('not saved');
    const form = draftOf(ledger, saved.id, 'en-US');
    expect(form?.parts).toEqual([part(groceries, '30.00'), part(household, '20.00')]);
    if (!form) throw new Error('no form');
    expect(
      saveTransactionDraft(
        ledger,
        { ...form, parts: [part(groceries, '25'), part(household, '25')] },
        { id: saved.id },
        'en-US',
      ),
    ).toEqual({ saved: true });
    expect(ledger.transactions.get(saved.id)?.splits.map((p) => p.amount)).toEqual([-2500, -2500]);
  });

  test('not splitting any more gives the transaction a single category again', () => {
    saveTransactionDraft(ledger, draft({ parts: [part(groceries, '30'), part(household, '20')] }), undefined, 'en-US');
    const [saved] = ledger.transactions.list();
    if (!saved) throw new Error('not saved');
    expect(saveTransactionDraft(ledger, draft({ categoryId: groceries }), { id: saved.id }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.get(saved.id)).toMatchObject({ categoryId: groceries, splits: [] });
  });

  test('[REC8] a split left unbalanced by two devices can still have its payee changed', () => {
    saveTransactionDraft(ledger, draft({ parts: [part(groceries, '30'), part(household, '20')] }), undefined, 'en-US');
    const [saved] = ledger.transactions.list();
    if (!saved) throw new Error('not saved');
    const peer = openLedger(new Y.Doc());
    Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(ledger.doc));
    ledger.transactions.update(saved.id, {
      amount: -6000,
      splits: [
        { categoryId: groceries, amount: -4000, memo: '' },
        { categoryId: household, amount: -2000, memo: '' },
      ],
    });
    peer.transactions.update(saved.id, {
      splits: [
        { categoryId: groceries, amount: -1000, memo: '' },
        { categoryId: household, amount: -4000, memo: '' },
      ],
    });
    Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(peer.doc));
    const form = draftOf(ledger, saved.id, 'en-US');
    if (!form) throw new Error('no form');
    expect(saveTransactionDraft(ledger, { ...form, payee: 'Hypermarket Nord' }, { id: saved.id }, 'en-US')).toEqual({
      saved: true,
    });
    expect(
      saveTransactionDraft(
        ledger,
        { ...form, parts: [part(groceries, '10'), part(household, '30')] },
        { id: saved.id },
        'en-US',
      ),
    ).toEqual({ issues: { splits: 'split-unbalanced' } });
  });
});
