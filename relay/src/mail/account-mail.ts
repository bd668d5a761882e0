import { createHash, randomBytes } from 'node:crypto';
import type { PendingRegistration } from '../auth/registration-links.js';
import { registrationLinkHours } from '../auth/registration-links.js';
import {
  type AccountWelcome,
  type MailKind,
  type MailLanguage,
  type MailLink,
  type MailStore,
  type MailTokenPurpose,
  mailLanguages,
} from '../storage/mail/mail-store.js';
import type { OutboxSender } from './outbox-sender.js';

const hourMs = 60 * 60 * 1000;
/** How long a link in mail works (M4). */
export const verificationHours = 7 * 24;
export const resetHours = 1;
export const emailChangeHours = 24;
/** A known address is sent at most one reset mail, and one new verification mail, per window (M5, M6). */
const askedWindowMs = 10 * 60 * 1000;

export function newMailToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of the tokens in links are stored, so a copy of the database opens no account. */
export function hashMailToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The first of the relay's mail languages an `Accept-Language` header names, by its weights; else English (M3). */
export function mailLanguageFrom(header: string | undefined): MailLanguage {
  const ranked = (header ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => mailLanguages.find((language) => language === entry.primary)).find(Boolean) ?? 'en';
}

export interface MailAccount {
  readonly id: string;
  readonly email: string;
}

/**
 * The mails an account gets (M4, M5): each queued with its link's token in one transaction, then
 * handed to the sender. Without a sender (mail off), nothing is queued.
 */
export class AccountMail {
  constructor(
    private readonly store: MailStore,
    private readonly sender: OutboxSender | null,
    private readonly publicUrl: string | null,
  ) {}

  get enabled(): boolean {
    return this.sender !== null && this.publicUrl !== null;
  }

  /**
   * What a new account is sent — its language and a link that verifies its address — for storage
   * to keep in the transaction that creates the account (M4); with mail off, the language only.
   */
  welcome(account: MailAccount, language: MailLanguage): AccountWelcome {
    const verification = this.newLink(
      account,
      'verify-email',
      `email-verification:${account.id}`,
      verificationHours,
      language,
    );
    return { language, verification };
  }

  /** A mail was queued outside `issue` (a registration's welcome): the sender looks for it now. */
  queued(): void {
    this.sender?.wake();
  }

  /**
   * Queues the verification mail of each unverified account created in the last week that has none — one
   * made while mail was off, or before the account and its mail were stored together (M4).
   */
  async recoverVerifications(accounts: readonly (MailAccount & { readonly createdAt: number })[]): Promise<void> {
    if (!this.enabled) return;
    const since = Date.now() - verificationHours * hourMs;
    for (const account of accounts) {
      if (account.createdAt < since) continue;
      if ((await this.store.verifiedAt(account.id)) !== null) continue;
      if ((await this.store.findMail(`email-verification:${account.id}`)) !== null) continue;
      const language = (await this.store.languageOf(account.id)) ?? 'en';
      await this.store.setLanguage(account.id, language);
      await this.issue(account, 'verify-email', `email-verification:${account.id}`, verificationHours, language);
    }
  }

  /**
   * Mails a reset link to the account, if there is one; the same work either way, so neither the
   * answer nor its time tells whether the address has an account (M5).
   */
  async passwordResetAsked(account: MailAccount | null, fallbackLanguage: MailLanguage): Promise<void> {
    const now = Date.now();
    if (account === null) {
      hashMailToken(newMailToken());
      return;
    }
    const language = (await this.store.languageOf(account.id)) ?? fallbackLanguage;
    const window = Math.floor(now / askedWindowMs);
    await this.issue(account, 'reset-password', `password-reset:${account.id}:${window}`, resetHours, language);
  }

  /**
   * Mails the link that finishes an open registration (A5) to its address: one per registration,
   * so a person's own link is never held back by one someone else asked for; how many a client
   * can ask for is bounded by the auth routes' rate limit.
   */
  async registrationAsked(pending: PendingRegistration, token: string): Promise<void> {
    if (this.sender === null || this.publicUrl === null) return;
    const createdAt = Date.now();
    const stored = await this.store.enqueue({
      dedupeKey: `registration:${pending.email}:${hashMailToken(token)}`,
      to: pending.email,
      kind: 'registration',
      language: pending.language,
      values: { link: `${this.publicUrl}/#/verify-email?token=${token}`, hours: String(registrationLinkHours) },
      createdAt,
    });
    if (stored) this.sender.wake();
  }

