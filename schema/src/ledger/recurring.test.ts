import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { Ledger, occurrenceId } from './ledger.js';

interface Device {
  doc: Y.Doc;
  ledger: Ledger;
  wall: { now: number };
}

function device(node: string, seed: number): Device {
  const doc = new Y.Doc();
  const wall = { now: Date.UTC(2026, 2, 1, 9) };
  return { doc, ledger: new Ledger(doc, { node, now: () => wall.now, random: new SeededRandom(seed) }), wall };
}

function sync(a: Device, b: Device): void {
  syncDocs(a.doc, b.doc);
}

/** Device A with a monthly rent of 950 EUR on the 1st from January 2026, synced to device B. */
function rentOnTwoDevices(): { a: Device; b: Device; rentId: string } {
  const a = device('a', 1);
  const b = device('b', 2);
  const accountId = a.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const rentId = a.ledger.recurring.create({
    payee: 'Landlord',
    amount: -95_000,
    currency: 'EUR',
    accountId,
    frequency: 'monthly',
    dayOfMonth: 1,
    startDate: '2026-01-01',
  }).id;
  sync(a, b);
  return { a, b, rentId };
}

function rentPayments(d: Device): string[] {
  return d.ledger.transactions
    .list()
    .map((t) => t.date)
    .sort();
}

