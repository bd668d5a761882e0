import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';
import type { NewEvent } from './event-store.js';

function event(userId: string, dedupeKey: string, createdAt = 100): NewEvent {
  return { userId, type: 'message.created', data: JSON.stringify({ key: dedupeKey }), dedupeKey, createdAt };
}

describe.each(storageImplementations)('$name event store keeps its contract', (implementation) => {
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

  it('[E2] each account numbers its own events 1, 2, 3 in the order they were stored', async () => {
    const stored = await storage.events.append([event('alice', 'a'), event('bob', 'b'), event('alice', 'c')]);
    expect(stored.map(({ userId, seq }) => [userId, seq])).toEqual([
      ['alice', 1],
      ['bob', 1],
      ['alice', 2],
    ]);
    await storage.events.append([event('alice', 'd')]);
    const alices = await storage.events.eventsAfter('alice', 0, 10);
    expect(alices.map(({ seq, dedupeKey }) => [seq, dedupeKey])).toEqual([
      [1, 'a'],
      [2, 'c'],
      [3, 'd'],
    ]);
    expect(alices[0]).toEqual({ ...event('alice', 'a'), seq: 1 });
  });

  it('[E2] a device that saw up to a number gets exactly the events after it, a page at a time', async () => {
    await storage.events.append(Array.from({ length: 7 }, (_, index) => event('alice', `e${index + 1}`)));
    expect((await storage.events.eventsAfter('alice', 2, 3)).map((stored) => stored.seq)).toEqual([3, 4, 5]);
    expect((await storage.events.eventsAfter('alice', 5, 3)).map((stored) => stored.seq)).toEqual([6, 7]);
    expect(await storage.events.eventsAfter('alice', 7, 3)).toEqual([]);
    expect(await storage.events.eventsAfter('nobody', 0, 3)).toEqual([]);
  });

  it('[E3] an event published again with its dedupe key is stored once, even in the same batch', async () => {
    await storage.events.append([event('alice', 'booking:1:accepted')]);
    const again = await storage.events.append([
      event('alice', 'booking:1:accepted'),
      event('bob', 'booking:1:accepted'),
      event('bob', 'booking:1:accepted'),
    ]);
    expect(again.map(({ userId, seq }) => [userId, seq])).toEqual([['bob', 1]]);
    expect(await storage.events.position('alice')).toEqual({ last: 1, oldestKept: 1 });
  });

  it('[E2] events published at once from many places get distinct numbers with no gap', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, index) => storage.events.append([event('alice', `e${index}`)])));
    const seqs = (await storage.events.eventsAfter('alice', 0, 100)).map((stored) => stored.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('[E6] pruning drops old events but never restarts the numbering, and says where the kept ones begin', async () => {
    await storage.events.append([event('alice', 'old1', 10), event('alice', 'old2', 20), event('alice', 'new', 30)]);
    expect(await storage.events.prune(25)).toBe(2);
    expect(await storage.events.position('alice')).toEqual({ last: 3, oldestKept: 3 });
    await storage.events.prune(100);
    expect(await storage.events.position('alice')).toEqual({ last: 3, oldestKept: null });
    const [next] = await storage.events.append([event('alice', 'later', 200)]);
    expect(next?.seq).toBe(4);
    expect(await storage.events.position('nobody')).toEqual({ last: 0, oldestKept: null });
  });

  it('[E2] stored events are still there, numbered the same, after the storage is reopened', async () => {
    await storage.events.append([event('alice', 'a'), event('alice', 'b')]);
    const reopened = await reopen();
    expect((await reopened.events.eventsAfter('alice', 1, 10)).map((stored) => stored.dedupeKey)).toEqual(['b']);
    if (reopened !== storage) await reopened.close();
  });
});
