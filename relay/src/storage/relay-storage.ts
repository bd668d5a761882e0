import type { Accounts, Admission, AdmissionOutcome, NewUser } from './accounts/accounts.js';
import type { BlobRecords } from './blobs/blob-records.js';
import type { LedgerDocuments } from './documents/ledger-documents.js';
import type { AccountWelcome, MailStore, NewMail } from './mail/mail-store.js';
import type { NewPush, PushStore } from './push/push-store.js';

/** A notification as it is made: its pushes and, when it goes by email too, its mail (N2, N3). */
export interface NewNotification {
  readonly dedupeKey: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly pushes: readonly NewPush[];
  readonly mail: NewMail | null;
}

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
  /** The files the relay keeps, who uploaded them and the ledgers that reference them (BLOB1–BLOB6); their bytes are a `BlobStore`'s. */
  readonly blobs: BlobRecords;
  /**
   * Records the notification by its dedupe key and queues its pushes and its mail in one
   * transaction, so each goes once or not at all (N2); nothing is stored (false) when a
   * notification with that key was made before.
   */
  notify(notification: NewNotification): Promise<boolean>;
  /** Stores what is pending and lets go of the database. */
  close(): Promise<void>;
}