  /**
   * Tells an account that someone tried to register its address (A5), with a link to set a new
   * password for the case it was its owner who forgot having one: once per window at most.
   */
  async registrationAttempted(account: MailAccount, fallbackLanguage: MailLanguage): Promise<void> {
    const language = (await this.store.languageOf(account.id)) ?? fallbackLanguage;
    const window = Math.floor(Date.now() / askedWindowMs);
    await this.issue(
      account,
      'reset-password',
      `registration-attempt:${account.id}:${window}`,
      resetHours,
      language,
      'registration-attempt',
    );
  }

  /**
   * Mails a new verification link to an account whose address is not verified, at most one per
   * window; an account already verified is sent nothing, and the caller answers the same (M6).
   */
  async verificationAsked(account: MailAccount): Promise<void> {
    if ((await this.store.verifiedAt(account.id)) !== null) return;
    const language = (await this.store.languageOf(account.id)) ?? 'en';
    const window = Math.floor(Date.now() / askedWindowMs);
    await this.issue(
      account,
      'verify-email',
      `email-verification:${account.id}:${window}`,
      verificationHours,
      language,
    );
  }

  /**
   * Mails the link that gives the account a new address to that address, and a notice to its
   * current one (M7). An address that already has an account — this one or another — is sent
   * nothing and nothing changes; the notice goes either way, so the answer and the current
   * mailbox tell nothing about the other address. At most one of each per address per window.
   */
  async emailChangeAsked(account: MailAccount, newEmail: string, taken: boolean): Promise<void> {
    if (this.sender === null || this.publicUrl === null) return;
    const language = (await this.store.languageOf(account.id)) ?? 'en';
    const createdAt = Date.now();
    const asked = `${account.id}:${hashMailToken(newEmail)}:${Math.floor(createdAt / askedWindowMs)}`;
    const token = newMailToken();
    const change = {
      tokenHash: hashMailToken(token),
      userId: account.id,
      email: newEmail,
      createdAt,
      expiresAt: createdAt + emailChangeHours * hourMs,
    };
    const link = {
      dedupeKey: `email-change:${asked}`,
      to: newEmail,
      kind: 'email-change',
      language,
      values: { link: `${this.publicUrl}/#/change-email?token=${token}`, hours: String(emailChangeHours) },
      createdAt,
    } as const;
    const notice = {
      dedupeKey: `email-change-notice:${asked}`,
      to: account.email,
      kind: 'email-change-notice',
      language,
      values: { link: `${this.publicUrl}/#/settings`, email: newEmail },
      createdAt,
    } as const;
    const linked = !taken && (await this.store.issueEmailChange(change, link));
    const noticed = await this.store.enqueue(notice);
    if (linked || noticed) this.sender.wake();
  }

  private async issue(
    account: MailAccount,
    purpose: MailTokenPurpose,
    dedupeKey: string,
    hours: number,
    language: MailLanguage,
    kind?: MailKind,
  ): Promise<void> {
    const issued = this.newLink(account, purpose, dedupeKey, hours, language, kind);
    if (issued === null) return;
    if (await this.store.issueToken(issued.token, issued.mail)) this.sender?.wake();
  }

  private newLink(
    account: MailAccount,
    purpose: MailTokenPurpose,
    dedupeKey: string,
    hours: number,
    language: MailLanguage,
    kind: MailKind = purpose === 'verify-email' ? 'email-verification' : 'password-reset',
  ): MailLink | null {
    if (this.sender === null || this.publicUrl === null) return null;
    const token = newMailToken();
    const createdAt = Date.now();
    return {
      token: {
        tokenHash: hashMailToken(token),
        userId: account.id,
        purpose,
        createdAt,
        expiresAt: createdAt + hours * hourMs,
      },
      mail: {
        dedupeKey,
        to: account.email,
        kind,
        language,
        values: { link: `${this.publicUrl}/#/${purpose}?token=${token}`, hours: String(hours) },
        createdAt,
      },
    };
  }
}
