import type { Accounts, Admission, AdmissionOutcome, NewUser } from './accounts/accounts.js';
import type { LedgerDocuments } from './documents/ledger-documents.js';
import type { AccountWelcome, MailStore } from './mail/mail-store.js';
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
  /**
   * `accounts.admitUser`, and when the account is created, its language and verification mail
   * kept in the same transaction: the account and its verification mail are stored together or not at all (M4).
   */
  registerUser(user: NewUser, admission: Admission, welcome: AccountWelcome): Promise<AdmissionOutcome>;
  readonly push: PushStore;
  /** Stores what is pending and lets go of the database. */
  close(): Promise<void>;
}
