/** What the live events socket carries (E1); a new kind is added here and in the README. */
export const eventTypes = [
  'booking.requested',
  'booking.updated',
  'message.created',
  'message.read',
  'membership.changed',
  'payment.updated',
] as const;
export type EventType = (typeof eventTypes)[number];

/** One event for one account, as it is published. */
export interface NewEvent {
  readonly userId: string;
  readonly type: EventType;
  /** The event's `data`, as JSON text. */
  readonly data: string;
  /** Names what the event tells, per account: the same key again stores nothing (E3). */
  readonly dedupeKey: string;
  readonly createdAt: number;
}

/** An event with its number in its account's sequence (E2). */
export interface StoredEvent extends NewEvent {
  readonly seq: number;
}

/** Where an account's sequence stands: its newest number, and the oldest still kept (null: none kept). */
export interface EventPosition {
  readonly last: number;
  readonly oldestKept: number | null;
}

/**
 * Every account's live events, numbered per account 1, 2, 3… with no gap and no reuse, kept for a
 * bounded time (E2, E6). A device replays what it missed by asking for the events after the last
 * number it saw.
 */
export interface EventStore {
  /**
   * Stores each event as the next number of its account's sequence, all in one transaction; an
   * event whose account already has its dedupe key is skipped. Returns the events stored.
   */
  append(events: readonly NewEvent[]): Promise<readonly StoredEvent[]>;
  /** The account's events numbered after `after`, oldest first, at most `limit`. */
  eventsAfter(userId: string, after: number, limit: number): Promise<readonly StoredEvent[]>;
  position(userId: string): Promise<EventPosition>;
  /** Deletes events made before `before` (the sequence itself never goes back); how many. */
  prune(before: number): Promise<number>;
}
