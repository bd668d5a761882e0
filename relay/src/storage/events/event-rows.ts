import { type EventType, eventTypes, type StoredEvent } from './event-store.js';

/** An `events` row as SQLite and PostgreSQL both return it. */
export interface EventRow {
  readonly user_id: string;
  readonly seq: number;
  readonly type: string;
  readonly data: string;
  readonly dedupe_key: string;
  readonly created_at: number;
}

export const eventColumns = 'user_id, seq, type, data, dedupe_key, created_at';

function eventType(type: string): EventType {
  const known = eventTypes.find((candidate) => candidate === type);
  if (known === undefined) throw new Error(`an event of unknown type ${type} is stored`);
  return known;
}

export function toEvent(row: EventRow): StoredEvent {
  return {
    userId: row.user_id,
    seq: row.seq,
    type: eventType(row.type),
    data: row.data,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
  };
}
