import type { EventPosition, EventStore, NewEvent, StoredEvent } from './event-store.js';

/** The event store of a process: for fast tests. */
export class MemoryEventStore implements EventStore {
  private readonly byUser = new Map<string, { last: number; events: StoredEvent[] }>();

  async append(events: readonly NewEvent[]): Promise<readonly StoredEvent[]> {
    const stored: StoredEvent[] = [];
    for (const event of events) {
      const account = this.accountOf(event.userId);
      if (account.events.some((kept) => kept.dedupeKey === event.dedupeKey)) continue;
      account.last++;
      const numbered = { ...event, seq: account.last };
      account.events.push(numbered);
      stored.push(numbered);
    }
    return stored;
  }

  async eventsAfter(userId: string, after: number, limit: number): Promise<readonly StoredEvent[]> {
    return (this.byUser.get(userId)?.events ?? []).filter((event) => event.seq > after).slice(0, limit);
  }

  async position(userId: string): Promise<EventPosition> {
    const account = this.byUser.get(userId);
    return { last: account?.last ?? 0, oldestKept: account?.events[0]?.seq ?? null };
  }

  async prune(before: number): Promise<number> {
    let removed = 0;
    for (const account of this.byUser.values()) {
      const kept = account.events.filter((event) => event.createdAt >= before);
      removed += account.events.length - kept.length;
      account.events = kept;
    }
    return removed;
  }

  private accountOf(userId: string): { last: number; events: StoredEvent[] } {
    let account = this.byUser.get(userId);
    if (account === undefined) {
      account = { last: 0, events: [] };
      this.byUser.set(userId, account);
    }
    return account;
  }
}
