import type { Accounts } from './accounts/accounts.js';
import type { LedgerDocuments } from './documents/ledger-documents.js';
import type { MailStore } from './mail/mail-store.js';
import type { PushStore } from './push/push-store.js';

/**
 * Everything the relay keeps, one area per concern. Each area is an interface with a SQLite and
 * a memory implementation that pass one contract suite; routes, rooms and the admin CLI see only
 * the areas they use, so the same code runs over SQLite in production and memory in fast tests.
 */
export interface RelayStorage {
  readonly documents: LedgerDocuments;
  readonly accounts: Accounts;
  readonly mail: MailStore;
  readonly push: PushStore;
  /** Stores what is pending and lets go of the database. */
  close(): Promise<void>;
}
