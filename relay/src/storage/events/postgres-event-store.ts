import type pg from 'pg';
import { type Sql, transaction } from '../postgres-database.js';
import { type EventRow, eventColumns, toEvent } from './event-rows.js';
import type { EventPosition, EventStore, NewEvent, StoredEvent } from './event-store.js';

/**
 * The event store in the same tables as `SqliteEventStore`, in PostgreSQL. An account's sequence
 * row is locked before its dedupe keys are read, so two relays publishing at once number their
 * events one after the other and store a repeated key once (E2, E3).
 */
export class PostgresEventStore implements EventStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(events: readonly NewEvent[]): Promise<readonly StoredEvent[]> {
    if (events.length === 0) return [];
    return transaction(this.pool, (tx) => this.appendIn(tx, events));
  }

  /** `append` inside a transaction the caller holds. */
  async appendIn(tx: Sql, events: readonly NewEvent[]): Promise<readonly StoredEvent[]> {
    const stored: StoredEvent[] = [];
    for (const event of events) {
      await tx.query('INSERT INTO event_sequences (user_id, last_seq) VALUES ($1, 0) ON CONFLICT DO NOTHING', [
        event.userId,
      ]);
      const sequence = await tx.query<{ last_seq: number }>(
        'SELECT last_seq FROM event_sequences WHERE user_id = $1 FOR UPDATE',
        [event.userId],
      );
      const repeated = await tx.query('SELECT 1 FROM events WHERE user_id = $1 AND dedupe_key = $2', [
        event.userId,
        event.dedupeKey,
      ]);
      if (repeated.rowCount !== 0) continue;
      const seq = (sequence.rows[0]?.last_seq ?? 0) + 1;
      await tx.query('UPDATE event_sequences SET last_seq = $2 WHERE user_id = $1', [event.userId, seq]);
      await tx.query(
        'INSERT INTO events (user_id, seq, type, data, dedupe_key, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [event.userId, seq, event.type, event.data, event.dedupeKey, event.createdAt],
      );
      stored.push({ ...event, seq });
    }
    return stored;
  }

  async eventsAfter(userId: string, after: number, limit: number): Promise<readonly StoredEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${eventColumns} FROM events WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [userId, after, limit],
    );
    return result.rows.map(toEvent);
  }

  async position(userId: string): Promise<EventPosition> {
    const result = await this.pool.query<{ last: number | null; oldest: number | null }>(
      `SELECT (SELECT last_seq FROM event_sequences WHERE user_id = $1) AS last,
              (SELECT min(seq) FROM events WHERE user_id = $1) AS oldest`,
      [userId],
    );
    const row = result.rows[0];
    return { last: row?.last ?? 0, oldestKept: row?.oldest ?? null };
  }

  async prune(before: number): Promise<number> {
    const result = await this.pool.query('DELETE FROM events WHERE created_at < $1', [before]);
    return result.rowCount ?? 0;
  }
}
