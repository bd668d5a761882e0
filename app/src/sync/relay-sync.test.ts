import { type Ledger, openLedger } from '@tally/schema';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { RelayConfig } from '../../../relay/src/relay-config.js';
import type { LedgerDocuments } from '../../../relay/src/storage/documents/ledger-documents.js';
import { SqliteStorage } from '../../../relay/src/storage/sqlite-storage.js';
import { HeldCalls } from '../../../relay/src/testing/held-calls.js';
import { connect, DataDir, eventually, login, RunningRelay, synced } from '../../../relay/src/testing/relay-harness.js';
import { linkToken, SmtpInbox } from '../../../relay/src/testing/smtp-inbox.js';
import { browserClock, browserLock, type Clock } from './device-clock.js';
import { InMemorySettings } from './in-memory-settings.js';
import { RelayApi } from './relay-api.js';
import { RelaySync } from './relay-sync.js';
import type { SyncStateName } from './sync-state.js';

interface Device {
  readonly ledger: Ledger;
  readonly sync: RelaySync;
  readonly settings: InMemorySettings;
}

const PASSWORD = 'correct horse battery';
let dataDir: DataDir;
/** The relay's real SQLite storage, except that storing an update waits while the test holds it. */
let storage: HeldCalls<LedgerDocuments>;
let relay: RunningRelay;
const devices: Device[] = [];

async function startRelay(port = 0, config: Partial<RelayConfig> = {}): Promise<void> {
  const sqlite = new SqliteStorage(dataDir.dbFile);
  storage = new HeldCalls(sqlite.documents, 'appendUpdate');
  relay = await RunningRelay.start(dataDir, config, port, {
    documents: storage.area,
    accounts: sqlite.accounts,
    mail: sqlite.mail,
    blobs: sqlite.blobs,
    registerUser: (user, admission, welcome) => sqlite.registerUser(user, admission, welcome),
    notify: (notification) => sqlite.notify(notification),
    changeEmail: (tokenHash, at) => sqlite.changeEmail(tokenHash, at),
    inviteToLedger: (invitation, mail, notification) => sqlite.inviteToLedger(invitation, mail, notification),
    push: sqlite.push,
    advisors: sqlite.advisors,
    events: sqlite.events,
    conversations: sqlite.conversations,
    payments: sqlite.payments,
    fulfilPayment: (event, at) => sqlite.fulfilPayment(event, at),
    close: () => sqlite.close(),
  });
}

function device(clock: Clock = browserClock): Device {
  const doc = new Y.Doc();
  const settings = new InMemorySettings();
  const sync = new RelaySync(doc, settings, {
    clock,
    lock: browserLock,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const made = { ledger: openLedger(doc), sync, settings };
  devices.push(made);
  return made;
}

function credentials(email: string, deviceName = 'Laptop') {
  return { email, password: PASSWORD, deviceName };
}

/** Resolves once the state shown is `state`. */
function shows(sync: RelaySync, state: SyncStateName): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (sync.getSnapshot().state !== state) return;
      stop();
      resolve();
    };
    const stop = sync.subscribe(check);
    check();
  });
}

function addAccount(ledger: Ledger, name: string): string {
  return ledger.accounts.create({ name, type: 'checking', currency: 'EUR' }).id;
}

/** What the relay stores, as a device logging in afterwards with the stock provider receives it. */
async function storedOnRelay(email: string): Promise<Ledger> {
  const session = await login(relay.httpUrl, email, 'Reader');
  const provider = connect(relay.syncUrl, session);
  await synced(provider);
  provider.destroy();
  return openLedger(provider.doc);
}

beforeEach(async () => {
  dataDir = new DataDir();
  await startRelay();
});

afterEach(async () => {
  for (const { sync } of devices.splice(0)) sync.stop();
  storage.letGo();
  await relay.stop();
  dataDir.remove();
});

