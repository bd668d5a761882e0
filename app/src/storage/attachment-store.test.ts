import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DeviceStorage } from './device-storage.js';
import type { StoredAttachment } from './stored-attachment.js';

const DEVICE = 'tally-attachment-store-test';
let storage: DeviceStorage;

beforeEach(() => {
  storage = new DeviceStorage(DEVICE);
});

afterEach(async () => {
  await storage.erase();
});

function receipt(hash: string, size: number, keptAt = 1): StoredAttachment {
  return { hash, type: 'image/jpeg', bytes: new Uint8Array(size).fill(7).buffer, state: 'local', keptAt };
}

test('the bytes of an attachment are there after the device storage is opened again, once per hash', async () => {
  await storage.attachments.keep(receipt('aa', 10));
  await storage.attachments.keep(receipt('aa', 10));
  const reopened = new DeviceStorage(DEVICE);
  const kept = await reopened.attachments.get('aa');
  expect(new Uint8Array(kept?.bytes ?? new ArrayBuffer(0))).toEqual(new Uint8Array(10).fill(7));
  await expect(reopened.attachments.usage()).resolves.toEqual({ count: 1, bytes: 10, syncedCount: 0, syncedBytes: 0 });
});

test('only saved attachments wait in the outbox, oldest first, and leave it once the relay stores them', async () => {
  await storage.attachments.keep(receipt('later', 1, 20));
  await storage.attachments.keep(receipt('earlier', 1, 10));
  await storage.attachments.keep(receipt('unsaved', 1, 5));
  await storage.attachments.queue(['later', 'earlier', 'not-kept']);
  await expect(storage.attachments.queued()).resolves.toEqual(['earlier', 'later']);
  await storage.attachments.markSynced('earlier');
  await expect(storage.attachments.queued()).resolves.toEqual(['later']);
  const states = await storage.attachments.states(['earlier', 'later', 'unsaved', 'not-kept']);
  expect(Object.fromEntries(states)).toEqual({ earlier: 'synced', later: 'queued', unsaved: 'local' });
});

test('keeping bytes the relay already stores again does not put them back in the outbox', async () => {
  await storage.attachments.keep({ ...receipt('aa', 3), state: 'synced' });
  await storage.attachments.keep(receipt('aa', 3));
  await storage.attachments.queue(['aa']);
  await expect(storage.attachments.queued()).resolves.toEqual([]);
});

test('freeing space drops only what the relay stores as well', async () => {
  await storage.attachments.keep({ ...receipt('synced', 100), state: 'synced' });
  await storage.attachments.keep(receipt('queued', 40));
  await storage.attachments.queue(['queued']);
  await storage.attachments.keep(receipt('local', 2));
  await expect(storage.attachments.usage()).resolves.toEqual({
    count: 3,
    bytes: 142,
    syncedCount: 1,
    syncedBytes: 100,
  });
  await expect(storage.attachments.dropSynced()).resolves.toBe(100);
  await expect(storage.attachments.get('synced')).resolves.toBeUndefined();
  await expect(storage.attachments.usage()).resolves.toEqual({ count: 2, bytes: 42, syncedCount: 0, syncedBytes: 0 });
});

test('a form’s files kept only here are discarded; what a saved form queued or the relay stores stays', async () => {
  await storage.attachments.keep(receipt('picked', 5, 30));
  await storage.attachments.keep(receipt('older', 5, 10));
  await storage.attachments.keep(receipt('saved', 5));
  await storage.attachments.queue(['saved']);
  await storage.attachments.keep({ ...receipt('synced', 5), state: 'synced' });
  await expect(storage.attachments.local()).resolves.toEqual([
    { hash: 'older', keptAt: 10 },
    { hash: 'picked', keptAt: 30 },
  ]);
  await expect(storage.attachments.discardLocal(['picked', 'saved', 'synced', 'not-kept'])).resolves.toEqual([
    'picked',
  ]);
  const states = await storage.attachments.states(['picked', 'older', 'saved', 'synced']);
  expect(Object.fromEntries(states)).toEqual({ older: 'local', saved: 'queued', synced: 'synced' });
});
