import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOT_SHARED, type SharingDraft } from './sharing-draft.js';
import { draftOf, emptyDraft, saveTransactionDraft, type TransactionDraft } from './transaction-draft.js';

let ledger: Ledger;
let checking: string;
let ana: string;
let ben: string;

function draft(change: Partial<TransactionDraft>): TransactionDraft {
  return { ...emptyDraft('2026-11-25', checking), amount: '60.00', payee: 'Groceries', ...change };
}

function sharing(mode: SharingDraft['mode'], values: readonly [string, string][]): SharingDraft {
  return { mode, entries: values.map(([personId, value]) => ({ personId, included: true, value })) };
}

beforeEach(() => {
  ledger = openLedger(new Y.Doc());
  checking = ledger.accounts.create({ name: 'Joint', type: 'checking', currency: 'USD' }).id;
  ana = ledger.people.create({ name: 'Ana' }).id;
  ben = ledger.people.create({ name: 'Ben' }).id;
});

describe('paid-by and shares in the transaction form [SHR1]', () => {
  test('an expense paid by Ben shared equally is saved with its payer and a weight of 1 each, and owes Ana half', () => {
    const shared = sharing('equal', [
      [ana, '1'],
      [ben, '1'],
    ]);
    expect(saveTransactionDraft(ledger, draft({ paidBy: ben, sharing: shared }), undefined, 'en-US')).toEqual({
      saved: true,
    });
    const [saved] = ledger.transactions.list();
    expect(saved).toMatchObject({
      amount: -6000,
      paidBy: ben,
      shares: [
        { personId: ana, weight: 1 },
        { personId: ben, weight: 1 },
      ],
    });
    const balances = ledger.householdBalances('USD').balances;
    expect(balances.get(ana)?.amount).toBe(-3000);
    expect(balances.get(ben)?.amount).toBe(3000);
    expect(draftOf(ledger, saved?.id ?? '', 'en-US')).toMatchObject({ paidBy: ben, sharing: shared });
  });

  test('exact amounts are written with the amount’s sign, and amounts that do not add up are refused at the shares', () => {
    const short = sharing('exact', [
      [ana, '20.00'],
      [ben, '30.00'],
    ]);
    expect(saveTransactionDraft(ledger, draft({ paidBy: ana, sharing: short }), undefined, 'en-US')).toEqual({
      issues: { shares: 'shares-unbalanced' },
    });
    expect(ledger.transactions.list()).toEqual([]);
    const exact = sharing('exact', [
      [ana, '20.00'],
      [ben, '40.00'],
    ]);
    expect(saveTransactionDraft(ledger, draft({ paidBy: ana, sharing: exact }), undefined, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.list()[0]?.shares).toEqual([
      { personId: ana, amount: -2000 },
      { personId: ben, amount: -4000 },
    ]);
  });

  test('shares need a payer, and weights are whole numbers from 1 to 10,000', () => {
    const weights = sharing('weights', [
      [ana, '2'],
      [ben, '0'],
    ]);
    expect(saveTransactionDraft(ledger, draft({ sharing: weights }), undefined, 'en-US')).toEqual({
      issues: { paidBy: 'payer-missing', shares: 'share-weight-invalid' },
    });
  });

  test('changing only the payer of a shared transaction writes the payer alone [SHR3]', () => {
    saveTransactionDraft(
      ledger,
      draft({
        paidBy: ana,
        sharing: sharing('equal', [
          [ana, '1'],
          [ben, '1'],
        ]),
      }),
      undefined,
      'en-US',
    );
    const id = ledger.transactions.list()[0]?.id ?? '';
    const opened = draftOf(ledger, id, 'en-US');
    if (!opened) throw new Error('the transaction did not open');
    // Another device reshares it meanwhile; this form changes only who paid.
    ledger.transactions.update(id, {
      shares: [
        { personId: ana, weight: 3 },
        { personId: ben, weight: 1 },
      ],
    });
    expect(saveTransactionDraft(ledger, { ...opened, paidBy: ben }, { id, opened, restore: false }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.get(id)).toMatchObject({
      paidBy: ben,
      shares: [
        { personId: ana, weight: 3 },
        { personId: ben, weight: 1 },
      ],
    });
  });

  test('a transaction nobody shares stays unshared', () => {
    expect(saveTransactionDraft(ledger, draft({ sharing: NOT_SHARED }), undefined, 'en-US')).toEqual({ saved: true });
    expect(ledger.transactions.list()[0]).toMatchObject({ paidBy: null, shares: [] });
  });
});
