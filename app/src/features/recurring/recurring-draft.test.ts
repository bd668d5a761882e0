import { openLedger } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { occurrenceDraftOf, saveOccurrenceDraft } from './occurrence-draft.js';
import { draftOf, type RecurringDraft, saveRecurringDraft } from './recurring-draft.js';
import { upcomingList } from './upcoming.js';

function setup() {
  const ledger = openLedger(new Y.Doc());
  const account = ledger.accounts.create({ name: 'Girokonto', type: 'checking', currency: 'EUR' });
  const blank = draftOf(undefined, { accountId: account.id, today: '2026-03-05' }, 'en-US');
  return { ledger, account, blank };
}

describe('the recurring item form', () => {
  test('a new item is an expense due monthly from today, on the first account', () => {
    const { account, blank } = setup();
    expect(blank).toMatchObject({
      direction: 'expense',
      frequency: 'monthly',
      interval: '1',
      dayOfMonth: '',
      startDate: '2026-03-05',
      accountId: account.id,
    });
  });

  test('saves an expense in the reader’s notation as money out, in the account’s currency', () => {
    const { ledger, blank } = setup();
    const draft: RecurringDraft = { ...blank, amount: '1.234,50', payee: ' Vermieter ', dayOfMonth: '31' };
    expect(saveRecurringDraft(ledger, draft, undefined, 'de-DE')).toEqual({ saved: true });
    expect(ledger.recurring.list()[0]).toMatchObject({
      amount: -123_450,
      currency: 'EUR',
      payee: 'Vermieter',
      dayOfMonth: 31,
      endDate: null,
      paused: false,
    });
  });

  test('an edited item keeps its id and reads back as it was typed', () => {
    const { ledger, blank } = setup();
    saveRecurringDraft(
      ledger,
      { ...blank, amount: '12.5', direction: 'income', frequency: 'weekly', interval: '2' },
      undefined,
      'en-US',
    );
    const [saved] = ledger.recurring.list();
    expect(saved && draftOf(saved, { accountId: '', today: '' }, 'en-US')).toMatchObject({
      amount: '12.50',
      direction: 'income',
      frequency: 'weekly',
      interval: '2',
    });
    if (!saved) return;
    expect(
      saveRecurringDraft(
        ledger,
        { ...draftOf(saved, { accountId: '', today: '' }, 'en-US'), amount: '13' },
        { id: saved.id },
        'en-US',
      ),
    ).toEqual({ saved: true });
    expect(ledger.recurring.list().map((item) => item.amount)).toEqual([1_300]);
  });

  test('a day of the month counts only for monthly items', () => {
    const { ledger, blank } = setup();
    saveRecurringDraft(ledger, { ...blank, amount: '5', frequency: 'yearly', dayOfMonth: '12' }, undefined, 'en-US');
    expect(ledger.recurring.list()[0]?.dayOfMonth).toBeNull();
  });

  test('says what is wrong next to each field and writes nothing', () => {
    const { ledger, blank } = setup();
    const draft: RecurringDraft = { ...blank, amount: '0', interval: '0', dayOfMonth: '32', endDate: '2026-03-04' };
    expect(saveRecurringDraft(ledger, draft, undefined, 'en-US')).toEqual({
      issues: {
        amount: { code: 'amount.is-zero', values: {} },
        interval: 'intervalInvalid',
        dayOfMonth: 'dayInvalid',
        endDate: 'endBeforeStart',
      },
    });
    expect(
      saveRecurringDraft(ledger, { ...blank, amount: 'ten', interval: '1.5', startDate: '' }, undefined, 'en-US'),
    ).toEqual({
      issues: {
        amount: { code: 'money.stray-text', values: { text: 'ten', currency: 'EUR' } },
        interval: 'intervalInvalid',
        startDate: 'startDateMissing',
      },
    });
    expect(saveRecurringDraft(ledger, { ...blank, accountId: '' }, undefined, 'en-US')).toEqual({
      issues: { accountId: 'accountMissing' },
    });
    expect(ledger.recurring.list()).toEqual([]);
  });
});

