import type pg from 'pg';
import type { PaymentEvent } from '../payments/payment-event.js';
import { type RelayLogger, silentLogger } from '../relay-logger.js';
import type { Admission, AdmissionOutcome, NewLedgerInvitation, NewUser } from './accounts/accounts.js';
import { PostgresAccounts } from './accounts/postgres-accounts.js';
import { PostgresAdvisors } from './advisors/postgres-advisors.js';
import { PostgresBlobRecords } from './blobs/postgres-blob-records.js';
import { PostgresConversations } from './conversations/postgres-conversations.js';
import { PostgresLedgerDocuments } from './documents/postgres-ledger-documents.js';
import { PostgresEventStore } from './events/postgres-event-store.js';
import type { AccountWelcome, NewMail } from './mail/mail-store.js';
import { PostgresMailStore } from './mail/postgres-mail-store.js';
import { bookingChangeOf, type PaymentFulfilment } from './payments/payment-store.js';
import { PostgresPaymentStore } from './payments/postgres-payment-store.js';
import { advisoryLocks, openPool, SHARED_CONNECTIONS, type Sql, transaction } from './postgres-database.js';
import { postgresMigrations } from './postgres-migrations.js';
import { PostgresPushStore } from './push/postgres-push-store.js';
import type { EmailChangeOutcome, NewNotification, RelayStorage } from './relay-storage.js';
import { NewerDatabaseError } from './sqlite-storage.js';

export interface PostgresStorageOptions {
  /** Told which migrations ran as the database opened. */
  readonly logger?: RelayLogger;
}

/**
 * Every area in one PostgreSQL database, shared by any number of relays: what SQLite does in one
 * transaction is one Postgres transaction here. Open it with `PostgresStorage.open`, which
 * migrates the schema first.
 */
export class PostgresStorage implements RelayStorage {
  readonly documents: PostgresLedgerDocuments;
  readonly accounts: PostgresAccounts;
  readonly mail: PostgresMailStore;
  readonly push: PostgresPushStore;
  readonly events: PostgresEventStore;
  readonly conversations: PostgresConversations;
  readonly advisors: PostgresAdvisors;
  readonly payments: PostgresPaymentStore;
  readonly blobs: PostgresBlobRecords;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly appendPool: pg.Pool,
  ) {
    this.documents = new PostgresLedgerDocuments(pool, appendPool);
    this.accounts = new PostgresAccounts(pool);
    this.mail = new PostgresMailStore(pool);
    this.push = new PostgresPushStore(pool);
    this.events = new PostgresEventStore(pool);
    this.conversations = new PostgresConversations(pool);
    this.advisors = new PostgresAdvisors(pool);
    this.payments = new PostgresPaymentStore(pool);
    this.blobs = new PostgresBlobRecords(pool);
  }

  /**
   * Connects to the database at `connectionString` and brings its schema up to date; rejects when
   * the server cannot be reached or the schema is newer than this relay knows.
   */
  static async open(connectionString: string, options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    // Ledger updates are committed on a connection of their own, so they never queue behind other
    // queries for one of the pool's: what peers wait for stays off the rest of the relay's work.
    // It is kept open while idle: the first edit after a quiet spell would otherwise wait to connect.
    const pool = openPool(connectionString, SHARED_CONNECTIONS);
    const appendPool = openPool(connectionString, 1, true);
    const logger = options.logger ?? silentLogger;
    // A pooled connection the server drops while idle (a restart, a failover) is told here and
    // replaced on the next query; unheard, it would end the process.
    for (const each of [pool, appendPool]) {
      each.on('error', (error) =>
        logger.warn({ err: error }, 'a PostgreSQL connection was lost; the next query reconnects'),
      );
    }
    try {
      await migrate(pool, logger);
    } catch (error) {
      await Promise.all([pool.end(), appendPool.end()]);
      throw error;
    }
    return new PostgresStorage(pool, appendPool);
  }

  async registerUser(user: NewUser, admission: Admission, welcome: AccountWelcome): Promise<AdmissionOutcome> {
    return transaction(this.pool, async (tx) => {
      const outcome = await this.accounts.admitUserIn(tx, user, admission);
      if (outcome === 'created') await this.mail.welcomeIn(tx, user.id, welcome);
      return outcome;
    });
  }

  async notify(notification: NewNotification): Promise<boolean> {
    return transaction(this.pool, (tx) => this.notifyIn(tx, notification));
  }

  private async notifyIn(tx: Sql, notification: NewNotification): Promise<boolean> {
    const { dedupeKey, userId, createdAt, pushes, mail } = notification;
    if (!(await this.push.notifyIn(tx, dedupeKey, userId, createdAt, pushes))) return false;
    if (mail !== null) await this.mail.enqueueIn(tx, mail);
    return true;
  }

  async changeEmail(tokenHash: string, at: number): Promise<EmailChangeOutcome> {
    return transaction(this.pool, async (tx): Promise<EmailChangeOutcome> => {
      const change = await this.mail.spendEmailChangeIn(tx, tokenHash, at);
      if (change === null) return { kind: 'invalid' };
      if (!(await this.accounts.setEmailIn(tx, change.userId, change.email))) return { kind: 'taken' };
      await this.mail.markVerifiedIn(tx, change.userId, at);
      return { kind: 'changed', ...change };
    });
  }

  async inviteToLedger(
    invitation: NewLedgerInvitation,
    mail: NewMail | null,
    notification: NewNotification | null,
  ): Promise<void> {
    await transaction(this.pool, async (tx) => {
      await this.accounts.createLedgerInvitationIn(tx, invitation);
      if (mail !== null) await this.mail.enqueueIn(tx, mail);
      if (notification !== null) await this.notifyIn(tx, notification);
    });
  }

  async fulfilPayment(event: PaymentEvent, at: number): Promise<PaymentFulfilment> {
    return transaction(this.pool, async (tx): Promise<PaymentFulfilment> => {
      const fulfilment = await this.payments.fulfilIn(tx, event, at);
      const change = bookingChangeOf(fulfilment, event, at);
      const booking = change === null ? null : await this.advisors.transitionBookingIn(tx, change);
      if (fulfilment.outcome !== 'paid' || booking !== null || fulfilment.payment === null) {
        return { ...fulfilment, booking };
      }
      const late = await this.payments.markLateIn(tx, event.provider, fulfilment.payment.checkoutId, at);
      return { outcome: 'late', payment: late, booking: null };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.documents.settled();
    await Promise.all([this.pool.end(), this.appendPool.end()]);
  }
}

/**
 * Runs the migrations this database has not had, each in its own transaction, holding a session
 * advisory lock: relays starting together migrate one at a time, and the later ones find nothing
 * left to do.
 */
async function migrate(pool: pg.Pool, logger: RelayLogger): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [advisoryLocks.migrations]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      const applied =
        (await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations'))
          .rows[0]?.version ?? 0;
      if (applied > postgresMigrations.length) throw new NewerDatabaseError(applied, postgresMigrations.length);
      for (let version = applied; version < postgresMigrations.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(postgresMigrations[version] ?? '');
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
            version + 1,
            Date.now(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      if (applied < postgresMigrations.length) {
        logger.info({ from: applied, to: postgresMigrations.length }, 'relay database migrated');
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [advisoryLocks.migrations]);
    }
  } finally {
    client.release();
  }
}
