import type Database from 'better-sqlite3';
import { type EventRow, eventColumns, toEvent } from './event-rows.js';
import type { EventPosition, EventStore, NewEvent, StoredEvent } from './event-store.js';

/** The event store in the `events` and `event_sequences` tables (E2). */
export class SqliteEventStore implements EventStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async append(events: readonly NewEvent[]): Promise<readonly StoredEvent[]> {
    return this.appendNow(events);
  }

  /** `append` inside a transaction the caller holds. */
  appendNow(events: readonly NewEvent[]): readonly StoredEvent[] {
    return this.db.transaction((): StoredEvent[] => {
      const stored: StoredEvent[] = [];
      for (const event of events) {
        if (this.statements.hasKey.get(event.userId, event.dedupeKey) !== undefined) continue;
        const { last_seq: seq } = this.statements.nextSeq.get(event.userId) as { last_seq: number };
        this.statements.insert.run(event.userId, seq, event.type, event.data, event.dedupeKey, event.createdAt);
        stored.push({ ...event, seq });
      }
      return stored;
    })();
  }

  async eventsAfter(userId: string, after: number, limit: number): Promise<readonly StoredEvent[]> {
    return (this.statements.after.all(userId, after, limit) as EventRow[]).map(toEvent);
  }

  async position(userId: string): Promise<EventPosition> {
    const row = this.statements.position.get(userId, userId) as { last: number | null; oldest: number | null };
    return { last: row.last ?? 0, oldestKept: row.oldest };
  }

  async prune(before: number): Promise<number> {
    return this.statements.prune.run(before).changes;
  }
}

function prepare(db: Database.Database) {
  return {
    hasKey: db.prepare('SELECT 1 FROM events WHERE user_id = ? AND dedupe_key = ?'),
    nextSeq: db.prepare(
      `INSERT INTO event_sequences (user_id, last_seq) VALUES (?, 1)
       ON CONFLICT (user_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
    ),
    insert: db.prepare(
      'INSERT INTO events (user_id, seq, type, data, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    after: db.prepare(`SELECT ${eventColumns} FROM events WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?`),
    position: db.prepare(
      `SELECT (SELECT last_seq FROM event_sequences WHERE user_id = ?) AS last,
              (SELECT min(seq) FROM events WHERE user_id = ?) AS oldest`,
    ),
    prune: db.prepare('DELETE FROM events WHERE created_at < ?'),
  };
}
