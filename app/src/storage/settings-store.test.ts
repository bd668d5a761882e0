import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { type RelaySession, SettingsStore } from './settings-store.js';
import { TallyDatabase } from './tally-database.js';

let db: TallyDatabase;
let settings: SettingsStore;

const session: RelaySession = {
  relayUrl: 'https://tally.example.com',
  email: 'sam@example.com',
  deviceName: 'Phone',
  userId: 'u1',
  deviceId: 'd1',
  docId: 'doc1',
  accessToken: 'a.b.c',
  refreshToken: 'r1',
  revoked: false,
};

beforeEach(() => {
  db = new TallyDatabase('tally-settings-test');
  settings = new SettingsStore(db);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

test('a device with no relay session says so', async () => {
  await expect(settings.session()).resolves.toBeUndefined();
  await expect(settings.lastSyncedAt()).resolves.toBeUndefined();
});

test('the relay session and last sync time survive reopening the database', async () => {
  await settings.saveSession(session);
  await settings.saveLastSyncedAt(1_700_000_000_000);
  db.close();
  db = new TallyDatabase('tally-settings-test');
  const reopened = new SettingsStore(db);
  await expect(reopened.session()).resolves.toEqual(session);
  await expect(reopened.lastSyncedAt()).resolves.toBe(1_700_000_000_000);
});

test('logging out forgets the session and the last sync time', async () => {
  await settings.saveSession(session);
  await settings.saveLastSyncedAt(5);
  await settings.forgetSession();
  await expect(settings.session()).resolves.toBeUndefined();
  await expect(settings.lastSyncedAt()).resolves.toBeUndefined();
});

test('a stored session of the wrong shape is not trusted', async () => {
  await db.settings.put({ key: 'relay.session', value: { ...session, accessToken: 42 } });
  await expect(settings.session()).resolves.toBeUndefined();
});
