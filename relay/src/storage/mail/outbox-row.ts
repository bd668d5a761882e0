import type { MailKind, MailLanguage, MailState, OutboxMail } from './mail-store.js';

/** How a mail comes out of an outbox row: the same columns in SQLite and PostgreSQL. */
export interface OutboxRow {
  id: number;
  dedupe_key: string;
  recipient: string;
  kind: MailKind;
  language: MailLanguage;
  template_values: string | null;
  created_at: number;
  attempts: number;
  state: MailState;
  next_attempt_at: number;
  finished_at: number | null;
  last_error: string | null;
}

export function toMail(row: OutboxRow): OutboxMail {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    to: row.recipient,
    kind: row.kind,
    language: row.language,
    values: row.template_values === null ? {} : (JSON.parse(row.template_values) as Record<string, string>),
    createdAt: row.created_at,
    attempts: row.attempts,
    state: row.state,
    nextAttemptAt: row.next_attempt_at,
    finishedAt: row.finished_at,
    lastError: row.last_error,
  };
}
