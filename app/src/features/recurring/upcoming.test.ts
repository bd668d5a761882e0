import { currencyCode, type LedgerRecord, openLedger, type RecurringTransaction } from '@tally/schema';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { nextDueDate, upcomingList } from './upcoming.js';

function rule(patch: Partial<RecurringTransaction>): LedgerRecord<RecurringTransaction> {
  return {
    id: 'rent',
    deleted: false,
    payee: 'Landlord',
    amount: -95_000,
    currency: currencyCode('EUR'),
    accountId: 'checking',
    categoryId: null,
    notes: '',
    frequency: 'monthly',
    interval: 1,
    dayOfMonth: null,
    startDate: '2026-01-31',
    endDate: null,
    paused: false,
    createdThrough: null,
    ...patch,
  };
}

const nothingSkipped = () => false;

describe('the next due date of an item', () => {
  test('[RCR1] a monthly item on the 31st is next due on the last day of February, then on 31 March', () => {
    expect(nextDueDate(rule({}), '2026-02-01', nothingSkipped)).toBe('2026-02-28');
    expect(nextDueDate(rule({}), '2026-03-01', nothingSkipped)).toBe('2026-03-31');
    expect(nextDueDate(rule({}), '2028-02-01', nothingSkipped)).toBe('2028-02-29');
  });

  test('is today when it falls due today, and the start date before it starts', () => {
    expect(nextDueDate(rule({}), '2026-01-31', nothingSkipped)).toBe('2026-01-31');
    expect(nextDueDate(rule({ startDate: '2027-05-31' }), '2026-01-01', nothingSkipped)).toBe('2027-05-31');
  });

  test('[RCR1] a yearly item started on 29 February is next due on 28 February in a common year', () => {
    expect(nextDueDate(rule({ frequency: 'yearly', startDate: '2024-02-29' }), '2026-01-10', nothingSkipped)).toBe(
      '2026-02-28',
    );
    expect(nextDueDate(rule({ frequency: 'yearly', startDate: '2024-02-29' }), '2027-03-01', nothingSkipped)).toBe(
      '2028-02-29',
    );
  });

  test('passes over a skipped date to the one after', () => {
    expect(nextDueDate(rule({}), '2026-02-01', (date) => date === '2026-02-28')).toBe('2026-03-31');
  });

  test('a long interval still finds its next date', () => {
    expect(
      nextDueDate(rule({ frequency: 'yearly', interval: 10, startDate: '2020-06-01' }), '2026-01-01', nothingSkipped),
    ).toBe('2030-06-01');
  });

  test('there is none while paused or once the item has ended', () => {
    expect(nextDueDate(rule({ paused: true }), '2026-02-01', nothingSkipped)).toBeUndefined();
    expect(nextDueDate(rule({ endDate: '2026-03-30' }), '2026-03-01', nothingSkipped)).toBeUndefined();
  });
});

describe('the upcoming list', () => {
  function ledgerWithRent() {
    const ledger = openLedger(new Y.Doc());
    const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    const rent = ledger.recurring.create({
      payee: 'Landlord',
      amount: -95_000,
      currency: 'EUR',
      accountId,
      frequency: 'weekly',
      startDate: '2026-03-02',
    });
    const upcoming = () =>
      upcomingList(ledger.upcomingOccurrences('2026-03-02', '2026-03-23'), (id) => ledger.recurring.get(id));
    return { ledger, rent, upcoming };
  }

  test('shows each due date as the item says until it is booked, skipped or changed', () => {
    const { ledger, rent, upcoming } = ledgerWithRent();
    ledger.createDueOccurrences('2026-03-02');
    ledger.skipOccurrence(rent.id, '2026-03-09');
    ledger.editOccurrence(rent.id, '2026-03-16', { amount: -50_000, date: '2026-03-17', payee: 'Landlord (half)' });
    expect(
      upcoming().map(({ dueDate, date, payee, amount, state }) => ({ dueDate, date, payee, amount, state })),
    ).toEqual([
      { dueDate: '2026-03-02', date: '2026-03-02', payee: 'Landlord', amount: -95_000, state: 'created' },
      { dueDate: '2026-03-09', date: '2026-03-09', payee: 'Landlord', amount: -95_000, state: 'skipped' },
      { dueDate: '2026-03-16', date: '2026-03-17', payee: 'Landlord (half)', amount: -50_000, state: 'changed' },
      { dueDate: '2026-03-23', date: '2026-03-23', payee: 'Landlord', amount: -95_000, state: 'planned' },
    ]);
  });

  test('an item deleted meanwhile drops out of the list', () => {
    const { ledger, rent } = ledgerWithRent();
    const occurrences = ledger.upcomingOccurrences('2026-03-02', '2026-03-09');
    expect(upcomingList(occurrences, (id) => (id === rent.id ? undefined : ledger.recurring.get(id)))).toEqual([]);
  });
});
