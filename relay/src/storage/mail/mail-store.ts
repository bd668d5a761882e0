/** The languages a mail is written in: the recipient's chosen one (M3). */
export const mailLanguages = ['en', 'es', 'de'] as const;
export type MailLanguage = (typeof mailLanguages)[number];

/** What a mail says; each kind is a template in every language (`src/mail/templates.ts`). */
export type MailKind =
  | 'email-verification'
  | 'password-reset'
  | 'registration'
  | 'registration-attempt'
  | 'email-change'
  | 'email-change-notice'
  | 'ledger-invitation'
  | 'bill-reminder'
  | 'booking-update'
  | 'chat-messages'
  | 'payment-received'
  | 'refund-issued'
  | 'payment-failed';

/** What a link sent by mail lets its holder do, once, until it expires (M4). */
export type MailTokenPurpose = 'verify-email' | 'reset-password';

/** A mail to send (M1). Two mails with the same dedupe key are one mail: the second is never stored. */
export interface NewMail {
  readonly dedupeKey: string;
  readonly to: string;
  readonly kind: MailKind;
  readonly language: MailLanguage;
  /** What the template fills in (a link, a bill's name). Erased once the mail is sent or has failed. */
  readonly values: Readonly<Record<string, string>>;
  readonly createdAt: number;
}

export type MailState = 'pending' | 'sent' | 'failed';

export interface OutboxMail extends NewMail {
  readonly id: number;
  /** Delivery attempts that have ended, in failure, so far. */
  readonly attempts: number;
  readonly state: MailState;
  readonly nextAttemptAt: number;
  readonly finishedAt: number | null;
  /** Why the last attempt failed, as the mail server or the network said it. */
  readonly lastError: string | null;
}

/** A token sent in a link: only its hash is stored. */
export interface NewMailToken {
  readonly tokenHash: string;
  readonly userId: string;
  readonly purpose: MailTokenPurpose;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/**
 * An account's asked change of address (M7): the new address, and the hash of the token in the
 * link mailed to it. The address changes only when that link is opened.
 */
export interface NewEmailChange {
  readonly tokenHash: string;
  readonly userId: string;
  readonly email: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A change of address whose link was opened: the account, and the address it asked for. */
export interface SpentEmailChange {
  readonly userId: string;
  readonly email: string;
}

/** A link's token and the mail that carries it. */
export interface MailLink {
  readonly token: NewMailToken;
  readonly mail: NewMail;
}

/** What is kept for a new account: its mail language and, with mail on, its verification link (M3, M4). */
export interface AccountWelcome {
  readonly language: MailLanguage;
  readonly verification: MailLink | null;
}

/**
 * The outbox of mails the relay sends, the tokens of the links in them, and each account's mail
 * language and whether its address is verified.
 */
export interface MailStore {
  /** Stores the mail unless one with its dedupe key exists; false when it does. */
  enqueue(mail: NewMail): Promise<boolean>;
  /**
   * Stores the token and the mail that carries it in one transaction; neither is stored (false)
   * when a mail with the same dedupe key exists.
   */
  issueToken(token: NewMailToken, mail: NewMail): Promise<boolean>;
  /** The user whose token this is, if it is of that purpose, unspent and not expired at `at`. */
  tokenOwner(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null>;
  /**
   * Spends the token (and every other unspent token of its user and purpose) if `tokenOwner`
   * would name its user; that user, or null when it is not, or no longer, valid.
   */
  spendToken(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null>;

  /**
   * Stores the change of address and the mail that carries its link in one transaction; neither
   * is stored (false) when a mail with the same dedupe key exists (M7).
   */
  issueEmailChange(change: NewEmailChange, mail: NewMail): Promise<boolean>;
  /**
   * Spends the change's link (and every other unspent one of its account) if it is unspent and
   * not expired at `at`; the account and the address it asked for, or null.
   */
  spendEmailChange(tokenHash: string, at: number): Promise<SpentEmailChange | null>;
  /** Spends every unspent change-of-address link of the account: a password reset ends them (M7). */
  cancelEmailChanges(userId: string, at: number): Promise<void>;

  /** The pending mails due at `at`, oldest first. */
  dueMails(at: number, limit: number): Promise<readonly OutboxMail[]>;
  /** When the earliest pending mail is due; null when none is pending. */
  nextDueAt(): Promise<number | null>;
  /** The mail server took it: it is never sent again. */
  markSent(id: number, at: number): Promise<void>;
  /** The attempt failed for a reason that may pass: try again at `nextAttemptAt`. */
  markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void>;
  /** The attempt failed for good: it is never sent. */
  markFailed(id: number, at: number, reason: string): Promise<void>;
  findMail(dedupeKey: string): Promise<OutboxMail | null>;
  /** Deletes mails sent or failed before `before`, and tokens and changes of address that expired before it; how many of each. */
  prune(before: number): Promise<{ readonly mails: number; readonly tokens: number }>;

  /** The account's mail language, kept from its registration. */
  setLanguage(userId: string, language: MailLanguage): Promise<void>;
  languageOf(userId: string): Promise<MailLanguage | null>;
  markVerified(userId: string, at: number): Promise<void>;
  /** When the account's email address was verified; null while it is not. */
  verifiedAt(userId: string): Promise<number | null>;
}
