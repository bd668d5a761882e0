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
  CREATE TABLE advisor_profiles (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    display_name TEXT NOT NULL,
    headline TEXT NOT NULL,
    bio TEXT NOT NULL,
    specialties TEXT NOT NULL,
    languages TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    session_minutes INTEGER NOT NULL,
    price_minor INTEGER,
    price_currency TEXT,
    accepting_clients INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((price_minor IS NULL) = (price_currency IS NULL))
  );
  CREATE TABLE advisor_availability (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    weekly TEXT NOT NULL,
    exceptions TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    advisor_id TEXT NOT NULL REFERENCES users(id),
    client_id TEXT NOT NULL REFERENCES users(id),
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'accepted', 'awaiting_payment', 'confirmed', 'declined',
      'expired', 'cancelled', 'completed', 'no_show')),
    price_minor INTEGER,
    price_currency TEXT,
    share_doc_id TEXT REFERENCES docs(id),
    share_state TEXT CHECK (share_state IN ('pending', 'granted', 'already_member', 'ended')),
    idempotency_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    respond_by INTEGER NOT NULL,
    payment_due_at INTEGER,
    UNIQUE (client_id, idempotency_key)
  );
  CREATE UNIQUE INDEX bookings_holding_slot ON bookings (advisor_id, start_at)
    WHERE status IN ('requested', 'accepted', 'awaiting_payment', 'confirmed');
  CREATE INDEX bookings_by_advisor ON bookings (advisor_id, start_at);
  CREATE INDEX bookings_by_client ON bookings (client_id, start_at);
  CREATE INDEX bookings_by_status ON bookings (status);
  CREATE TABLE booking_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id TEXT NOT NULL REFERENCES bookings(id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('client', 'advisor', 'relay')),
    actor_id TEXT,
    at INTEGER NOT NULL,
    reason TEXT
  );
  CREATE INDEX booking_events_by_booking ON booking_events (booking_id, id);
  `,
  `
  CREATE TABLE event_sequences (
    user_id TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL
  );
  CREATE TABLE events (
    user_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, seq),
    UNIQUE (user_id, dedupe_key)
  );
  CREATE INDEX events_by_time ON events (created_at);
  `,
  `
  CREATE TABLE chat_messages (
    booking_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    client_id TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (booking_id, seq),
    UNIQUE (booking_id, sender_id, client_id)
  );
  CREATE TABLE chat_reads (
    booking_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (booking_id, user_id)
  );
  `,
  `
  CREATE TABLE email_changes (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    email TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX email_changes_by_user ON email_changes (user_id);
  `,
  `
  CREATE TABLE payments (
    provider TEXT NOT NULL CHECK (provider IN ('stripe', 'razorpay')),
    checkout_id TEXT NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings(id),
    attempt INTEGER NOT NULL,
    client_id TEXT NOT NULL REFERENCES users(id),
    advisor_id TEXT NOT NULL REFERENCES users(id),
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    url TEXT,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'mismatched', 'late', 'expired', 'failed', 'refunding',
      'refunded')),
    payment_id TEXT,
    paid_amount INTEGER,
    paid_currency TEXT,
    paid_at INTEGER,
    refund_id TEXT,
    refund_amount INTEGER,
    refund_requested_at INTEGER,
    refunded_at INTEGER,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (provider, checkout_id),
    UNIQUE (booking_id, attempt)
  );
  CREATE INDEX payments_by_payment ON payments (provider, payment_id);
  CREATE INDEX payments_by_client ON payments (client_id, created_at);
  CREATE INDEX payments_by_advisor ON payments (advisor_id, created_at);
  CREATE TABLE payment_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (provider, event_id)
  );
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
  `
  ALTER TABLE payments ADD COLUMN refund_due_at INTEGER;
  ALTER TABLE payments ADD COLUMN refund_attempts INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX payments_refunds_due ON payments (refund_due_at) WHERE refund_due_at IS NOT NULL;
  `,
  `
  ALTER TABLE blob_references ADD COLUMN seen_seq INTEGER NOT NULL DEFAULT 0;
  `,
  `
  ALTER TABLE chat_messages ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE blob_chat_references (
    booking_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (booking_id, hash)
  );
  CREATE INDEX blob_chat_references_by_hash ON blob_chat_references (hash);
  `,
];
