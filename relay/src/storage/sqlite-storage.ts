import Database from 'better-sqlite3';
import { type RelayLogger, silentLogger } from '../relay-logger.js';
import { SqliteAccounts } from './accounts/sqlite-accounts.js';
import { SqliteLedgerDocuments } from './documents/sqlite-ledger-documents.js';
import { SqliteMailStore } from './mail/sqlite-mail-store.js';
import { migrations } from './migrations.js';
import { SqlitePushStore } from './push/sqlite-push-store.js';
import type { RelayStorage } from './relay-storage.js';

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
  private readonly db: Database.Database;

  constructor(filename: string, options: SqliteStorageOptions = {}) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, options.logger ?? silentLogger);
    this.documents = new SqliteLedgerDocuments(this.db);
    this.accounts = new SqliteAccounts(this.db);
    this.mail = new SqliteMailStore(this.db);
    this.push = new SqlitePushStore(this.db);
  }

  /** A consistent copy of the live database, taken without stopping the relay (SQLite backup API). */
  async backup(file: string): Promise<void> {
    this.documents.commitPending();
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.documents.commitPending();
    this.db.close();
  }
}

function migrate(db: Database.Database, logger: RelayLogger): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied >= migrations.length) return;
  db.transaction(() => {
    for (let version = applied; version < migrations.length; version++) {
      db.exec(migrations[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }
  })();
  logger.info({ from: applied, to: migrations.length }, 'relay database migrated');
}
