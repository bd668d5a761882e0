import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeviceStorage } from '../../storage/index.js';
import type { ChatMessage } from '../../sync/index.js';
import { ChatOutbox, type OutboxMessage, readOutboxMessage } from './chat-outbox.js';

function message(clientId: string, text: string): OutboxMessage {
  return { bookingId: 'b1', clientId, text, writtenAt: '2026-12-03T10:00:00.000Z' };
}

function storedAs(sent: OutboxMessage, seq: number): ChatMessage {
  return { seq, clientId: sent.clientId, authorId: 'u1', text: sent.text, documents: [], createdAt: sent.writtenAt };
}

describe('the chat outbox', () => {
  it('keeps a message written offline across a restart and sends it once when the relay answers', async () => {
    const storage = new DeviceStorage(`outbox-${Math.random()}`);
    let online = false;
    const sent: OutboxMessage[] = [];
    const send = async (written: OutboxMessage) => {
      if (!online) throw new Error('offline');
      sent.push(written);
      return storedAs(written, sent.length);
    };
    const first = new ChatOutbox(storage.chatOutbox(readOutboxMessage), send);
    await first.load();
    await first.write(message('c1', 'Hello'));
    expect(first.waiting('b1').map((waiting) => waiting.text)).toEqual(['Hello']);

    const restarted = new ChatOutbox(storage.chatOutbox(readOutboxMessage), send);
    await restarted.load();
    expect(restarted.waiting('b1').map((waiting) => waiting.clientId)).toEqual(['c1']);
    online = true;
    await Promise.all([restarted.flush(), restarted.flush()]);
    expect(sent.map((written) => written.clientId)).toEqual(['c1']);
    expect(restarted.waiting('b1')).toEqual([]);
    await restarted.flush();
    expect(sent).toHaveLength(1);
  });

  it('sends in the order written and stops at the first that fails, keeping the rest', async () => {
    const storage = new DeviceStorage(`outbox-${Math.random()}`);
    const sent: string[] = [];
    const outbox = new ChatOutbox(storage.chatOutbox(readOutboxMessage), async (written) => {
      if (written.clientId === 'c2') throw new Error('refused for now');
      sent.push(written.clientId);
      return storedAs(written, sent.length);
    });
    await outbox.load();
    await outbox.write(message('c1', 'one'));
    await outbox.write(message('c2', 'two'));
    await outbox.write(message('c3', 'three'));
    expect(sent).toEqual(['c1']);
    expect(outbox.waiting('b1').map((waiting) => waiting.clientId)).toEqual(['c2', 'c3']);
  });

  it('sends again after a wait when a send fails, with no other prompt, waiting longer after each failure', async () => {
    const storage = new DeviceStorage(`outbox-${Math.random()}`);
    let failures = 2;
    const sent: string[] = [];
    const waits: { run: () => Promise<void>; delayMs: number }[] = [];
    const outbox = new ChatOutbox(
      storage.chatOutbox(readOutboxMessage),
      async (written) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('the network is not back yet');
        }
        sent.push(written.clientId);
        return storedAs(written, sent.length);
      },
      (run, delayMs) => waits.push({ run, delayMs }),
    );
    await outbox.load();
    await outbox.write(message('c1', 'See you then!'));
    expect(waits.map((wait) => wait.delayMs)).toEqual([2_000]);
    await waits[0]?.run();
    expect(waits.map((wait) => wait.delayMs)).toEqual([2_000, 4_000]);
    expect(sent).toEqual([]);
    await waits[1]?.run();
    expect(sent).toEqual(['c1']);
    expect(outbox.waiting('b1')).toEqual([]);
    expect(waits).toHaveLength(2);
  });

  it('leaves out what is not a message', () => {
    expect(readOutboxMessage({ bookingId: 'b1', clientId: 7, text: 'x', writtenAt: 'y' })).toBeUndefined();
    expect(readOutboxMessage('text')).toBeUndefined();
  });
});
