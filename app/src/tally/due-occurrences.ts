import { type Ledger, LedgerError } from '@tally/schema';
import { today } from '../ui/index.js';

/** Why a recurring item could not create its transactions (RCR2), as the user can mend it. */
export type StallReason = 'account' | 'currency' | 'category';

export interface StalledItem {
  readonly recurringId: string;
  readonly reasons: readonly StallReason[];
}

export interface DueOccurrencesSnapshot {
  /** The day occurrences were last created through on this device: "today" for the screens. */
  readonly day: string;
  readonly stalled: readonly StalledItem[];
}

/** The device's calendar: what day it is, when the next one starts, and when the page comes back into view. */
export interface DeviceCalendar {
  today(): string;
  millisecondsToNextDay(): number;
  onWake(listener: () => void): () => void;
}

/** A second past the next local midnight, so the timer never lands on the day it left. */
const PAST_MIDNIGHT_MS = 1_000;

export const localCalendar: DeviceCalendar = {
  today,
  millisecondsToNextDay() {
    const now = new Date();
    // The Date constructor walks calendar days, so a day of 23 or 25 hours (daylight saving) still ends at midnight.
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime() + PAST_MIDNIGHT_MS;
  },
  onWake(listener) {
    const wake = () => {
      if (document.visibilityState === 'visible') listener();
    };
    document.addEventListener('visibilitychange', wake);
    return () => document.removeEventListener('visibilitychange', wake);
  },
};

const REASON_OF: Readonly<Record<string, StallReason>> = {
  accountId: 'account',
  currency: 'currency',
  categoryId: 'category',
};

/**
 * Books recurring transactions as they fall due (RCR2): when the app starts, at each local
 * midnight while it stays open, when the page comes back into view (a sleeping laptop misses its
 * timer), and when recurring items or accounts change, here or on another device. Every open
 * device does this; the occurrences' derived ids (REC6) make them all write the same
 * transaction, so there is exactly one. Items that could not be booked are kept for the screen.
 */
export class DueOccurrences {
  private snapshot: DueOccurrencesSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  private midnight: ReturnType<typeof setTimeout> | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ledger: Pick<Ledger, 'createDueOccurrences' | 'recurring' | 'accounts'>,
    private readonly calendar: DeviceCalendar = localCalendar,
  ) {
    this.snapshot = { day: calendar.today(), stalled: [] };
  }

  /** Books what is due now and keeps booking as days pass; call once the stored ledger is read. */
  start(): void {
    this.run();
    this.armMidnight();
    this.stops.push(
      this.calendar.onWake(() => this.run()),
      // Not inside the change itself: the ledger is still applying it.
      this.ledger.recurring.observe(() => this.runSoon()),
      this.ledger.accounts.observe(() => this.runSoon()),
    );
  }

  stop(): void {
    clearTimeout(this.midnight);
    clearTimeout(this.pending);
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Creates every occurrence due through today; cheap when there is nothing to do. */
  run(): void {
    const day = this.calendar.today();
    let stalled: StalledItem[] = [];
    try {
      stalled = this.ledger.createDueOccurrences(day).stalled.map(({ recurringId, issues }) => ({
        recurringId,
        reasons: [...new Set(issues.map((issue) => REASON_OF[issue.field] ?? 'account'))],
      }));
    } catch (error) {
      // A ledger written by a newer Tally is read-only here; that device books the occurrences.
      if (!(error instanceof LedgerError)) throw error;
    }
    if (day !== this.snapshot.day || !sameStalled(stalled, this.snapshot.stalled)) {
      this.snapshot = { day, stalled };
      for (const listener of this.listeners) listener();
    }
  }

  getSnapshot = (): DueOccurrencesSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private runSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.run(), 0);
  }

  private armMidnight(): void {
    clearTimeout(this.midnight);
    this.midnight = setTimeout(() => {
      this.run();
      this.armMidnight();
    }, this.calendar.millisecondsToNextDay());
  }
}

function sameStalled(a: readonly StalledItem[], b: readonly StalledItem[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (item, index) => item.recurringId === b[index]?.recurringId && item.reasons.join() === b[index]?.reasons.join(),
    )
  );
}
