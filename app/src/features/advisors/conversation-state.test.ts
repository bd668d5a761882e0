import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../sync/index.js';
import { emptyConversation, lastReadOwn, unreadUpTo, withPage, withRead, withSent } from './conversation-state.js';

const client = 'client-1';
const advisor = 'advisor-1';

function message(seq: number, authorId: string): ChatMessage {
  return {
    seq,
    clientId: `c${seq}`,
    authorId,
    text: `message ${seq}`,
    documents: [],
    createdAt: '2026-12-03T10:00:00.000Z',
  };
}

function messages(from: number, to: number, authorId: string): ChatMessage[] {
  return Array.from({ length: to - from + 1 }, (_, index) => message(from + index, authorId));
}

describe('a conversation on the device', () => {
  it('pages back from the newest page to the first message, each message once and in order', () => {
    const newest = withPage(
      emptyConversation,
      { messages: messages(51, 100, client), reads: [], more: true },
      'newest',
    );
    expect(newest.earlier).toBe(true);
    const back = withPage(newest, { messages: messages(1, 50, client), reads: [], more: false }, 'before');
    expect(back.earlier).toBe(false);
    expect(back.messages.map((shown) => shown.seq)).toEqual(messages(1, 100, client).map((shown) => shown.seq));
    expect(back.through).toBe(100);
  });

  it('catches up after the last message loaded in order, not after its own message sent past another’s', () => {
    const shown = withPage(emptyConversation, { messages: messages(1, 3, client), reads: [], more: false }, 'newest');
    const sent = withSent(shown, message(5, client));
    expect(sent.through).toBe(3);
    const caught = withPage(
      sent,
      { messages: [message(4, advisor), message(5, client)], reads: [], more: false },
      'after',
    );
    expect(caught.messages.map((seen) => seen.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(caught.through).toBe(5);
    expect(caught.earlier).toBe(false);
  });

  it('marks read up to the other party’s newest message, once', () => {
    const shown = withPage(
      emptyConversation,
      { messages: [message(1, client), message(2, advisor), message(3, client)], reads: [], more: false },
      'newest',
    );
    expect(unreadUpTo(shown, client)).toBe(2);
    expect(unreadUpTo(shown, advisor)).toBe(3);
    const marked = { ...shown, reads: withRead(shown.reads, { userId: advisor, seq: 3 }) };
    expect(unreadUpTo(marked, advisor)).toBeUndefined();
  });

  it('says "Read" under the sender’s last message the other party has read, and never moves it back', () => {
    const shown = withPage(
      emptyConversation,
      {
        messages: [message(1, client), message(2, client), message(3, advisor), message(4, client)],
        reads: [{ userId: advisor, seq: 3 }],
        more: false,
      },
      'newest',
    );
    expect(lastReadOwn(shown, client)).toBe(2);
    expect(lastReadOwn(shown, advisor)).toBeUndefined();
    const older = withRead(shown.reads, { userId: advisor, seq: 1 });
    expect(lastReadOwn({ ...shown, reads: older }, client)).toBe(2);
    const all = withRead(shown.reads, { userId: advisor, seq: 4 });
    expect(lastReadOwn({ ...shown, reads: all }, client)).toBe(4);
  });
});
