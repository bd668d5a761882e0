import type { PaymentEvent } from '../payments/payment-event.js';
import type { Accounts, Admission, AdmissionOutcome, NewLedgerInvitation, NewUser } from './accounts/accounts.js';
import type { Advisors } from './advisors/advisors.js';
import type { BlobRecords } from './blobs/blob-records.js';
import type { Conversations } from './conversations/conversations.js';
import type { LedgerDocuments } from './documents/ledger-documents.js';
import type { EventStore } from './events/event-store.js';
import type { AccountWelcome, MailStore, NewMail } from './mail/mail-store.js';
import type { PaymentFulfilment, PaymentStore } from './payments/payment-store.js';
import type { NewPush, PushStore } from './push/push-store.js';

/** A notification as it is made: its pushes and, when it goes by email too, its mail (N2, N3). */
export interface NewNotification {
  readonly dedupeKey: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly pushes: readonly NewPush[];
  readonly mail: NewMail | null;
}

/** What opening a change-of-address link did (M7). */
export type EmailChangeOutcome =
  | { readonly kind: 'changed'; readonly userId: string; readonly email: string }
  /** Not this relay's link, already used, or expired. */
  | { readonly kind: 'invalid' }
  /** Another account took the address after the change was asked: the link is spent, the address kept. */
  | { readonly kind: 'taken' };

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
  /** Every account's live events, numbered per account for replay (E2). */
  readonly events: EventStore;
  /** Each booking's conversation: its messages and how far each party read (CHAT1–CHAT6). */
  readonly conversations: Conversations;
  /** Advisors' profiles and hours, bookings and their audit trail (D1–D9). */
  readonly advisors: Advisors;
  readonly payments: PaymentStore;
  /** The files the relay keeps, who uploaded them and the ledgers that reference them (BLOB1–BLOB6); their bytes are a `BlobStore`'s. */
  readonly blobs: BlobRecords;
  /**
   * Records the notification by its dedupe key and queues its pushes and its mail in one
   * transaction, so each goes once or not at all (N2); nothing is stored (false) when a
   * notification with that key was made before.
   */
  notify(notification: NewNotification): Promise<boolean>;
  /**
   * Spends a change-of-address link and, in the same transaction, gives its account the new
   * address, verified: the link reached its mailbox (M7).
   */
  changeEmail(tokenHash: string, at: number): Promise<EmailChangeOutcome>;
  /**
   * Stores a ledger invitation and queues, in the same transaction, what tells the invitee (L6):
   * the mail to an address with no account, or the notification of an account (its pushes and
   * its mail, as `notify` does). The plain code is only ever in those, never stored of its own.
   */
  inviteToLedger(
    invitation: NewLedgerInvitation,
    mail: NewMail | null,
    notification: NewNotification | null,
  ): Promise<void>;
  /**
   * Applies a provider's payment event once (PAY3): the event id, the checkout's change and its
   * booking's compare-and-swap (paid → `confirmed`; expired or failed → `expired`) in one
   * transaction. A duplicate changes nothing; a payment its booking no longer waits for is `late`.
   */
  fulfilPayment(event: PaymentEvent, at: number): Promise<PaymentFulfilment>;
  /** Stores what is pending and lets go of the database. */
  close(): Promise<void>;
}
