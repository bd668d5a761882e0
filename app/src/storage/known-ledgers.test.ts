import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DeviceStorage } from './device-storage.js';
import { PERSONAL_LEDGER_KEY } from './known-ledgers.js';
import { TallyDatabase } from './tally-database.js';

const DEVICE = 'tally-known-ledgers-test';
let storage: DeviceStorage;

beforeEach(() => {
  storage = new DeviceStorage(DEVICE);
});

afterEach(async () => {
  await storage.erase();
});

test('a device opens its personal ledger until another is chosen, and remembers the choice', async () => {
  await expect(storage.knownLedgers.current()).resolves.toBe(PERSONAL_LEDGER_KEY);
  await storage.knownLedgers.put({ key: 'household1', name: 'Household', docId: null, role: null });
  await storage.knownLedgers.choose('household1');
  const again = new DeviceStorage(DEVICE);
  await expect(again.knownLedgers.current()).resolves.toBe('household1');
  await expect(again.knownLedgers.list()).resolves.toEqual([
    { key: 'household1', name: 'Household', docId: null, role: null },
  ]);
});

test('a local ledger later connected keeps its key, and two tabs adding ledgers at once keep both', async () => {
  await Promise.all([
    storage.knownLedgers.put({ key: 'local1', name: 'Trip', docId: null, role: null }),
    new DeviceStorage(DEVICE).knownLedgers.put({ key: 'doc2', name: 'Flat', docId: 'doc2', role: 'viewer' }),
  ]);
  await storage.knownLedgers.put({ key: 'local1', name: 'Trip', docId: 'relayDoc1', role: 'owner' });
  const listed = await storage.knownLedgers.list();
  expect(listed).toHaveLength(2);
  expect(listed).toContainEqual({ key: 'local1', name: 'Trip', docId: 'relayDoc1', role: 'owner' });
  await storage.knownLedgers.remove('doc2');
  await expect(storage.knownLedgers.list()).resolves.toEqual([
    { key: 'local1', name: 'Trip', docId: 'relayDoc1', role: 'owner' },
  ]);
});

test('what the browser’s tools stored that is not a ledger is left out, never trusted', async () => {
  await storage.knownLedgers.put({ key: 'ok1', name: 'Household', docId: 'doc1', role: 'editor' });
  const db = new TallyDatabase(DEVICE);
  await db.settings.put({
    key: 'ledgers.known',
    value: [
      { key: 'ok1', name: 'Household', docId: 'doc1', role: 'editor' },
      { key: '../x', name: 'Bad key', docId: null, role: null },
      { key: 'two', name: 'Bad role', docId: 'doc2', role: 'admin' },
      { key: PERSONAL_LEDGER_KEY, name: 'Not the personal one', docId: null, role: null },
    ],
  });
  await db.settings.put({ key: 'ledgers.current', value: 42 });
  db.close();
  await expect(storage.knownLedgers.list()).resolves.toEqual([
    { key: 'ok1', name: 'Household', docId: 'doc1', role: 'editor' },
  ]);
  await expect(storage.knownLedgers.current()).resolves.toBe(PERSONAL_LEDGER_KEY);
});