describe('editing one occurrence', () => {
  test('[RCR2] changes that occurrence alone, keeping money out as money out', () => {
    const { ledger, blank } = setup();
    saveRecurringDraft(ledger, { ...blank, amount: '950', payee: 'Landlord', frequency: 'weekly' }, undefined, 'en-US');
    const [occurrence] = upcomingList(ledger.upcomingOccurrences('2026-03-12', '2026-03-12'), (id) =>
      ledger.recurring.get(id),
    );
    if (!occurrence) throw new Error('no occurrence on 12 March');
    const draft = occurrenceDraftOf(occurrence, 'en-US');
    expect(draft).toEqual({ amount: '950.00', date: '2026-03-12', payee: 'Landlord' });
    expect(saveOccurrenceDraft(ledger, occurrence, { ...draft, amount: '475', date: '2026-03-13' }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.transactions.list().map(({ date, amount, payee }) => ({ date, amount, payee }))).toEqual([
      { date: '2026-03-13', amount: -47_500, payee: 'Landlord' },
    ]);
    expect(ledger.recurring.list()[0]?.amount).toBe(-95_000);
  });

  test('refuses an empty amount or date and writes nothing', () => {
    const { ledger, blank } = setup();
    saveRecurringDraft(ledger, { ...blank, amount: '950', frequency: 'weekly' }, undefined, 'en-US');
    const [occurrence] = upcomingList(ledger.upcomingOccurrences('2026-03-12', '2026-03-12'), (id) =>
      ledger.recurring.get(id),
    );
    if (!occurrence) throw new Error('no occurrence on 12 March');
    expect(saveOccurrenceDraft(ledger, occurrence, { amount: '', date: '', payee: '' }, 'en-US')).toEqual({
      issues: { amount: { code: 'money.empty', values: {} }, date: 'dateInvalid' },
    });
    expect(ledger.transactions.list()).toEqual([]);
  });
});

describe('editing a recurring item while another device changes it', () => {
  test('[LWW1] only what the person changed is written: a payee changed elsewhere meanwhile stays', () => {
    const { ledger, blank } = setup();
    saveRecurringDraft(ledger, { ...blank, amount: '950', payee: 'Landlord' }, undefined, 'en-US');
    const [saved] = ledger.recurring.list();
    if (!saved) throw new Error('not saved');
    const opened = draftOf(saved, { accountId: '', today: '' }, 'en-US');
    ledger.recurring.update(saved.id, { payee: 'Landlady' });
    expect(saveRecurringDraft(ledger, { ...opened, amount: '975' }, { id: saved.id, opened }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.recurring.get(saved.id)).toMatchObject({ payee: 'Landlady', amount: -97_500 });
  });

  test('moving an item to an account in another currency writes its amount in that currency', () => {
    const { ledger, account, blank } = setup();
    const tokyo = ledger.accounts.create({ name: 'Tokyo', type: 'checking', currency: 'JPY' });
    saveRecurringDraft(ledger, { ...blank, accountId: tokyo.id, amount: '5000', payee: 'Gym' }, undefined, 'en-US');
    const [saved] = ledger.recurring.list();
    if (!saved) throw new Error('not saved');
    const opened = draftOf(saved, { accountId: '', today: '' }, 'en-US');
    expect(saveRecurringDraft(ledger, { ...opened, accountId: account.id }, { id: saved.id, opened }, 'en-US')).toEqual(
      { saved: true },
    );
    expect(ledger.recurring.get(saved.id)).toMatchObject({ currency: 'EUR', amount: -500_000 });
  });

  test('[REC5] an edit of an item deleted elsewhere is kept until saved again, which brings it back', () => {
    const { ledger, blank } = setup();
    saveRecurringDraft(ledger, { ...blank, amount: '950', payee: 'Landlord' }, undefined, 'en-US');
    const [saved] = ledger.recurring.list();
    if (!saved) throw new Error('not saved');
    const opened = draftOf(saved, { accountId: '', today: '' }, 'en-US');
    ledger.recurring.delete(saved.id);
    const edited = { ...opened, amount: '975' };
    expect(saveRecurringDraft(ledger, edited, { id: saved.id, opened }, 'en-US')).toEqual({ deleted: true });
    expect(ledger.recurring.get(saved.id)).toMatchObject({ deleted: true, amount: -95_000 });
    expect(saveRecurringDraft(ledger, edited, { id: saved.id, opened, restore: true }, 'en-US')).toEqual({
      saved: true,
    });
    expect(ledger.recurring.get(saved.id)).toMatchObject({ deleted: false, amount: -97_500 });
  });
});