describe('the sync state a device shows', () => {
  test('[pending edits] an edit is syncing until the relay has stored it and sent it back, though the connection synced long before', async () => {
    const laptop = device();
    await laptop.sync.register(relay.httpUrl, credentials('ana@example.com'));
    await shows(laptop.sync, 'synced');
    const syncedAt = laptop.sync.getSnapshot().lastSyncedAt;

    storage.hold();
    const checking = addAccount(laptop.ledger, 'Checking');
    expect(laptop.sync.getSnapshot().state).toBe('syncing');
    await eventually(() => storage.waiting > 0);
    // The relay has the edit but has not stored it: nothing has come back, so it is still syncing.
    expect(laptop.sync.getSnapshot()).toMatchObject({ state: 'syncing', lastSyncedAt: syncedAt });

    storage.letGo();
    await shows(laptop.sync, 'synced');
    expect((await storedOnRelay('ana@example.com')).accounts.get(checking)?.name).toBe('Checking');
  });

  test('[pending edits] edits made while the relay was down are syncing after it is back, until it has stored them', async () => {
    const laptop = device();
    await laptop.sync.register(relay.httpUrl, credentials('kim@example.com'));
    await shows(laptop.sync, 'synced');
    const { port } = relay;
    await relay.stop();
    await shows(laptop.sync, 'offline');
    const savings = addAccount(laptop.ledger, 'Savings');

    await startRelay(port);
    storage.hold();
    await shows(laptop.sync, 'syncing');
    await eventually(() => storage.waiting > 0);
    expect(laptop.sync.getSnapshot().state).toBe('syncing');

    storage.letGo();
    await shows(laptop.sync, 'synced');
    expect((await storedOnRelay('kim@example.com')).accounts.get(savings)?.name).toBe('Savings');
  });

  test('another device’s edit is never shown as syncing here: the relay stored it before sending it; the last sync moves on', async () => {
    let now = 1_000;
    const laptop = device({ ...browserClock, now: () => now });
    await laptop.sync.register(relay.httpUrl, credentials('eli@example.com'));
    await shows(laptop.sync, 'synced');
    expect(laptop.sync.getSnapshot().lastSyncedAt).toBe(1_000);
    const phone = connect(relay.syncUrl, await login(relay.httpUrl, 'eli@example.com', 'Phone'));
    await synced(phone);

    now = 2_000;
    const shown: SyncStateName[] = [];
    laptop.sync.subscribe(() => shown.push(laptop.sync.getSnapshot().state));
    const cash = addAccount(openLedger(phone.doc), 'Cash');
    await eventually(() => laptop.ledger.accounts.get(cash) !== undefined);
    phone.destroy();
    expect(shown).toEqual(expect.arrayContaining(['synced']));
    expect(shown).not.toContain('syncing');
    expect(laptop.sync.getSnapshot()).toMatchObject({ state: 'synced', lastSyncedAt: 2_000 });
  });

  test('the last sync is stored at the first full sync, the one right after registering or logging in again included', async () => {
    const laptop = device();
    await laptop.sync.register(relay.httpUrl, credentials('lou@example.com'));
    await shows(laptop.sync, 'synced');
    const first = laptop.sync.getSnapshot().lastSyncedAt;
    expect(first).toBeDefined();
    expect(laptop.settings.lastSynced).toBe(first);

    await laptop.sync.logOut();
    expect(laptop.sync.getSnapshot()).toMatchObject({ state: 'local', lastSyncedAt: undefined });
    expect(laptop.settings.lastSynced).toBeUndefined();
    await laptop.sync.login(relay.httpUrl, credentials('lou@example.com'));
    await shows(laptop.sync, 'synced');
    expect(laptop.settings.lastSynced).toBe(laptop.sync.getSnapshot().lastSyncedAt);
  });

  test('revoked from another device, it stops syncing, says it is revoked, and keeps its ledger', async () => {
    const laptop = device();
    await laptop.sync.register(relay.httpUrl, credentials('sam@example.com'));
    const rent = addAccount(laptop.ledger, 'Rent');
    await shows(laptop.sync, 'synced');
    const laptopId = laptop.sync.getSnapshot().account?.deviceId ?? '';
    const phone = await login(relay.httpUrl, 'sam@example.com', 'Phone');

    await new RelayApi(relay.httpUrl).revokeDevice(phone.accessToken, laptopId);
    await shows(laptop.sync, 'local');
    expect(laptop.sync.getSnapshot().account).toMatchObject({ deviceId: laptopId, revoked: true });
    expect(laptop.settings.stored?.revoked).toBe(true);
    expect(laptop.ledger.accounts.get(rent)?.name).toBe('Rent');
  });

  test('[V1] a device whose ledger holds data the relay refuses says so, stops syncing, and keeps its ledger', async () => {
    const laptop = device();
    await laptop.sync.register(relay.httpUrl, credentials('max@example.com'));
    const rent = addAccount(laptop.ledger, 'Rent');
    await shows(laptop.sync, 'synced');

    // A format no Tally knows, written past the ledger API, as a broken or tampered device would.
    laptop.ledger.doc.getMap('meta').set('version/rogue', 999_999);
    await eventually(() => laptop.sync.getSnapshot().problem === 'refused-data');
    expect(laptop.sync.getSnapshot().state).not.toBe('synced');
    expect(laptop.ledger.accounts.get(rent)?.name).toBe('Rent');
    const stored = await storedOnRelay('max@example.com');
    expect(stored.accounts.get(rent)?.name).toBe('Rent');
    expect(stored.doc.getMap('meta').has('version/rogue')).toBe(false);
  });

  test('[B4] a device whose ledger reached its account’s quota on the relay says so, and keeps its ledger', async () => {
    await relay.stop();
    await startRelay(0, { accountQuotaBytes: 64 * 1024 });
    const laptop = device();
    await laptop.sync.register(relay.httpUrl, credentials('noa@example.com'));
    await shows(laptop.sync, 'synced');

    // About 100 bytes an account: 1,500 of them, in 30 edits, are more than 64 KiB.
    for (let edit = 0; edit < 30; edit++) {
      laptop.ledger.transact(() => {
        for (let i = 0; i < 50; i++) addAccount(laptop.ledger, `Account ${edit}-${i}`);
      });
    }
    await eventually(() => laptop.sync.getSnapshot().problem === 'storage-full');
    expect(laptop.sync.getSnapshot().state).not.toBe('synced');
    expect(laptop.ledger.accounts.list()).toHaveLength(1500);
  });
});

