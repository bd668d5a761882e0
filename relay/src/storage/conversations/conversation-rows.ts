import type { ChatDocument, ChatMessage, ReadPosition } from './conversations.js';

/** A `chat_messages` row as SQLite and PostgreSQL both return it. */
export interface MessageRow {
  readonly booking_id: string;
  readonly seq: number;
  readonly client_id: string;
  readonly sender_id: string;
  readonly text: string;
  /** The message's documents as JSON, written by the relay from checked records (CHAT7). */
  readonly documents: string;
  readonly created_at: number;
}

/** A `chat_reads` row. */
export interface ReadRow {
  readonly user_id: string;
  readonly seq: number;
  readonly at: number;
}

export const messageColumns = 'booking_id, seq, client_id, sender_id, text, documents, created_at';

export function toMessage(row: MessageRow): ChatMessage {
  return {
    bookingId: row.booking_id,
    seq: row.seq,
    clientId: row.client_id,
    senderId: row.sender_id,
    text: row.text,
    documents: JSON.parse(row.documents) as ChatDocument[],
    createdAt: row.created_at,
  };
}

export function toReadPosition(row: ReadRow): ReadPosition {
  return { userId: row.user_id, seq: row.seq, at: row.at };
}
