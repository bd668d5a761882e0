import type pg from 'pg';
import { type Sql, transaction } from '../postgres-database.js';
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

const outboxColumns =
  'id, dedupe_key, recipient, kind, language, template_values, created_at, attempts, state, next_attempt_at, finished_at, last_error';

/**
 * The mail store in the same tables as `SqliteMailStore`, in PostgreSQL. A mail's row is committed
 * before anything tries to send it, so a relay killed mid-send sends it after restart; its dedupe
 * key makes a mail queued by two relays at once one mail.
 */
export class PostgresMailStore implements MailStore {
  constructor(private readonly pool: pg.Pool) {}

  async enqueue(mail: NewMail): Promise<boolean> {
    return insertMail(this.pool, mail);
  }

  /** `enqueue` inside the caller's transaction. */
  async enqueueIn(tx: Sql, mail: NewMail): Promise<boolean> {
    return insertMail(tx, mail);
  }

  async issueToken(token: NewMailToken, mail: NewMail): Promise<boolean> {
    return transaction(this.pool, async (tx) => {
      if (!(await insertMail(tx, mail))) return false;
      await insertToken(tx, token);
      return true;
    });
  }

  /** Keeps a new account's language and queues its verification mail with its token, inside the caller's transaction. */
  async welcomeIn(tx: Sql, userId: string, welcome: AccountWelcome): Promise<void> {
    await setLanguage(tx, userId, welcome.language);
    if (welcome.verification === null || !(await insertMail(tx, welcome.verification.mail))) return;
    await insertToken(tx, welcome.verification.token);
  }

