import type { AttachmentType } from '@tally/schema';

/** A file a message carries (CHAT7): one its sender uploaded, its type and size as the relay decided them. */
export interface ChatDocument {
  readonly hash: string;
  readonly name: string;
  readonly type: AttachmentType;
  readonly size: number;
}

/** A message of a booking's conversation, numbered in that conversation (CHAT2). */
export interface ChatMessage {
  readonly bookingId: string;
  readonly seq: number;
  /** Made by the sender's device; the same id from the same sender is the same message (CHAT3). */
  readonly clientId: string;
  readonly senderId: string;
  readonly text: string;
  /** The documents it carries, in the order sent; none for most messages. */
  readonly documents: readonly ChatDocument[];
  readonly createdAt: number;
}

export type NewChatMessage = Omit<ChatMessage, 'seq'>;

/** How far one party of a conversation has read (CHAT5). */
export interface ReadPosition {
  readonly userId: string;
  readonly seq: number;
  readonly at: number;
}

export interface PostOutcome {
  readonly message: ChatMessage;
  /** False when the sender had sent this `clientId` before: `message` is the one stored then. */
  readonly created: boolean;
}

/**
 * Each booking's conversation between its client and its advisor: messages numbered 1, 2, 3… per
 * conversation, stored once per sender's client id, and how far each party has read.
 */
export interface Conversations {
  /** Stores the message as the next of its conversation, unless its sender stored its client id before. */
  post(message: NewChatMessage): Promise<PostOutcome>;
  /** The messages numbered after `after`, oldest first, at most `limit`. */
  messagesAfter(bookingId: string, after: number, limit: number): Promise<readonly ChatMessage[]>;
  /** The `limit` messages just before `before` (null: the newest), oldest first. */
  messagesBefore(bookingId: string, before: number | null, limit: number): Promise<readonly ChatMessage[]>;
  /** The number of the conversation's newest message; 0 when it has none. */
  lastSeq(bookingId: string): Promise<number>;
  /** Moves the reader's position up to `seq` (never back); the position stored. */
  markRead(bookingId: string, userId: string, seq: number, at: number): Promise<ReadPosition>;
  readPositions(bookingId: string): Promise<readonly ReadPosition[]>;
}
