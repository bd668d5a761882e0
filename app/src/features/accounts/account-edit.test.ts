import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { accountDraftOf, saveAccountDraft } from './account-edit.js';

let ledger: Ledger;
beforeEach(() => {
  ledger = openLedger(new Y.Doc());
});

describe('saving the account form', () => {
  test('a new account is created in the currency typed', () => {
    expect(
      saveAccountDraft(
        ledger,
        { name: 'Girokonto', type: 'checking', currency: 'eur', openingBalance: '1.234,56' },
        undefined,
        'de-DE',
      ),
    ).toEqual({ saved: true });
    expect(ledger.accounts.list()).toMatchObject([{ name: 'Girokonto', currency: 'EUR', openingBalance: 123456 }]);
  });

  test('[LWW1] an edit writes only what the person changed: a type changed on another device meanwhile stays', () => {
    const account = ledger.accounts.create({
      name: 'Checking',
      type: 'checking',
      currency: 'USD',
      openingBalance: 1000,
    });
    const opened = accountDraftOf(account, 'en-US');
    ledger.accounts.update(account.id, { type: 'savings', openingBalance: 2500 });
    expect(saveAccountDraft(ledger, { ...opened, name: 'Everyday' }, { id: account.id, opened }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.accounts.get(account.id)).toMatchObject({ name: 'Everyday', type: 'savings', openingBalance: 2500 });
  });

  test('[REC5] an edit of an account deleted elsewhere is kept until saved again, which brings it back', () => {
    const account = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' });
    const opened = accountDraftOf(account, 'en-US');
    ledger.accounts.delete(account.id);
    const edited = { ...opened, name: 'Everyday' };
    expect(saveAccountDraft(ledger, edited, { id: account.id, opened }, 'en-US')).toEqual({ deleted: true });
    expect(ledger.accounts.get(account.id)).toMatchObject({ deleted: true, name: 'Checking' });
    expect(saveAccountDraft(ledger, edited, { id: account.id, opened, restore: true }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.accounts.get(account.id)).toMatchObject({ deleted: false, name: 'Everyday' });
  });

  test('a field left wrong is reported and nothing is written', () => {
    const account = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' });
    const opened = accountDraftOf(account, 'en-US');
    expect(
      saveAccountDraft(ledger, { ...opened, name: ' ', openingBalance: 'lots' }, { id: account.id, opened }, 'en-US'),
    ).toEqual({
      issues: {
        name: 'missing',
        openingBalance: { code: 'money.stray-text', values: { text: 'lots', currency: 'USD' } },
      },
    });
    expect(ledger.accounts.get(account.id)?.name).toBe('Checking');
  });
});