describe('recurring transactions', () => {
  it('creates each due occurrence once, however often it is asked', () => {
    const { a } = rentOnTwoDevices();
    expect(a.ledger.createDueOccurrences('2026-03-01').created.map((t) => t.date)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(a.ledger.createDueOccurrences('2026-03-15').created).toEqual([]);
    expect(rentPayments(a)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(a.ledger.transactions.list()[0]).toMatchObject({ payee: 'Landlord', amount: -95_000, currency: 'EUR' });
  });

  it('[REC6] two devices online when a payment falls due create it once between them', () => {
    const { a, b, rentId } = rentOnTwoDevices();
    a.ledger.createDueOccurrences('2026-03-01');
    b.ledger.createDueOccurrences('2026-03-01');
    sync(a, b);
    expect(rentPayments(a)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(rentPayments(b)).toEqual(rentPayments(a));
    expect(a.ledger.transactions.get(occurrenceId(rentId, '2026-03-01'))).toEqual(
      b.ledger.transactions.get(occurrenceId(rentId, '2026-03-01')),
    );
  });

  it('[REC6] an edit of an occurrence wins over another device creating it later', () => {
    const { a, b, rentId } = rentOnTwoDevices();
    a.ledger.createDueOccurrences('2026-03-01');
    a.ledger.transactions.update(occurrenceId(rentId, '2026-03-01'), {
      amount: -97_500,
      notes: 'with the new service charge',
    });
    b.wall.now += 86_400_000;
    b.ledger.createDueOccurrences('2026-03-02');
    sync(a, b);
    for (const d of [a, b]) {
      expect(d.ledger.transactions.get(occurrenceId(rentId, '2026-03-01'))).toMatchObject({
        amount: -97_500,
        notes: 'with the new service charge',
        payee: 'Landlord',
      });
    }
  });

  it('a skipped occurrence is never created, even by a device that had not heard of the skip', () => {
    const { a, b, rentId } = rentOnTwoDevices();
    a.ledger.skipOccurrence(rentId, '2026-02-01');
    b.ledger.createDueOccurrences('2026-03-01');
    sync(a, b);
    a.ledger.createDueOccurrences('2026-03-01');
    expect(rentPayments(a)).toEqual(['2026-01-01', '2026-03-01']);
    expect(rentPayments(b)).toEqual(['2026-01-01', '2026-03-01']);
  });

  it('one occurrence can be changed ahead of time, leaving the others and the rule as they were', () => {
    const { a, rentId } = rentOnTwoDevices();
    a.ledger.editOccurrence(rentId, '2026-04-01', { amount: -50_000, notes: 'half rent: away' });
    a.ledger.createDueOccurrences('2026-05-01');
    const amounts = a.ledger.transactions
      .list()
      .sort((x, y) => (x.date < y.date ? -1 : 1))
      .map((t) => t.amount);
    expect(amounts).toEqual([-95_000, -95_000, -95_000, -50_000, -95_000]);
    expect(a.ledger.recurring.get(rentId)?.amount).toBe(-95_000);
  });

  it('lists upcoming occurrences with the transactions that already exist', () => {
    const { a, rentId } = rentOnTwoDevices();
    a.ledger.createDueOccurrences('2026-03-01');
    const upcoming = a.ledger.upcomingOccurrences('2026-03-01', '2026-05-31');
    expect(upcoming.map((o) => [o.date, o.transaction !== undefined])).toEqual([
      ['2026-03-01', true],
      ['2026-04-01', false],
      ['2026-05-01', false],
    ]);
    expect(upcoming[1]?.id).toBe(occurrenceId(rentId, '2026-04-01'));
  });

  it('[RCR2] creates nothing past the end date', () => {
    const { a, rentId } = rentOnTwoDevices();
    a.ledger.recurring.update(rentId, { endDate: '2026-02-15' });
    expect(a.ledger.createDueOccurrences('2026-06-01').created.map((t) => t.date)).toEqual([
      '2026-01-01',
      '2026-02-01',
    ]);
  });

  it('[RCR2] passes over the days a rule was paused instead of filling them in later', () => {
    const { a, rentId } = rentOnTwoDevices();
    a.ledger.createDueOccurrences('2026-01-15');
    a.ledger.recurring.update(rentId, { paused: true });
    expect(a.ledger.createDueOccurrences('2026-04-15').created).toEqual([]);
    a.ledger.recurring.update(rentId, { paused: false });
    expect(a.ledger.createDueOccurrences('2026-05-01').created.map((t) => t.date)).toEqual(['2026-05-01']);
  });

  it('[RCR2] a changed schedule applies from then on; past payments are not created again', () => {
    const { a, rentId } = rentOnTwoDevices();
    a.ledger.createDueOccurrences('2026-03-20');
    a.ledger.recurring.update(rentId, { dayOfMonth: 15 });
    expect(a.ledger.createDueOccurrences('2026-05-20').created.map((t) => t.date)).toEqual([
      '2026-04-15',
      '2026-05-15',
    ]);
    expect(rentPayments(a)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-15', '2026-05-15']);
  });

  it('[RCR2] says which rules cannot create their transactions, instead of skipping them silently', () => {
    const { a, rentId } = rentOnTwoDevices();
    const accountId = a.ledger.recurring.get(rentId)?.accountId ?? '';
    a.ledger.accounts.delete(accountId);
    expect(a.ledger.createDueOccurrences('2026-03-01')).toEqual({
      created: [],
      stalled: [{ recurringId: rentId, issues: [{ field: 'accountId', message: 'the account does not exist' }] }],
    });
  });

  it('refuses dates that are not calendar dates', () => {
    const { a, rentId } = rentOnTwoDevices();
    expect(() => a.ledger.createDueOccurrences('2026-3-1')).toThrow(/not a calendar date/);
    expect(() => a.ledger.upcomingOccurrences('2026-03-01', 'x')).toThrow(/not a calendar date/);
    expect(() => a.ledger.skipOccurrence(rentId, '2026-1-8')).toThrow(/not a calendar date/);
  });

  it('refuses to skip a day that is not a due date, and an end before the start', () => {
    const { a, rentId } = rentOnTwoDevices();
    expect(() => a.ledger.skipOccurrence(rentId, '2026-02-02')).toThrow(/not a due date/);
    expect(() => a.ledger.recurring.update(rentId, { endDate: '2025-12-31' })).toThrow(
      /end date is before the start date/,
    );
  });
});