describe('registering on a relay with open registration and mail on', () => {
  test('[A5] a second person is sent a link instead of a session, and signs in once it is opened', async () => {
    const inbox = await SmtpInbox.start();
    try {
      await relay.stop();
      await startRelay(0, { registration: 'open', smtpUrl: inbox.url, publicUrl: 'https://tally.example' });
      const first = device();
      expect(await first.sync.register(relay.httpUrl, credentials('ada@example.com'))).toBe('linked');

      const second = device();
      expect(await second.sync.register(relay.httpUrl, credentials('bea@example.com'))).toBe('check-mail');
      expect(second.sync.getSnapshot().account).toBeUndefined();
      expect(second.settings.stored).toBeUndefined();

      await inbox.mail(2);
      const mail = inbox.mails.find((each) => each.subject === 'Finish creating your Tally account');
      if (mail === undefined) throw new Error('no mail to finish the registration');
      const opened = await fetch(`${relay.httpUrl}/api/auth/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: linkToken(mail), password: PASSWORD }),
      });
      expect(opened.status).toBe(204);
      await second.sync.login(relay.httpUrl, credentials('bea@example.com'));
      await shows(second.sync, 'synced');
      expect(second.sync.getSnapshot().account).toMatchObject({ email: 'bea@example.com' });
    } finally {
      await inbox.stop();
    }
  });
});
