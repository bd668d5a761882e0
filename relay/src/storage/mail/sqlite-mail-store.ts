import type Database from 'better-sqlite3';
import type {
  AccountWelcome,
  MailLanguage,
  MailStore,
  MailTokenPurpose,
  NewEmailChange,
  NewMail,
  NewMailToken,
  OutboxMail,
  SpentEmailChange,
} from './mail-store.js';
import { type OutboxRow, toMail } from './outbox-row.js';

/**
 * The mail store in the `mail_outbox`, `mail_tokens` and `mail_accounts` tables. A mail's row is
 * committed before anything tries to send it, so a relay killed mid-send sends it after restart.
 */
export class SqliteMailStore implements MailStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async enqueue(mail: NewMail): Promise<boolean> {
    return this.enqueueNow(mail);
  }

  /** `enqueue`, synchronously, inside the caller's transaction when there is one. */
  enqueueNow(mail: NewMail): boolean {
    return this.insert(mail);
  }

  async issueToken(token: NewMailToken, mail: NewMail): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.insert(mail)) return false;
      this.statements.insertToken.run(token.tokenHash, token.userId, token.purpose, token.createdAt, token.expiresAt);
      return true;
    })();
  }

  /** Keeps a new account's language and queues its verification mail with its token, synchronously, inside the caller's transaction. */
  welcomeNow(userId: string, welcome: AccountWelcome): void {
    this.db.transaction(() => {
      this.statements.setLanguage.run(userId, welcome.language);
      if (welcome.verification === null || !this.insert(welcome.verification.mail)) return;
      const { token } = welcome.verification;
      this.statements.insertToken.run(token.tokenHash, token.userId, token.purpose, token.createdAt, token.expiresAt);
    })();
  }

  async tokenOwner(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null> {
    const row = this.statements.validToken.get(tokenHash, purpose, at) as { user_id: string } | undefined;
    return row?.user_id ?? null;
  }

  async spendToken(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null> {
    return this.db.transaction(() => {
      const row = this.statements.validToken.get(tokenHash, purpose, at) as { user_id: string } | undefined;
      if (row === undefined) return null;
      this.statements.spendTokensOf.run(at, row.user_id, purpose);
      return row.user_id;
    })();
  }

  async issueEmailChange(change: NewEmailChange, mail: NewMail): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.insert(mail)) return false;
      this.statements.insertEmailChange.run(
        change.tokenHash,
        change.userId,
        change.email,
        change.createdAt,
        change.expiresAt,
      );
      return true;
    })();
  }

  async spendEmailChange(tokenHash: string, at: number): Promise<SpentEmailChange | null> {
    return this.spendEmailChangeNow(tokenHash, at);
  }

  /** `spendEmailChange`, synchronously, inside the caller's transaction when there is one. */
  spendEmailChangeNow(tokenHash: string, at: number): SpentEmailChange | null {
    return this.db.transaction(() => {
      const row = this.statements.validEmailChange.get(tokenHash, at) as { user_id: string; email: string } | undefined;
      if (row === undefined) return null;
      this.statements.spendEmailChangesOf.run(at, row.user_id);
      return { userId: row.user_id, email: row.email };
    })();
  }

  async cancelEmailChanges(userId: string, at: number): Promise<void> {
    this.statements.spendEmailChangesOf.run(at, userId);
  }

  async dueMails(at: number, limit: number): Promise<readonly OutboxMail[]> {
    return (this.statements.due.all(at, limit) as OutboxRow[]).map(toMail);
  }

  async nextDueAt(): Promise<number | null> {
    return (this.statements.nextDue.get() as { at: number | null }).at;
  }

  async markSent(id: number, at: number): Promise<void> {
    this.statements.markSent.run(at, id);
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void> {
    this.statements.markRetry.run(nextAttemptAt, reason, id);
  }

  async markFailed(id: number, at: number, reason: string): Promise<void> {
    this.statements.markFailed.run(at, reason, id);
  }

  async findMail(dedupeKey: string): Promise<OutboxMail | null> {
    const row = this.statements.byKey.get(dedupeKey) as OutboxRow | undefined;
    return row === undefined ? null : toMail(row);
  }

  async prune(before: number): Promise<{ readonly mails: number; readonly tokens: number }> {
    return this.db.transaction(() => ({
      mails: this.statements.pruneMails.run(before).changes,
      tokens: this.statements.pruneTokens.run(before).changes + this.statements.pruneEmailChanges.run(before).changes,
    }))();
  }

  async setLanguage(userId: string, language: MailLanguage): Promise<void> {
    this.statements.setLanguage.run(userId, language);
  }

  async languageOf(userId: string): Promise<MailLanguage | null> {
    const row = this.statements.account.get(userId) as { language: MailLanguage } | undefined;
    return row?.language ?? null;
  }

  async markVerified(userId: string, at: number): Promise<void> {
    this.markVerifiedNow(userId, at);
  }

  /** `markVerified`, synchronously, inside the caller's transaction when there is one. */
  markVerifiedNow(userId: string, at: number): void {
    this.statements.markVerified.run(userId, at);
  }

  async verifiedAt(userId: string): Promise<number | null> {
    const row = this.statements.account.get(userId) as { verified_at: number | null } | undefined;
    return row?.verified_at ?? null;
  }

  private insert(mail: NewMail): boolean {
    const result = this.statements.insertMail.run(
      mail.dedupeKey,
      mail.to,
      mail.kind,
      mail.language,
      JSON.stringify(mail.values),
      mail.createdAt,
      mail.createdAt,
    );
    return result.changes > 0;
  }
}

