import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxSender } from '../mail/outbox-sender.js';
import { smtpTransport } from '../mail/smtp-transport.js';
import { silentLogger } from '../relay-logger.js';
import { MemoryStorage } from '../storage/memory-storage.js';
import type { RelayStorage } from '../storage/relay-storage.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { monthlyBillUpdate } from '../testing/ledger-edits.js';
import { DataDir } from '../testing/relay-harness.js';
import { SmtpInbox } from '../testing/smtp-inbox.js';
import { BillReminders, localDateAndHour } from './bill-reminders.js';
import { Notifier } from './notifier.js';

const alice = { id: 'user-alice', email: 'alice@example.com', passwordHash: 'x', docId: 'ledger-alice', createdAt: 1 };

const reporting = { logger: silentLogger, metrics: { countFailure: () => {} } };

/**
 * The relay's reminder parts over one storage, as a relay process holds them, on a clock the test
 * sets; with an SMTP server's address, mail is on and its outbox is sent there.
 */
class RelayProcess {
  now = 0;
  readonly reminders: BillReminders;
  readonly mailSender: OutboxSender | null;

  constructor(
    readonly storage: RelayStorage,
    smtpUrl: string | null = null,
  ) {
    this.mailSender =
      smtpUrl === null
        ? null
        : new OutboxSender({
            store: storage.mail,
            transport: smtpTransport(smtpUrl),
            from: 'Tally <no-reply@tally.example>',
            host: 'tally.example',
            retryMs: 50,
            maxAttempts: 5,
            reporting: {
              ...reporting,
              metrics: { ...reporting.metrics, mailsSent: 0, mailsRetried: 0, mailsFailed: 0 },
            },
          });
    const mail = this.mailSender === null ? null : { sender: this.mailSender, publicUrl: 'https://tally.example' };
    const notifier = new Notifier(storage, { wake: () => {} }, mail, () => this.now);
    this.reminders = new BillReminders({ storage, notifier, now: () => this.now, reporting });
    // As at a relay's start: what a previous run left in the outbox is sent.
    this.mailSender?.wake();
  }

  async stop(): Promise<void> {
    await this.mailSender?.stop();
    await this.storage.close();
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

/** Bookings and messages as by default: these tests are about bill reminders. */
const away = { bookings: { email: true, push: true }, messages: { email: true, push: true } };
describe('bill reminders', () => {
  let dataDir: DataDir;
  let relay: RelayProcess;

  async function restart(smtpUrl: string | null = null): Promise<RelayProcess> {
    await relay.stop();
    relay = new RelayProcess(new SqliteStorage(dataDir.dbFile), smtpUrl);
    return relay;
  }

  async function billRemindersBy(channels: { readonly email: boolean; readonly push: boolean }): Promise<void> {
    await relay.storage.push.setPreferences(alice.id, {
      timeZone: 'Europe/Berlin',
      kinds: {
        billReminders: channels,
        invitations: { email: true, push: true },
        payments: { email: true, push: true },
        ...away,
      },
    });
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
      kinds: {
        billReminders: { email: false, push: true },
        invitations: { email: true, push: true },
        payments: { email: true, push: true },
        ...away,
      },
    });
  });
  afterEach(async () => {
    await relay.stop();
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
      kinds: {
        billReminders: { email: false, push: false },
        invitations: { email: true, push: true },
        payments: { email: true, push: true },
        ...away,
      },
    });
    await storage.documents.appendUpdate(
      alice.docId,
      monthlyBillUpdate({ payee: 'Rent', amount: -120_000, startDate: '2026-01-01' }),
    );
    expect(await process.lookAt('2026-02-28T14:00:00Z')).toBe(1); // 09:00 in New York, 28 February
    expect(await process.titlesQueued()).toEqual([]);
  });

  describe('by email', () => {
    let inbox: SmtpInbox;

    beforeEach(async () => {
      inbox = await SmtpInbox.start();
      await relay.storage.mail.markVerified(alice.id, 5);
      await relay.storage.documents.appendUpdate(
        alice.docId,
        monthlyBillUpdate({ payee: 'Miete', amount: -85_000, startDate: '2026-01-30' }),
      );
    });
    afterEach(async () => {
      await inbox.stop();
    });

    it("[N3][N4] a bill due tomorrow is mailed once at 09:00 in the person's zone, in their language, and never again after a restart; push is unaffected", {
      timeout: 30_000,
    }, async () => {
      await restart(inbox.url);
      await billRemindersBy({ email: true, push: true });
      expect(await relay.lookAt('2026-03-29T06:59:00Z')).toBe(0); // 08:59 CEST
      expect(await relay.lookAt('2026-03-29T07:00:00Z')).toBe(1); // 09:00 CEST
      expect(await relay.lookAt('2026-03-29T07:01:00Z')).toBe(0);
      const mail = await inbox.mail(1);
      expect(mail.to).toMatchObject({ text: alice.email });
      expect(mail.subject).toBe('Morgen fällig: Miete');
      expect(mail.text).toContain('Miete: 850,00\u00a0€ sind morgen, am 30. März 2026, fällig.');
      expect(mail.text).toContain('https://tally.example/#/recurring');
      expect(mail.html).toContain('href="https://tally.example/#/recurring"');
      expect(await relay.titlesQueued()).toEqual(['Morgen fällig: Miete', 'Morgen fällig: Miete']);

      await restart(inbox.url);
      expect(await relay.lookAt('2026-03-29T12:00:00Z')).toBe(0);
      // Mails leave in order: once next month's has arrived, a second one for March would have too.
      expect(await relay.lookAt('2026-04-29T07:00:00Z')).toBe(1);
      const next = await inbox.mail(2);
      expect(next.text).toContain('30. April 2026');
      expect(inbox.mails).toHaveLength(2);
    });

    it('[N3] with mail off, or email not chosen, or the address not verified, no mail is queued and push goes as chosen', async () => {
      await billRemindersBy({ email: true, push: true });
      expect(await relay.lookAt('2026-03-29T07:00:00Z')).toBe(1); // mail is off in this relay
      await restart(inbox.url);
      await billRemindersBy({ email: false, push: true });
      expect(await relay.lookAt('2026-04-29T07:00:00Z')).toBe(1);
      const bob = { ...alice, id: 'user-bob', email: 'bob@example.com', docId: 'ledger-bob' };
      await relay.storage.accounts.createUser(bob);
      await relay.storage.push.setPreferences(bob.id, {
        timeZone: 'Europe/Berlin',
        kinds: {
          billReminders: { email: true, push: true },
          invitations: { email: true, push: true },
          payments: { email: true, push: true },
          ...away,
        },
      });
      await relay.storage.documents.appendUpdate(
        bob.docId,
        monthlyBillUpdate({ payee: 'Rent', amount: -90_000, startDate: '2026-01-30' }),
      );
      // Alice's by push; bob's by nothing: his address is not verified and he has no device.
      expect(await relay.lookAt('2026-05-29T07:00:00Z')).toBe(2);
      expect(await relay.storage.mail.dueMails(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
      expect(await relay.titlesQueued()).toHaveLength(6); // alice's two devices, each month
      expect(inbox.mails).toEqual([]);
    });
  });

  it('a zone the runtime does not know has no local time', () => {
    expect(localDateAndHour(0, 'Mars/Olympus_Mons')).toBeNull();
    expect(localDateAndHour(Date.parse('2026-03-29T07:00:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-03-29',
      hour: 9,
    });
  });
});
