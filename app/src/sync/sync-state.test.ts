import { describe, expect, test } from 'vitest';
import type { RelaySession } from '../storage/index.js';
import { type LinkState, type SyncKnowledge, storedOnRelay, syncStateShown } from './sync-state.js';

const session: RelaySession = {
  relayUrl: 'https://tally.example.com',
  email: 'ana@example.com',
  deviceName: 'Laptop',
  userId: 'u1',
  deviceId: 'd1',
  docId: 'doc1',
  accessToken: 'a.b.c',
  refreshToken: 'r1',
  revoked: false,
};

/** Client 7 is this device, client 9 another one. */
const caughtUp: LinkState = {
  connected: true,
  received: true,
  held: new Map([
    [7, 40],
    [9, 12],
  ]),
  stored: new Map([
    [7, 40],
    [9, 12],
  ]),
};

const known: SyncKnowledge = {
  session,
  link: caughtUp,
  lastSyncedAt: 500,
  problem: undefined,
  now: 9_000,
  held: caughtUp.held,
  relayStored: new Map(),
};

describe('the sync state shown', () => {
  test('is local without a relay session, with a revoked one, and while the sync code loads', () => {
    expect(syncStateShown({ ...known, session: undefined })).toMatchObject({ state: 'local', account: undefined });
    expect(syncStateShown({ ...known, session: { ...session, revoked: true } })).toMatchObject({
      state: 'local',
      account: { deviceId: 'd1', revoked: true },
    });
    expect(syncStateShown({ ...known, link: undefined }).state).toBe('local');
  });

  test('is offline while the relay cannot be reached, and keeps the last sync time', () => {
    expect(syncStateShown({ ...known, link: { ...caughtUp, connected: false } })).toMatchObject({
      state: 'offline',
      lastSyncedAt: 500,
    });
  });

  test('is syncing until the relay’s first answer has arrived', () => {
    expect(syncStateShown({ ...known, link: { ...caughtUp, received: false } }).state).toBe('syncing');
  });

  test('[pending edits] is syncing while a write held here is not yet stored on the relay, whoever made it', () => {
    const ownEdit = { ...caughtUp, held: new Map([...caughtUp.held, [7, 41]]) };
    const otherTabsEdit = { ...caughtUp, held: new Map([...caughtUp.held, [11, 1]]) };
    expect(syncStateShown({ ...known, link: ownEdit })).toMatchObject({ state: 'syncing', lastSyncedAt: 500 });
    expect(syncStateShown({ ...known, link: otherTabsEdit }).state).toBe('syncing');
  });

  test('is synced when everything held here is stored on the relay, which may store more; that moment is the last sync', () => {
    const relayAhead = { ...caughtUp, stored: new Map([...caughtUp.stored, [9, 30]]) };
    expect(syncStateShown({ ...known, link: relayAhead })).toMatchObject({ state: 'synced', lastSyncedAt: 9_000 });
  });

  test('names the account, and a problem until the device is synced again', () => {
    const offline = { ...known, link: { ...caughtUp, connected: false }, problem: 'too-large' as const };
    expect(syncStateShown(offline)).toMatchObject({
      problem: 'too-large',
      account: { relayUrl: 'https://tally.example.com', email: 'ana@example.com', deviceName: 'Laptop' },
    });
    expect(syncStateShown({ ...offline, link: caughtUp }).problem).toBeUndefined();
  });
});

test('a write is stored on the relay once the relay’s clock for its writer has reached it', () => {
  expect(storedOnRelay({ held: new Map([[7, 3]]), stored: new Map([[7, 3]]) })).toBe(true);
  expect(storedOnRelay({ held: new Map([[7, 3]]), stored: new Map([[7, 2]]) })).toBe(false);
  expect(storedOnRelay({ held: new Map([[7, 3]]), stored: new Map() })).toBe(false);
  expect(storedOnRelay({ held: new Map(), stored: new Map([[7, 3]]) })).toBe(true);
});

describe('edits not yet on the relay', () => {
  const editedSince = new Map([
    [7, 41],
    [9, 12],
  ]);

  test('show as pending while offline when the device holds more than the relay was last known to store', () => {
    const offline = { ...caughtUp, connected: false, stored: new Map<number, number>() };
    expect(syncStateShown({ ...known, link: offline, held: editedSince, relayStored: caughtUp.stored })).toMatchObject({
      state: 'offline',
      pending: true,
    });
    expect(syncStateShown({ ...known, link: offline, held: caughtUp.held, relayStored: caughtUp.stored }).pending).toBe(
      false,
    );
  });

  test('show as pending from a restart, before the link has loaded, until the relay has them', () => {
    const starting = { ...known, link: undefined, held: editedSince, relayStored: caughtUp.stored };
    expect(syncStateShown(starting).pending).toBe(true);
    const echoed = { ...caughtUp, held: editedSince, stored: editedSince };
    expect(syncStateShown({ ...starting, link: echoed })).toMatchObject({ state: 'synced', pending: false });
  });

  test('are never pending on a device without a relay', () => {
    expect(syncStateShown({ ...known, session: undefined, held: editedSince }).pending).toBe(false);
  });
});
