import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import type { NewChatMessage } from './conversations.js';

function message(clientId: string, senderId = 'client', bookingId = 'booking-1'): NewChatMessage {
  return { bookingId, clientId, senderId, text: `text of ${clientId}`, documents: [], createdAt: 100 };
}

describe.each(storageImplementations)('$name conversations keep their contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('[CHAT2] each conversation numbers its messages 1, 2, 3 in the order they were stored', async () => {
    const first = await storage.conversations.post(message('m1'));
    await storage.conversations.post(message('other', 'client', 'booking-2'));
    const second = await storage.conversations.post(message('m2', 'advisor'));
    expect(first).toEqual({ message: { ...message('m1'), seq: 1 }, created: true });
    expect(second.message.seq).toBe(2);
    expect(await storage.conversations.lastSeq('booking-1')).toBe(2);
    expect(await storage.conversations.lastSeq('booking-2')).toBe(1);
    expect(await storage.conversations.lastSeq('none')).toBe(0);
  });

  it('[CHAT3] a resend with the same client id returns the stored message and stores nothing', async () => {
    await storage.conversations.post(message('m1'));
    const again = await storage.conversations.post({ ...message('m1'), text: 'changed', createdAt: 200 });
    expect(again).toEqual({ message: { ...message('m1'), seq: 1 }, created: false });
    const fromTheOther = await storage.conversations.post(message('m1', 'advisor'));
    expect(fromTheOther).toMatchObject({ message: { seq: 2, senderId: 'advisor' }, created: true });
    expect(await storage.conversations.lastSeq('booking-1')).toBe(2);
  });

  it('[CHAT2][CHAT3] sends and resends raced from many places store each client id once, numbered with no gap', async () => {
    const sends = Array.from({ length: 10 }, (_, index) => message(`m${index}`));
    const outcomes = await Promise.all([...sends, ...sends].map((send) => storage.conversations.post(send)));
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(10);
    const stored = await storage.conversations.messagesAfter('booking-1', 0, 100);
    expect(stored.map((kept) => kept.seq)).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
    expect(new Set(stored.map((kept) => kept.clientId)).size).toBe(10);
  });

  it('[CHAT4] pages: the newest first, then back with before, or forward with after, each oldest first', async () => {
    for (let index = 1; index <= 7; index++) await storage.conversations.post(message(`m${index}`));
    const seqs = (page: readonly { seq: number }[]) => page.map((kept) => kept.seq);
    expect(seqs(await storage.conversations.messagesBefore('booking-1', null, 3))).toEqual([5, 6, 7]);
    expect(seqs(await storage.conversations.messagesBefore('booking-1', 5, 3))).toEqual([2, 3, 4]);
    expect(seqs(await storage.conversations.messagesBefore('booking-1', 2, 3))).toEqual([1]);
    expect(seqs(await storage.conversations.messagesAfter('booking-1', 4, 2))).toEqual([5, 6]);
    expect(seqs(await storage.conversations.messagesAfter('booking-1', 7, 2))).toEqual([]);
  });

  it('[CHAT5] a read position only moves forward, per reader', async () => {
    expect(await storage.conversations.markRead('booking-1', 'client', 3, 10)).toEqual({
      userId: 'client',
      seq: 3,
      at: 10,
    });
    expect(await storage.conversations.markRead('booking-1', 'client', 2, 20)).toEqual({
      userId: 'client',
      seq: 3,
      at: 10,
    });
    await storage.conversations.markRead('booking-1', 'advisor', 1, 30);
    await storage.conversations.markRead('booking-1', 'client', 5, 40);
    expect(await storage.conversations.readPositions('booking-1')).toEqual([
      { userId: 'advisor', seq: 1, at: 30 },
      { userId: 'client', seq: 5, at: 40 },
    ]);
    expect(await storage.conversations.readPositions('booking-2')).toEqual([]);
  });

  it('[CHAT2] messages are still there, numbered the same, after the storage is reopened', async () => {
    await storage.conversations.post(message('m1'));
    await storage.conversations.post(message('m2'));
    const reopened = await reopen();
    expect((await reopened.conversations.messagesAfter('booking-1', 1, 10)).map((kept) => kept.clientId)).toEqual([
      'm2',
    ]);
    if (reopened !== storage) await reopened.close();
  });

  it('[CHAT7] a message keeps the documents it carries, in order, through a reopen and a resend', async () => {
    const documents = [
      { hash: 'a'.repeat(64), name: 'invoice.pdf', type: 'application/pdf', size: 250 },
      { hash: 'b'.repeat(64), name: 'receipt.jpg', type: 'image/jpeg', size: 1_000 },
    ] as const;
    const sent = await storage.conversations.post({ ...message('with-documents'), text: '', documents });
    expect(sent.message.documents).toEqual(documents);
    const again = await reopen();
    expect((await again.conversations.messagesAfter('booking-1', 0, 10))[0]?.documents).toEqual(documents);
    const resent = await again.conversations.post({ ...message('with-documents'), text: '', documents: [] });
    expect(resent).toEqual({ message: { ...sent.message }, created: false });
    if (again !== storage) await again.close();
  });
});