  async tokenOwner(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null> {
    return validTokenOwner(this.pool, tokenHash, purpose, at, '');
  }

  async spendToken(tokenHash: string, purpose: MailTokenPurpose, at: number): Promise<string | null> {
    return transaction(this.pool, async (tx) => {
      const userId = await validTokenOwner(tx, tokenHash, purpose, at, 'FOR UPDATE');
      if (userId === null) return null;
      await tx.query('UPDATE mail_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL', [
        at,
        userId,
        purpose,
      ]);
      return userId;
    });
  }

  async issueEmailChange(change: NewEmailChange, mail: NewMail): Promise<boolean> {
    return transaction(this.pool, async (tx) => {
      if (!(await insertMail(tx, mail))) return false;
      await tx.query(
        'INSERT INTO email_changes (token_hash, user_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [change.tokenHash, change.userId, change.email, change.createdAt, change.expiresAt],
      );
      return true;
    });
  }

  async spendEmailChange(tokenHash: string, at: number): Promise<SpentEmailChange | null> {
    return transaction(this.pool, (tx) => this.spendEmailChangeIn(tx, tokenHash, at));
  }

  /** `spendEmailChange` inside the caller's transaction; the change's row stays locked until it ends. */
  async spendEmailChangeIn(tx: Sql, tokenHash: string, at: number): Promise<SpentEmailChange | null> {
    const row = (
      await tx.query<{ user_id: string; email: string }>(
        'SELECT user_id, email FROM email_changes WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE',
        [tokenHash, at],
      )
    ).rows[0];
    if (row === undefined) return null;
    await tx.query('UPDATE email_changes SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL', [at, row.user_id]);
    return { userId: row.user_id, email: row.email };
  }

  async cancelEmailChanges(userId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE email_changes SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL', [at, userId]);
  }

  async dueMails(at: number, limit: number): Promise<readonly OutboxMail[]> {
    const result = await this.pool.query<OutboxRow>(
      `SELECT ${outboxColumns} FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at, id LIMIT $2`,
      [at, limit],
    );
    return result.rows.map(toMail);
  }

  async nextDueAt(): Promise<number | null> {
    const result = await this.pool.query<{ at: number | null }>(
      `SELECT min(next_attempt_at) AS at FROM mail_outbox WHERE state = 'pending'`,
    );
    return result.rows[0]?.at ?? null;
  }

  async markSent(id: number, at: number): Promise<void> {
    await this.pool.query(
      `UPDATE mail_outbox SET state = 'sent', finished_at = $1, template_values = NULL WHERE id = $2 AND state = 'pending'`,
      [at, id],
    );
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string): Promise<void> {
    await this.pool.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2
       WHERE id = $3 AND state = 'pending'`,
      [nextAttemptAt, reason, id],
    );
  }

  async markFailed(id: number, at: number, reason: string): Promise<void> {
    await this.pool.query(
      `UPDATE mail_outbox SET state = 'failed', attempts = attempts + 1, finished_at = $1, last_error = $2,
       template_values = NULL WHERE id = $3 AND state = 'pending'`,
      [at, reason, id],
    );
  }

  async findMail(dedupeKey: string): Promise<OutboxMail | null> {
    const row = (
      await this.pool.query<OutboxRow>(`SELECT ${outboxColumns} FROM mail_outbox WHERE dedupe_key = $1`, [dedupeKey])
    ).rows[0];
    return row === undefined ? null : toMail(row);
  }

  async prune(before: number): Promise<{ readonly mails: number; readonly tokens: number }> {
    return transaction(this.pool, async (tx) => ({
      mails:
        (await tx.query(`DELETE FROM mail_outbox WHERE state != 'pending' AND finished_at < $1`, [before])).rowCount ??
        0,
      tokens:
        ((await tx.query('DELETE FROM mail_tokens WHERE expires_at < $1', [before])).rowCount ?? 0) +
        ((await tx.query('DELETE FROM email_changes WHERE expires_at < $1', [before])).rowCount ?? 0),
    }));
  }

  async setLanguage(userId: string, language: MailLanguage): Promise<void> {
    await setLanguage(this.pool, userId, language);
  }

  async languageOf(userId: string): Promise<MailLanguage | null> {
    const result = await this.pool.query<{ language: MailLanguage }>(
      'SELECT language FROM mail_accounts WHERE user_id = $1',
      [userId],
    );
    return result.rows[0]?.language ?? null;
  }

  async markVerified(userId: string, at: number): Promise<void> {
    await this.markVerifiedIn(this.pool, userId, at);
  }

  /** `markVerified` inside the caller's transaction. */
  async markVerifiedIn(sql: Sql, userId: string, at: number): Promise<void> {
    await sql.query(
      `INSERT INTO mail_accounts (user_id, language, verified_at) VALUES ($1, 'en', $2)
       ON CONFLICT (user_id) DO UPDATE SET verified_at = coalesce(mail_accounts.verified_at, excluded.verified_at)`,
      [userId, at],
    );
  }

  async verifiedAt(userId: string): Promise<number | null> {
    const result = await this.pool.query<{ verified_at: number | null }>(
      'SELECT verified_at FROM mail_accounts WHERE user_id = $1',
      [userId],
    );
    return result.rows[0]?.verified_at ?? null;
  }
}

async function insertMail(sql: Sql, mail: NewMail): Promise<boolean> {
  const result = await sql.query(
    `INSERT INTO mail_outbox (dedupe_key, recipient, kind, language, template_values, created_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
    [mail.dedupeKey, mail.to, mail.kind, mail.language, JSON.stringify(mail.values), mail.createdAt, mail.createdAt],
  );
  return result.rowCount !== 0;
}

async function insertToken(sql: Sql, token: NewMailToken): Promise<void> {
  await sql.query(
    'INSERT INTO mail_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [token.tokenHash, token.userId, token.purpose, token.createdAt, token.expiresAt],
  );
}

async function setLanguage(sql: Sql, userId: string, language: MailLanguage): Promise<void> {
  await sql.query(
    `INSERT INTO mail_accounts (user_id, language) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET language = excluded.language`,
    [userId, language],
  );
}

async function validTokenOwner(
  sql: Sql,
  tokenHash: string,
  purpose: MailTokenPurpose,
  at: number,
  lock: '' | 'FOR UPDATE',
): Promise<string | null> {
  const result = await sql.query<{ user_id: string }>(
    `SELECT user_id FROM mail_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 ${lock}`,
    [tokenHash, purpose, at],
  );
  return result.rows[0]?.user_id ?? null;
}
