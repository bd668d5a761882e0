/**
 * The relay's own tables, one entry per schema version. Never edit a shipped entry: append a
 * new one. `PRAGMA user_version` records how many have run.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE docs (
    id TEXT PRIMARY KEY,
    snapshot BLOB,
    state_vector BLOB,
    updated_at INTEGER
  );
  CREATE TABLE doc_members (
    doc_id TEXT NOT NULL REFERENCES docs(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'writer', 'reader')),
    is_ledger INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, doc_id)
  );
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    update_data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER,
    last_synced_at INTEGER,
    revoked_at INTEGER
  );
  CREATE INDEX devices_by_user ON devices (user_id);
  CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices(id),
    created_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX refresh_tokens_by_device ON refresh_tokens (device_id);
  `,
  `
  ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'advisor', 'admin'));
  UPDATE users SET role = 'admin' WHERE id = (SELECT id FROM users ORDER BY created_at, id LIMIT 1);
  CREATE TABLE invitations (
    code_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    invited_by TEXT REFERENCES users(id),
    doc_id TEXT REFERENCES docs(id),
    doc_role TEXT CHECK (doc_role IN ('writer', 'reader')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    used_by TEXT REFERENCES users(id),
    CHECK ((doc_id IS NULL) = (doc_role IS NULL))
  );
  CREATE INDEX invitations_by_email ON invitations (email);
  ALTER TABLE refresh_tokens ADD COLUMN used_from TEXT;
  CREATE TABLE access_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,
    changed_at INTEGER NOT NULL
  );
  `,
  `
  CREATE TABLE doc_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    taken_at INTEGER NOT NULL,
    state BLOB NOT NULL
  );
  CREATE INDEX doc_versions_by_doc ON doc_versions (doc_id, taken_at);
  CREATE TABLE restore_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    claimed_at INTEGER,
    finished_at INTEGER,
    outcome TEXT CHECK (outcome IN ('restored', 'unknown-version', 'failed')),
    records INTEGER
  );
  CREATE INDEX restore_requests_unclaimed ON restore_requests (claimed_at);
  `,
  `
  CREATE TABLE doc_members_v3 (
    doc_id TEXT NOT NULL REFERENCES docs(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    is_ledger INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, doc_id)
  );
  INSERT INTO doc_members_v3 (doc_id, user_id, role, is_ledger)
    SELECT doc_id, user_id, CASE role WHEN 'writer' THEN 'editor' WHEN 'reader' THEN 'viewer' ELSE role END, is_ledger
    FROM doc_members;
  DROP TABLE doc_members;
  ALTER TABLE doc_members_v3 RENAME TO doc_members;
  CREATE INDEX doc_members_by_doc ON doc_members (doc_id);

  CREATE TABLE invitations_v3 (
    code_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    invited_by TEXT REFERENCES users(id),
    doc_id TEXT REFERENCES docs(id),
    doc_role TEXT CHECK (doc_role IN ('editor', 'viewer')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    used_by TEXT REFERENCES users(id),
    CHECK ((doc_id IS NULL) = (doc_role IS NULL))
  );
  INSERT INTO invitations_v3
    SELECT code_hash, email, invited_by, doc_id,
      CASE doc_role WHEN 'writer' THEN 'editor' WHEN 'reader' THEN 'viewer' ELSE doc_role END,
      created_at, expires_at, used_at, used_by
    FROM invitations;
  DROP TABLE invitations;
  ALTER TABLE invitations_v3 RENAME TO invitations;
  CREATE INDEX invitations_by_email ON invitations (email);

  CREATE TABLE ledgers (
    doc_id TEXT PRIMARY KEY REFERENCES docs(id),
    name TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
  );
  CREATE TABLE ledger_invitations (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES docs(id),
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    invited_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    used_by TEXT REFERENCES users(id),
    revoked_at INTEGER
  );
  CREATE INDEX ledger_invitations_by_doc ON ledger_invitations (doc_id);

  ALTER TABLE users ADD COLUMN disabled_at INTEGER;

  CREATE TABLE access_changes_v3 (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT,
    user_id TEXT,
    doc_id TEXT,
    changed_at INTEGER NOT NULL
  );
  INSERT INTO access_changes_v3 (seq, device_id, changed_at) SELECT seq, device_id, changed_at FROM access_changes;
  DROP TABLE access_changes;
  ALTER TABLE access_changes_v3 RENAME TO access_changes;
  `,
  `
  CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    template_values TEXT,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    next_attempt_at INTEGER NOT NULL,
    finished_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
  CREATE TABLE mail_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('verify-email', 'reset-password')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX mail_tokens_by_user ON mail_tokens (user_id, purpose);
  CREATE TABLE mail_accounts (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    language TEXT NOT NULL,
    verified_at INTEGER
  );
  `,
  `
  CREATE TABLE push_subscriptions (
    endpoint TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL REFERENCES devices(id),
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX push_subscriptions_by_user ON push_subscriptions (user_id);
  CREATE INDEX push_subscriptions_by_device ON push_subscriptions (device_id);
  CREATE TABLE push_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    next_attempt_at INTEGER NOT NULL,
    finished_at INTEGER,
    last_error TEXT
  );
  CREATE INDEX push_outbox_due ON push_outbox (state, next_attempt_at);
  CREATE TABLE notifications (
    dedupe_key TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE notification_preferences (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    time_zone TEXT,
    kinds TEXT NOT NULL
  );
  `,
  `
  ALTER TABLE docs ADD COLUMN folded_seq INTEGER NOT NULL DEFAULT 0;
  `,
  `
  CREATE TABLE blobs (
    hash TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    stored_at INTEGER NOT NULL,
    released_at INTEGER NOT NULL
  );
  CREATE INDEX blobs_released ON blobs (released_at);
  CREATE TABLE blob_uploads (
    hash TEXT NOT NULL,
    user_id TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL,
    PRIMARY KEY (hash, user_id)
  );
  CREATE INDEX blob_uploads_by_user ON blob_uploads (user_id);
  CREATE TABLE blob_references (
    doc_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (doc_id, hash)
  );
  CREATE INDEX blob_references_by_hash ON blob_references (hash);
  `,
];
