import type pg from 'pg';
import { type RelayLogger, silentLogger } from '../relay-logger.js';
import type { Admission, AdmissionOutcome, NewUser } from './accounts/accounts.js';
import { PostgresAccounts } from './accounts/postgres-accounts.js';
import { PostgresBlobRecords } from './blobs/postgres-blob-records.js';
import { PostgresLedgerDocuments } from './documents/postgres-ledger-documents.js';
import type { AccountWelcome } from './mail/mail-store.js';
import { PostgresMailStore } from './mail/postgres-mail-store.js';
import { advisoryLocks, openPool, transaction } from './postgres-database.js';
import { postgresMigrations } from './postgres-migrations.js';
import { PostgresPushStore } from './push/postgres-push-store.js';
import type { NewNotification, RelayStorage } from './relay-storage.js';
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
  readonly blobs: PostgresBlobRecords;
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {
    this.documents = new PostgresLedgerDocuments(pool);
    this.accounts = new PostgresAccounts(pool);
    this.mail = new PostgresMailStore(pool);
    this.push = new PostgresPushStore(pool);
    this.blobs = new PostgresBlobRecords(pool);
  }

  /**
   * Connects to the database at `connectionString` and brings its schema up to date; rejects when
   * the server cannot be reached or the schema is newer than this relay knows.
   */
  static async open(connectionString: string, options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    const pool = openPool(connectionString);
    const logger = options.logger ?? silentLogger;
    // A pooled connection the server drops while idle (a restart, a failover) is told here and
    // replaced on the next query; unheard, it would end the process.
    pool.on('error', (error) =>
      logger.warn({ err: error }, 'a PostgreSQL connection was lost; the next query reconnects'),
    );
    try {
      await migrate(pool, logger);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStorage(pool);
  }

  async registerUser(user: NewUser, admission: Admission, welcome: AccountWelcome): Promise<AdmissionOutcome> {
    return transaction(this.pool, async (tx) => {
      const outcome = await this.accounts.admitUserIn(tx, user, admission);
      if (outcome === 'created') await this.mail.welcomeIn(tx, user.id, welcome);
      return outcome;
    });
  }

  async notify(notification: NewNotification): Promise<boolean> {
    const { dedupeKey, userId, createdAt, pushes, mail } = notification;
    return transaction(this.pool, async (tx) => {
      if (!(await this.push.notifyIn(tx, dedupeKey, userId, createdAt, pushes))) return false;
      if (mail !== null) await this.mail.enqueueIn(tx, mail);
      return true;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.documents.settled();
    await this.pool.end();
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
