import { type Ledger, openLedger } from '@tally/schema';
import { syncDocs } from '@tally/schema/testing';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { type DeviceCalendar, DueOccurrences, localCalendar } from './due-occurrences.js';

const DAY_MS = 24 * 60 * 60 * 1_000;

/** A device calendar driven by the test: midnight comes when the fake timers reach it. */
class TestCalendar implements DeviceCalendar {
  private wake: (() => void) | undefined;
  constructor(public day: string) {}
  today = () => this.day;
  millisecondsToNextDay = () => DAY_MS;
  onWake(listener: () => void) {
    this.wake = listener;
    return () => {
      this.wake = undefined;
    };
  }
  comeBack(day: string) {
    this.day = day;
    this.wake?.();
  }
}

function device(): { doc: Y.Doc; ledger: Ledger } {
  const doc = new Y.Doc();
  return { doc, ledger: openLedger(doc) };
}

function addRent(ledger: Ledger, startDate = '2026-03-01') {
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  return ledger.recurring.create({
    payee: 'Landlord',
    amount: -95_000,
    currency: 'EUR',
    accountId,
    frequency: 'weekly',
    startDate,
  });
}

const booked = (ledger: Ledger) =>
  ledger.transactions
    .list()
    .map((transaction) => transaction.date)
    .sort();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('booking recurring transactions as they fall due', () => {
  test('[RCR2] books everything due through today when the app starts', () => {
    const { ledger } = device();
    addRent(ledger);
    const calendar = new TestCalendar('2026-03-15');
    new DueOccurrences(ledger, calendar).start();
    expect(booked(ledger)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15']);
  });

  test('books the next one when midnight comes while the app stays open, and again a week later', () => {
    const { ledger } = device();
    addRent(ledger);
    const calendar = new TestCalendar('2026-03-21');
    const due = new DueOccurrences(ledger, calendar);
    due.start();
    calendar.day = '2026-03-22';
    vi.advanceTimersByTime(DAY_MS);
    expect(booked(ledger)).toContain('2026-03-22');
    expect(due.getSnapshot().day).toBe('2026-03-22');
    calendar.day = '2026-03-29';
    vi.advanceTimersByTime(DAY_MS);
    expect(booked(ledger)).toContain('2026-03-29');
  });

  test('books what fell due while the laptop slept as soon as the page is back in view', () => {
    const { ledger } = device();
    addRent(ledger);
    const calendar = new TestCalendar('2026-03-02');
    new DueOccurrences(ledger, calendar).start();
    calendar.comeBack('2026-03-16');
    expect(booked(ledger)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15']);
  });

  test('books an item created on another device once it arrives', () => {
    const here = device();
    const there = device();
    new DueOccurrences(here.ledger, new TestCalendar('2026-03-01')).start();
    addRent(there.ledger);
    syncDocs(there.doc, here.doc);
    vi.runOnlyPendingTimers();
    expect(booked(here.ledger)).toEqual(['2026-03-01']);
  });

  test('[REC6] two devices open at midnight book one transaction between them', () => {
    const a = device();
    const b = device();
    addRent(a.ledger, '2026-03-02');
    syncDocs(a.doc, b.doc);
    const calendarA = new TestCalendar('2026-03-01');
    const calendarB = new TestCalendar('2026-03-01');
    new DueOccurrences(a.ledger, calendarA).start();
    new DueOccurrences(b.ledger, calendarB).start();
    calendarA.day = '2026-03-02';
    calendarB.day = '2026-03-02';
    vi.advanceTimersByTime(DAY_MS);
    expect(booked(a.ledger)).toEqual(['2026-03-02']);
    expect(booked(b.ledger)).toEqual(['2026-03-02']);
    syncDocs(a.doc, b.doc);
    expect(booked(a.ledger)).toEqual(['2026-03-02']);
    expect(booked(b.ledger)).toEqual(['2026-03-02']);
  });

  test('[RCR2] names an item whose account was deleted, and books it once it has an account again', () => {
    const { ledger } = device();
    const rent = addRent(ledger, '2026-03-08');
    const calendar = new TestCalendar('2026-03-01');
    const due = new DueOccurrences(ledger, calendar);
    due.start();
    ledger.accounts.delete(rent.accountId);
    calendar.comeBack('2026-03-08');
    expect(due.getSnapshot().stalled).toEqual([{ recurringId: rent.id, reasons: ['account'] }]);
    expect(booked(ledger)).toEqual([]);

    const savings = ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' });
    ledger.recurring.update(rent.id, { accountId: savings.id });
    vi.runOnlyPendingTimers();
    expect(due.getSnapshot().stalled).toEqual([]);
    expect(booked(ledger)).toEqual(['2026-03-08']);
  });

  test('stops booking once stopped', () => {
    const { ledger } = device();
    addRent(ledger, '2026-03-08');
    const calendar = new TestCalendar('2026-03-07');
    const due = new DueOccurrences(ledger, calendar);
    due.start();
    due.stop();
    calendar.comeBack('2026-03-08');
    vi.advanceTimersByTime(DAY_MS);
    expect(booked(ledger)).toEqual([]);
  });
});

describe('the device calendar', () => {
  test('wakes a second after the next local midnight, also on a day shortened by daylight saving', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      vi.setSystemTime(new Date('2026-03-28T22:00:00Z')); // 23:00 in Berlin
      expect(localCalendar.millisecondsToNextDay()).toBe(60 * 60 * 1_000 + 1_000);
      vi.setSystemTime(new Date('2026-03-28T23:30:00Z')); // 00:30 on the day clocks go forward
      expect(localCalendar.millisecondsToNextDay()).toBe(22.5 * 60 * 60 * 1_000 + 1_000);
      expect(localCalendar.today()).toBe('2026-03-29');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
