import { type Ledger, openLedger } from '@tally/schema';
import { beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { saveForm } from './save-form.js';

let ledger: Ledger;
beforeEach(() => {
  ledger = openLedger(new Y.Doc());
});

describe('saving a form', () => {
  test('a form that checks out is written and saved', () => {
    const saving = saveForm(ledger, {
      check: () => ({ fields: { name: 'Checking', type: 'checking', currency: 'EUR' } as const }),
      write: (account) => {
        ledger.accounts.create(account);
      },
      refused: () => 'refused',
    });
    expect(saving).toEqual({ saved: true });
    expect(ledger.accounts.list()).toMatchObject([{ name: 'Checking', currency: 'EUR' }]);
  });

  test('what the write reports comes back with the saving, for a screen that says what was written', () => {
    const saving = saveForm(ledger, {
      check: () => ({ fields: ['Checking', 'Savings'] }),
      write: (names) => names.map((name) => ledger.accounts.create({ name, type: 'checking', currency: 'EUR' })).length,
      refused: () => 'refused',
    });
    expect(saving).toEqual({ saved: true, written: 2 });
  });

  test('a form with issues writes nothing and returns them', () => {
    const saving = saveForm(ledger, {
      check: () => ({ issues: { name: 'missing' } }),
      write: () => ledger.accounts.create({ name: 'Never', type: 'checking', currency: 'EUR' }),
      refused: () => ({ name: 'refused' }),
    });
    expect(saving).toEqual({ issues: { name: 'missing' } });
    expect(ledger.accounts.size).toBe(0);
  });

  test('a write the ledger refuses comes back as a refusal with its code and the fields it names', () => {
    const saving = saveForm(ledger, {
      check: () => ({ fields: { name: ' ', type: 'checking', currency: 'EUR' } as const }),
      write: (account) => ledger.accounts.create(account),
      refused: (refusal) => refusal,
    });
    expect(saving).toMatchObject({
      issues: { code: 'ledger.invalid-record', values: {}, fields: [{ field: 'name' }] },
    });
    expect(ledger.accounts.size).toBe(0);
  });

  test('any other failure is a bug, and is thrown rather than shown as a refusal', () => {
    expect(() =>
      saveForm(ledger, {
        check: () => ({ fields: 1 }),
        write: () => {
          throw new TypeError('a bug');
        },
        refused: () => 'refused',
      }),
    ).toThrow(TypeError);
  });
});
