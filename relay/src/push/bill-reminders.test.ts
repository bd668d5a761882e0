import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../relay-logger.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { monthlyBillUpdate } from '../testing/ledger-edits.js';
import { DataDir } from '../testing/relay-harness.js';
import { BillReminders, localDateAndHour } from './bill-reminders.js';
import { Notifier } from './notifier.js';

const alice = { id: 'user-alice', email: 'alice@example.com', passwordHash: 'x', docId: 'ledger-alice', createdAt: 1 };

/** The relay's reminder parts over one storage, as a relay process holds them, on a clock the test sets. */
class RelayProcess {
  now = 0;
  readonly reminders: BillReminders;

  constructor(readonly storage: RelayStorage) {
    const notifier = new Notifier(storage.push, { wake: () => {} }, () => this.now);
    this.reminders = new BillReminders({
      storage,
      notifier,
      now: () => this.now,
      reporting: { logger: silentLogger, metrics: { countFailure: () => {} } },
    });
  }

  /** One look at `iso`: how many reminders it made. */
  lookAt(iso: string): Promise<number> {
    this.now = Date.parse(iso);
    return this.reminders.look();
  }

  async titlesQueued(): Promise<string[]> {
    const pushes = await this.storage.push.duePushes(Number.MAX_SAFE_INTEGER, 100);
    return pushes.map((push) => (JSON.parse(push.payload) as { title: string }).title);
  }
}

describe('bill reminders', () => {
  let dataDir: DataDir;
  let relay: RelayProcess;

  async function restart(): Promise<RelayProcess> {
    await relay.storage.close();
    relay = new RelayProcess(new SqliteStorage(dataDir.dbFile));
    return relay;
  }

  beforeEach(async () => {
    dataDir = new DataDir();
    relay = new RelayProcess(new SqliteStorage(dataDir.dbFile));
    const { storage } = relay;
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 2 });
    await storage.accounts.createDevice({ id: 'laptop', userId: alice.id, name: 'Laptop', createdAt: 3 });
    for (const deviceId of ['phone', 'laptop']) {
      await storage.push.subscribe({
        endpoint: `https://push.example/${deviceId}`,
        userId: alice.id,
        deviceId,
        p256dh: 'key',
        auth: 'auth',
        createdAt: 4,
      });
    }
    await storage.mail.setLanguage(alice.id, 'de');
    await storage.push.setPreferences(alice.id, {
      timeZone: 'Europe/Berlin',
      kinds: { billReminders: { email: false, push: true }, invitations: { email: true, push: true } },
    });
  });
  afterEach(async () => {
    await relay.storage.close();
    dataDir.remove();
  });

  it('[N4] a bill due the day after summer time starts is reminded of once, at 09:00 Berlin time, across restarts', async () => {
    // Summer time starts in Berlin on 29 March 2026: 09:00 that day is 07:00 UTC, not 08:00.
    await relay.storage.documents.appendUpdate(
      alice.docId,
      monthlyBillUpdate({ payee: 'Miete', amount: -85_000, startDate: '2026-01-30' }),
    );
    expect(await relay.lookAt('2026-03-28T08:00:00Z')).toBe(0); // 09:00 on the 28th: the 29th is not a due date
    expect(await relay.lookAt('2026-03-29T06:59:00Z')).toBe(0); // 08:59 CEST
    expect(await relay.lookAt('2026-03-29T07:00:00Z')).toBe(1); // 09:00 CEST
    expect(await relay.lookAt('2026-03-29T07:01:00Z')).toBe(0);

    await restart();
    expect(await relay.lookAt('2026-03-29T12:00:00Z')).toBe(0);
    expect(await relay.lookAt('2026-03-29T21:59:00Z')).toBe(0); // 23:59 CEST, still the day before
    expect(await relay.lookAt('2026-03-30T07:00:00Z')).toBe(0); // the due day itself: tomorrow is the 31st
    expect(await relay.titlesQueued()).toEqual(['Morgen fällig: Miete', 'Morgen fällig: Miete']);
  });

  it('[N4] when summer time ends, 09:00 Berlin time is 08:00 UTC', async () => {
    await relay.storage.documents.appendUpdate(
      alice.docId,
      monthlyBillUpdate({ payee: 'Strom', amount: -6_000, startDate: '2026-09-26' }),
    );
    expect(await relay.lookAt('2026-10-25T07:59:00Z')).toBe(0); // 08:59 CET
    await restart();
    expect(await relay.lookAt('2026-10-25T08:00:00Z')).toBe(1); // 09:00 CET
    await restart();
    expect(await relay.lookAt('2026-10-25T08:00:00Z')).toBe(0);
    expect(await relay.titlesQueued()).toHaveLength(2);
  });

  it('[N4] each occurrence is its own reminder; a paused bill or an account without a time zone gets none', async () => {
    await relay.storage.documents.appendUpdate(
      alice.docId,
      monthlyBillUpdate({ payee: 'Miete', amount: -85_000, startDate: '2026-01-30' }),
    );
    await relay.storage.documents.appendUpdate(
      alice.docId,
      monthlyBillUpdate({ payee: 'Fitness', amount: -3_000, startDate: '2026-01-30', paused: true }),
    );
    expect(await relay.lookAt('2026-03-29T07:00:00Z')).toBe(1);
    expect(await relay.lookAt('2026-04-29T07:00:00Z')).toBe(1); // 30 April: the next occurrence
    await relay.storage.push.setPreferences(alice.id, {
      ...(await relay.storage.push.preferencesOf(alice.id)),
      timeZone: null,
    });
    expect(await relay.lookAt('2026-05-29T07:00:00Z')).toBe(0);
  });

  it('[N3][N4] with push switched off for bill reminders, the reminder is made once and sends nothing', async () => {
    const storage = new MemoryStorage();
    const process = new RelayProcess(storage);
    await storage.accounts.createUser(alice);
    await storage.accounts.createDevice({ id: 'phone', userId: alice.id, name: 'Phone', createdAt: 2 });
    await storage.push.subscribe({
      endpoint: 'https://push.example/phone',
      userId: alice.id,
      deviceId: 'phone',
      p256dh: 'key',
      auth: 'auth',
      createdAt: 4,
    });
    await storage.push.setPreferences(alice.id, {
      timeZone: 'America/New_York',
      kinds: { billReminders: { email: false, push: false }, invitations: { email: true, push: true } },
    });
    await storage.documents.appendUpdate(
      alice.docId,
      monthlyBillUpdate({ payee: 'Rent', amount: -120_000, startDate: '2026-01-01' }),
    );
    expect(await process.lookAt('2026-02-28T14:00:00Z')).toBe(1); // 09:00 in New York, 28 February
    expect(await process.titlesQueued()).toEqual([]);
  });

  it('a zone the runtime does not know has no local time', () => {
    expect(localDateAndHour(0, 'Mars/Olympus_Mons')).toBeNull();
    expect(localDateAndHour(Date.parse('2026-03-29T07:00:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-03-29',
      hour: 9,
    });
  });
});