function prepare(db: Database.Database) {
  return {
    insertMail: db.prepare(
      `INSERT INTO mail_outbox (dedupe_key, recipient, kind, language, template_values, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
    ),
    insertToken: db.prepare(
      'INSERT INTO mail_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    validToken: db.prepare(
      `SELECT user_id FROM mail_tokens
       WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?`,
    ),
    spendTokensOf: db.prepare(
      'UPDATE mail_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL',
    ),
    due: db.prepare(
      `SELECT * FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    nextDue: db.prepare(`SELECT min(next_attempt_at) AS at FROM mail_outbox WHERE state = 'pending'`),
    markSent: db.prepare(
      `UPDATE mail_outbox SET state = 'sent', finished_at = ?, template_values = NULL
       WHERE id = ? AND state = 'pending'`,
    ),
    markRetry: db.prepare(
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
       WHERE id = ? AND state = 'pending'`,
    ),
    markFailed: db.prepare(
      `UPDATE mail_outbox SET state = 'failed', attempts = attempts + 1, finished_at = ?, last_error = ?,
       template_values = NULL WHERE id = ? AND state = 'pending'`,
    ),
    byKey: db.prepare('SELECT * FROM mail_outbox WHERE dedupe_key = ?'),
    pruneMails: db.prepare(`DELETE FROM mail_outbox WHERE state != 'pending' AND finished_at < ?`),
    pruneTokens: db.prepare('DELETE FROM mail_tokens WHERE expires_at < ?'),
    pruneEmailChanges: db.prepare('DELETE FROM email_changes WHERE expires_at < ?'),
    insertEmailChange: db.prepare(
      'INSERT INTO email_changes (token_hash, user_id, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    validEmailChange: db.prepare(
      'SELECT user_id, email FROM email_changes WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    ),
    spendEmailChangesOf: db.prepare('UPDATE email_changes SET used_at = ? WHERE user_id = ? AND used_at IS NULL'),
    setLanguage: db.prepare(
      `INSERT INTO mail_accounts (user_id, language) VALUES (?, ?)
       ON CONFLICT (user_id) DO UPDATE SET language = excluded.language`,
    ),
    account: db.prepare('SELECT language, verified_at FROM mail_accounts WHERE user_id = ?'),
    markVerified: db.prepare(
      `INSERT INTO mail_accounts (user_id, language, verified_at) VALUES (?, 'en', ?)
       ON CONFLICT (user_id) DO UPDATE SET verified_at = coalesce(verified_at, excluded.verified_at)`,
    ),
  };
}
