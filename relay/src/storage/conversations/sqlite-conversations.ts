import type Database from 'better-sqlite3';
import { type MessageRow, messageColumns, type ReadRow, toMessage, toReadPosition } from './conversation-rows.js';
import type { ChatMessage, Conversations, NewChatMessage, PostOutcome, ReadPosition } from './conversations.js';

/** The conversations in the `chat_messages` and `chat_reads` tables (CHAT2, CHAT3, CHAT5). */
export class SqliteConversations implements Conversations {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async post(message: NewChatMessage): Promise<PostOutcome> {
    return this.db.transaction((): PostOutcome => {
      const { bookingId, clientId, senderId, text, documents, createdAt } = message;
      const stored = this.statements.byClientId.get(bookingId, senderId, clientId) as MessageRow | undefined;
      if (stored !== undefined) return { message: toMessage(stored), created: false };
      const { last } = this.statements.lastSeq.get(bookingId) as { last: number };
      const seq = last + 1;
      this.statements.insert.run(bookingId, seq, clientId, senderId, text, JSON.stringify(documents), createdAt);
      return { message: { ...message, seq }, created: true };
    })();
  }

  async messagesAfter(bookingId: string, after: number, limit: number): Promise<readonly ChatMessage[]> {
    return (this.statements.after.all(bookingId, after, limit) as MessageRow[]).map(toMessage);
  }

  async messagesBefore(bookingId: string, before: number | null, limit: number): Promise<readonly ChatMessage[]> {
    const rows = this.statements.before.all(bookingId, before ?? Number.MAX_SAFE_INTEGER, limit) as MessageRow[];
    return rows.map(toMessage).reverse();
  }

  async lastSeq(bookingId: string): Promise<number> {
    return (this.statements.lastSeq.get(bookingId) as { last: number }).last;
  }

  async markRead(bookingId: string, userId: string, seq: number, at: number): Promise<ReadPosition> {
    this.statements.markRead.run(bookingId, userId, seq, at);
    return toReadPosition(this.statements.readOf.get(bookingId, userId) as ReadRow);
  }

  async readPositions(bookingId: string): Promise<readonly ReadPosition[]> {
    return (this.statements.reads.all(bookingId) as ReadRow[]).map(toReadPosition);
  }
}

function prepare(db: Database.Database) {
  return {
    byClientId: db.prepare(
      `SELECT ${messageColumns} FROM chat_messages WHERE booking_id = ? AND sender_id = ? AND client_id = ?`,
    ),
    lastSeq: db.prepare('SELECT coalesce(max(seq), 0) AS last FROM chat_messages WHERE booking_id = ?'),
    insert: db.prepare(
      'INSERT INTO chat_messages (booking_id, seq, client_id, sender_id, text, documents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    after: db.prepare(
      `SELECT ${messageColumns} FROM chat_messages WHERE booking_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    before: db.prepare(
      `SELECT ${messageColumns} FROM chat_messages WHERE booking_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
    ),
    markRead: db.prepare(
      `INSERT INTO chat_reads (booking_id, user_id, seq, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (booking_id, user_id) DO UPDATE SET seq = excluded.seq, at = excluded.at
         WHERE excluded.seq > chat_reads.seq`,
    ),
    readOf: db.prepare('SELECT user_id, seq, at FROM chat_reads WHERE booking_id = ? AND user_id = ?'),
    reads: db.prepare('SELECT user_id, seq, at FROM chat_reads WHERE booking_id = ? ORDER BY user_id'),
  };
}
