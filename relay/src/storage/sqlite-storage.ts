import Database from 'better-sqlite3';
import type { PaymentEvent } from '../payments/payment-event.js';
import { type RelayLogger, silentLogger } from '../relay-logger.js';
import type { Admission, AdmissionOutcome, NewLedgerInvitation, NewUser } from './accounts/accounts.js';
import { SqliteAccounts } from './accounts/sqlite-accounts.js';
import { SqliteAdvisors } from './advisors/sqlite-advisors.js';
import { SqliteBlobRecords } from './blobs/sqlite-blob-records.js';
import { SqliteConversations } from './conversations/sqlite-conversations.js';
import { CHECKPOINT_EVERY_MS, DocumentWriter } from './documents/document-writer.js';
import { SqliteLedgerDocuments } from './documents/sqlite-ledger-documents.js';
import { SqliteEventStore } from './events/sqlite-event-store.js';
import type { AccountWelcome, NewMail } from './mail/mail-store.js';
import { SqliteMailStore } from './mail/sqlite-mail-store.js';
import { migrations } from './migrations.js';
import { bookingChangeOf, type PaymentFulfilment } from './payments/payment-store.js';
import { SqlitePaymentStore } from './payments/sqlite-payment-store.js';
import { SqlitePushStore } from './push/sqlite-push-store.js';
import type { EmailChangeOutcome, NewNotification, RelayStorage } from './relay-storage.js';

export interface SqliteStorageOptions {
  /** Told which migrations ran as the database opened. */
  readonly logger?: RelayLogger;
}

/**
 * Every area in one SQLite database file, so a change that spans areas commits in one
 * transaction. WAL with `synchronous = NORMAL` keeps every committed update through a crash of
 * the relay process (kill -9); only a power loss can take the last few commits.
 */
export class SqliteStorage implements RelayStorage {
  readonly documents: SqliteLedgerDocuments;
  readonly accounts: SqliteAccounts;
  readonly mail: SqliteMailStore;
  readonly push: SqlitePushStore;
  readonly events: SqliteEventStore;
  readonly conversations: SqliteConversations;
  readonly advisors: SqliteAdvisors;
  readonly payments: SqlitePaymentStore;
  readonly blobs: SqliteBlobRecords;
  private readonly db: Database.Database;
  private readonly watchingWrites: NodeJS.Timeout | null = null;

  constructor(filename: string, options: SqliteStorageOptions = {}) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, options.logger ?? silentLogger);
    // A database file gets a writer thread for the documents' writes (SPEC B5), which also
    // checkpoints the write-ahead log, off the event loop; one in memory cannot be shared.
    const writer = this.db.memory ? null : new DocumentWriter(filename);
    if (writer !== null) {
      this.db.pragma('wal_autocheckpoint = 0');
      this.watchingWrites = checkpointedOnceWritten(this.db, writer);
    }
    this.documents = new SqliteLedgerDocuments(this.db, writer);
    this.accounts = new SqliteAccounts(this.db);
    this.mail = new SqliteMailStore(this.db);
    this.push = new SqlitePushStore(this.db);
    this.events = new SqliteEventStore(this.db);
    this.conversations = new SqliteConversations(this.db);
    this.advisors = new SqliteAdvisors(this.db);
    this.payments = new SqlitePaymentStore(this.db);
    this.blobs = new SqliteBlobRecords(this.db);
  }

  async registerUser(user: NewUser, admission: Admission, welcome: AccountWelcome): Promise<AdmissionOutcome> {
    return this.db.transaction((): AdmissionOutcome => {
      const outcome = this.accounts.admitUserNow(user, admission);
      if (outcome === 'created') this.mail.welcomeNow(user.id, welcome);
      return outcome;
    })();
  }

  async notify(notification: NewNotification): Promise<boolean> {
    return this.notifyNow(notification);
  }

  private notifyNow(notification: NewNotification): boolean {
    const { dedupeKey, userId, createdAt, pushes, mail } = notification;
    return this.db.transaction((): boolean => {
      if (!this.push.notifyNow(dedupeKey, userId, createdAt, pushes)) return false;
      if (mail !== null) this.mail.enqueueNow(mail);
      return true;
    })();
  }

  async changeEmail(tokenHash: string, at: number): Promise<EmailChangeOutcome> {
    return this.db.transaction((): EmailChangeOutcome => {
      const change = this.mail.spendEmailChangeNow(tokenHash, at);
      if (change === null) return { kind: 'invalid' };
      if (!this.accounts.setEmailNow(change.userId, change.email)) return { kind: 'taken' };
      this.mail.markVerifiedNow(change.userId, at);
      return { kind: 'changed', ...change };
    })();
  }

  async inviteToLedger(
    invitation: NewLedgerInvitation,
    mail: NewMail | null,
    notification: NewNotification | null,
  ): Promise<void> {
    this.db.transaction(() => {
      this.accounts.createLedgerInvitationNow(invitation);
      if (mail !== null) this.mail.enqueueNow(mail);
      if (notification !== null) this.notifyNow(notification);
    })();
  }

  async fulfilPayment(event: PaymentEvent, at: number): Promise<PaymentFulfilment> {
    return this.db.transaction((): PaymentFulfilment => {
      const fulfilment = this.payments.fulfilNow(event, at);
      const change = bookingChangeOf(fulfilment, event, at);
      const booking = change === null ? null : this.advisors.transitionBookingNow(change);
      if (fulfilment.outcome !== 'paid' || booking !== null || fulfilment.payment === null) {
        return { ...fulfilment, booking };
      }
      const late = this.payments.markLateNow(event.provider, fulfilment.payment.checkoutId, at);
      return { outcome: 'late', payment: late, booking: null };
    })();
  }

  /** A consistent copy of the live database, taken without stopping the relay (SQLite backup API). */
  async backup(file: string): Promise<void> {
    await this.documents.settled();
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (this.watchingWrites !== null) clearInterval(this.watchingWrites);
    await this.documents.close();
    this.db.close();
  }
}

/**
 * Starts the writer thread, whose checkpoints keep the write-ahead log from growing, as soon as
 * this connection has committed anything — an account, a mail, a document — and again if the
 * thread stopped since (SPEC B5). A relay that only reads starts no thread.
 */
function checkpointedOnceWritten(db: Database.Database, writer: DocumentWriter): NodeJS.Timeout {
  const totalChanges = db.prepare('SELECT total_changes() AS n').pluck();
  let seen = totalChanges.get();
  const watching = setInterval(() => {
    const now = totalChanges.get();
    if (now === seen) return;
    seen = now;
    writer.start();
  }, CHECKPOINT_EVERY_MS);
  watching.unref();
  return watching;
}

/**
 * A database a newer relay has migrated, opened by an older one: its tables hold what this
 * relay does not know, and writing to them could lose it.
 */
export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `the database is at schema version ${found}, written by a newer relay; this relay knows up to version ${known}. ` +
        'Run the newer relay again, or restore a backup this relay made.',
    );
    this.name = 'NewerDatabaseError';
  }
}

function migrate(db: Database.Database, logger: RelayLogger): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > migrations.length) {
    db.close();
    throw new NewerDatabaseError(applied, migrations.length);
  }
  if (applied === migrations.length) return;
  db.transaction(() => {
    for (let version = applied; version < migrations.length; version++) {
      db.exec(migrations[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }
  })();
  logger.info({ from: applied, to: migrations.length }, 'relay database migrated');
}
