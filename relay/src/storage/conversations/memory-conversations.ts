import type { ChatMessage, Conversations, NewChatMessage, PostOutcome, ReadPosition } from './conversations.js';

/** The conversations of a process: for fast tests. */
export class MemoryConversations implements Conversations {
  private readonly messages = new Map<string, ChatMessage[]>();
  private readonly reads = new Map<string, Map<string, ReadPosition>>();

  async post(message: NewChatMessage): Promise<PostOutcome> {
    let conversation = this.messages.get(message.bookingId);
    if (conversation === undefined) {
      conversation = [];
      this.messages.set(message.bookingId, conversation);
    }
    const stored = conversation.find(
      (kept) => kept.senderId === message.senderId && kept.clientId === message.clientId,
    );
    if (stored !== undefined) return { message: stored, created: false };
    const numbered = { ...message, seq: conversation.length + 1 };
    conversation.push(numbered);
    return { message: numbered, created: true };
  }

  async messagesAfter(bookingId: string, after: number, limit: number): Promise<readonly ChatMessage[]> {
    return (this.messages.get(bookingId) ?? []).filter((message) => message.seq > after).slice(0, limit);
  }

  async messagesBefore(bookingId: string, before: number | null, limit: number): Promise<readonly ChatMessage[]> {
    const earlier = (this.messages.get(bookingId) ?? []).filter((message) => before === null || message.seq < before);
    return earlier.slice(Math.max(0, earlier.length - limit));
  }

  async lastSeq(bookingId: string): Promise<number> {
    return this.messages.get(bookingId)?.length ?? 0;
  }

  async markRead(bookingId: string, userId: string, seq: number, at: number): Promise<ReadPosition> {
    let reads = this.reads.get(bookingId);
    if (reads === undefined) {
      reads = new Map();
      this.reads.set(bookingId, reads);
    }
    const kept = reads.get(userId);
    if (kept !== undefined && kept.seq >= seq) return kept;
    const position = { userId, seq, at };
    reads.set(userId, position);
    return position;
  }

  async readPositions(bookingId: string): Promise<readonly ReadPosition[]> {
    return [...(this.reads.get(bookingId)?.values() ?? [])].sort((a, b) => a.userId.localeCompare(b.userId));
  }
}
