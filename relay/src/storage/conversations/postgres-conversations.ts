import type pg from 'pg';
import { transaction } from '../postgres-database.js';
import { type MessageRow, messageColumns, type ReadRow, toMessage, toReadPosition } from './conversation-rows.js';
import type { ChatMessage, Conversations, NewChatMessage, PostOutcome, ReadPosition } from './conversations.js';

/** The first key of the conversations' advisory locks; the second is the booking id's hash. */
const conversationLocks = 0x7461_6c63;

/**
 * The conversations in the same tables as `SqliteConversations`, in PostgreSQL. A message is
 * numbered under its conversation's advisory lock, so relays posting at once number one after
 * the other, and a resend racing its first send is stored once (CHAT2, CHAT3).
 */
export class PostgresConversations implements Conversations {
  constructor(private readonly pool: pg.Pool) {}

  async post(message: NewChatMessage): Promise<PostOutcome> {
    const { bookingId, clientId, senderId, text, documents, createdAt } = message;
    return transaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [conversationLocks, bookingId]);
      const stored = await tx.query<MessageRow>(
        `SELECT ${messageColumns} FROM chat_messages WHERE booking_id = $1 AND sender_id = $2 AND client_id = $3`,
        [bookingId, senderId, clientId],
      );
      const row = stored.rows[0];
      if (row !== undefined) return { message: toMessage(row), created: false };
      const last = await tx.query<{ last: number }>(
        'SELECT coalesce(max(seq), 0) AS last FROM chat_messages WHERE booking_id = $1',
        [bookingId],
      );
      const seq = (last.rows[0]?.last ?? 0) + 1;
      await tx.query(
        'INSERT INTO chat_messages (booking_id, seq, client_id, sender_id, text, documents, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [bookingId, seq, clientId, senderId, text, JSON.stringify(documents), createdAt],
      );
      return { message: { ...message, seq }, created: true };
    });
  }

  async messagesAfter(bookingId: string, after: number, limit: number): Promise<readonly ChatMessage[]> {
    const result = await this.pool.query<MessageRow>(
      `SELECT ${messageColumns} FROM chat_messages WHERE booking_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [bookingId, after, limit],
    );
    return result.rows.map(toMessage);
  }

  async messagesBefore(bookingId: string, before: number | null, limit: number): Promise<readonly ChatMessage[]> {
    const result = await this.pool.query<MessageRow>(
      `SELECT ${messageColumns} FROM chat_messages WHERE booking_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
      [bookingId, before ?? Number.MAX_SAFE_INTEGER, limit],
    );
    return result.rows.map(toMessage).reverse();
  }

  async lastSeq(bookingId: string): Promise<number> {
    const result = await this.pool.query<{ last: number }>(
      'SELECT coalesce(max(seq), 0) AS last FROM chat_messages WHERE booking_id = $1',
      [bookingId],
    );
    return result.rows[0]?.last ?? 0;
  }

  async markRead(bookingId: string, userId: string, seq: number, at: number): Promise<ReadPosition> {
    await this.pool.query(
      `INSERT INTO chat_reads (booking_id, user_id, seq, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (booking_id, user_id) DO UPDATE SET seq = excluded.seq, at = excluded.at
         WHERE excluded.seq > chat_reads.seq`,
      [bookingId, userId, seq, at],
    );
    const result = await this.pool.query<ReadRow>(
      'SELECT user_id, seq, at FROM chat_reads WHERE booking_id = $1 AND user_id = $2',
      [bookingId, userId],
    );
    const row = result.rows[0];
    if (row === undefined) throw new Error('a read position just stored is missing');
    return toReadPosition(row);
  }

  async readPositions(bookingId: string): Promise<readonly ReadPosition[]> {
    const result = await this.pool.query<ReadRow>(
      'SELECT user_id, seq, at FROM chat_reads WHERE booking_id = $1 ORDER BY user_id',
      [bookingId],
    );
    return result.rows.map(toReadPosition);
  }
}
