import { MAX_ATTACHMENT_BYTES } from '@tally/schema';
import {
  apiOrigin,
  bucketName,
  flag,
  oneOf,
  optional,
  originList,
  postgresUrl,
  powerOfTwo,
  providerKey,
  proxyTrust,
  publicUrl,
  redisUrl,
  type SettingType,
  secret,
  smtpUrl,
  text,
  wholeNumber,
} from './setting-types.js';

/**
 * `process`: read by `server.ts` alone (where to listen, where the data lives).
 * `relay`: an option of `buildRelay`, so code and tests can set it too.
 */
export type SettingScope = 'process' | 'relay';

export interface Setting<T, Scope extends SettingScope = SettingScope> {
  readonly env: string;
  readonly scope: Scope;
  readonly type: SettingType<T>;
  readonly default: T;
  /** What an operator reads in `.env.example` and the relay's README. */
  readonly description: string;
  /** Shown, commented out, in `.env.example` when the default is to leave it unset. */
  readonly example?: string;
}

/** Checks that a row's default is of the type its parser reads, and keeps its scope as a literal. */
function setting<T, const Scope extends SettingScope>(
  row: Omit<Setting<T, Scope>, 'default'> & { readonly default: NoInfer<T> },
): Setting<T, Scope> {
  return row;
}

/** Who takes payment for priced advisor sessions (PAY1); `none`: priced sessions cannot be booked. */
export const paymentProviders = ['none', 'stripe', 'razorpay'] as const;
export type PaymentProviderName = (typeof paymentProviders)[number];

/** Where receipts' files are kept (BLOB1): in DATA_DIR, or in an S3-compatible bucket that several relays share. */
export const blobStoreKinds = ['disk', 's3'] as const;

export const logLevels = ['silent', 'error', 'warn', 'info', 'debug'] as const;

/** Who may create an account (A1): anyone, people with an invitation, or nobody but the first. */
export const registrationPolicies = ['open', 'invite', 'closed'] as const;
export type RegistrationPolicy = (typeof registrationPolicies)[number];

const MiB = 1024 * 1024;

/**
 * Every setting of the relay, each written once: `server.ts` reads them from the environment,
 * `buildRelay` takes their defaults, and `.env.example` and the README's table are generated from
 * them (`npm run settings-docs -w relay`; a test keeps both in step). A new setting is one row here.
 */
export const relaySettings = {
  port: setting({
    env: 'PORT',
    scope: 'process',
    type: wholeNumber(0, 65535),
    default: 8080,
    description: 'The TCP port the relay listens on.',
  }),
  host: setting({
    env: 'HOST',
    scope: 'process',
    type: text,
    default: '127.0.0.1',
    description:
      'The address to listen on. Keep 127.0.0.1 behind a reverse proxy; use 0.0.0.0 inside a container or to accept other machines directly.',
  }),
  dataDir: setting({
    env: 'DATA_DIR',
    scope: 'process',
    type: text,
    default: './data',
    description:
      'Where the SQLite database (tally.db), the access-token signing key and the receipts’ files (blobs/) live. Back it up.',
  }),
  databaseUrl: setting({
    env: 'DATABASE_URL',
    scope: 'process',
    type: optional(postgresUrl),
    default: null,
    description:
      'A PostgreSQL database to keep accounts, ledgers and queues in instead of the SQLite file in DATA_DIR. The relay migrates its tables at start (one relay at a time) and stops if the database cannot be reached. Several relays may share one database when they share REDIS_URL too. DATA_DIR still holds the signing and push keys (give every relay the same).',
    example: 'postgres://tally:secret@db.example.com:5432/tally',
  }),
  redisUrl: setting({
    env: 'REDIS_URL',
    scope: 'process',
    type: optional(redisUrl),
    default: null,
    description:
      'Redis, for several relays on one DATABASE_URL: each stored update and live event reaches the other relays’ devices at once, revocations close sockets on every relay, rate limits count across relays, and a person connected to any relay is not pushed or mailed what their app shows. Only a hint: an update missed while Redis is away is read from the database. Requires DATABASE_URL.',
    example: 'redis://redis.example.com:6379',
  }),
  blobStore: setting({
    env: 'BLOB_STORE',
    scope: 'process',
    type: oneOf(blobStoreKinds),
    default: 'disk',
    description:
      'Where receipts’ files are kept: disk (DATA_DIR/blobs) or s3 (the S3-compatible bucket named by the BLOB_S3_* settings, which several relays on one DATABASE_URL must share).',
  }),
  blobS3Endpoint: setting({
    env: 'BLOB_S3_ENDPOINT',
    scope: 'process',
    type: optional(apiOrigin),
    default: null,
    description:
      'The S3-compatible service to keep files in with BLOB_STORE=s3, such as MinIO’s http://minio:9000. Unset: Amazon S3 in BLOB_S3_REGION.',
    example: 'http://minio:9000',
  }),
  blobS3Bucket: setting({
    env: 'BLOB_S3_BUCKET',
    scope: 'process',
    type: optional(bucketName),
    default: null,
    description: 'The bucket files are kept in, which must exist. Needed with BLOB_STORE=s3.',
    example: 'tally-blobs',
  }),
  blobS3Region: setting({
    env: 'BLOB_S3_REGION',
    scope: 'process',
    type: text,
    default: 'us-east-1',
    description: 'The bucket’s region, as requests are signed for it (MinIO accepts us-east-1).',
  }),
  blobS3AccessKeyId: setting({
    env: 'BLOB_S3_ACCESS_KEY_ID',
    scope: 'process',
    type: optional(text),
    default: null,
    description:
      'The access key id the relay signs its requests with: it needs to get, put, copy and delete objects in the bucket. Needed with BLOB_STORE=s3.',
    example: 'tally-relay',
  }),
  blobS3SecretAccessKey: setting({
    env: 'BLOB_S3_SECRET_ACCESS_KEY',
    scope: 'process',
    type: optional(text),
    default: null,
    description: 'The secret that goes with BLOB_S3_ACCESS_KEY_ID. Needed with BLOB_STORE=s3.',
  }),
  blobS3ForcePathStyle: setting({
    env: 'BLOB_S3_FORCE_PATH_STYLE',
    scope: 'process',
    type: flag,
    default: false,
    description:
      'true: address the bucket in the path (http://minio:9000/tally-blobs/…), as MinIO and most self-hosted services want; false: as a host name (tally-blobs.s3.amazonaws.com), as Amazon S3 wants.',
  }),
  sequenceCheckMs: setting({
    env: 'SEQUENCE_CHECK_MS',
    scope: 'relay',
    type: wholeNumber(100, 600_000),
    default: 5000,
    description:
      'With REDIS_URL: how often (milliseconds) each relay compares the newest stored update of every open ledger with what it holds, and reads what it missed. It finds an update whose Redis message was lost when no later update shows the gap.',
  }),
  appDir: setting({
    env: 'APP_DIR',
    scope: 'relay',
    type: optional(text),
    default: null,
    description:
      "The built app to serve at /. Unset, the relay serves app/dist of its own checkout. Every file under `assets/` (Vite's hashed output: put nothing there that changes under the same name) is served `immutable` for a year, the rest `no-cache`.",
    example: './app/dist',
  }),
  allowedOrigins: setting({
    env: 'ALLOWED_ORIGINS',
    scope: 'relay',
    type: originList,
    default: [],
    description: 'Origins besides the relay’s own that may open sync sockets and call the API (CORS), comma-separated.',
    example: 'https://tally.example.com',
  }),
  trustProxy: setting({
    env: 'TRUST_PROXY',
    scope: 'relay',
    type: proxyTrust,
    default: 0,
    description:
      'Behind a reverse proxy (Caddy, nginx): how many proxies are in front of the relay (1 for one), or their addresses (127.0.0.1, 10.0.0.0/8, loopback), so rate limits see real clients from X-Forwarded-For. 0: no proxy. true is refused: a client writes the leftmost entries itself.',
    example: '1',
  }),
  registration: setting({
    env: 'REGISTRATION',
    scope: 'relay',
    type: optional(oneOf(registrationPolicies)),
    default: null,
    description:
      'Who may create an account from the app: open (anyone), invite (with an invitation code from an admin) or closed (nobody). The first account may always register, and becomes the relay’s admin. Unset: invite when NODE_ENV=production, open otherwise.',
    example: 'invite',
  }),
  invitationTtlHours: setting({
    env: 'INVITATION_TTL_HOURS',
    scope: 'relay',
    type: wholeNumber(1, 90 * 24),
    default: 7 * 24,
    description: 'How long an invitation code can be used to create an account.',
  }),
  metricsToken: setting({
    env: 'METRICS_TOKEN',
    scope: 'relay',
    type: optional(secret(16)),
    default: null,
    description:
      'Set, GET /metrics answers only requests with Authorization: Bearer <this token>. Unset, /metrics answers anyone: keep it off your public proxy.',
    example: 'a-long-random-string',
  }),
  logLevel: setting({
    env: 'LOG_LEVEL',
    scope: 'relay',
    type: oneOf(logLevels),
    default: 'info',
    description: 'silent, error, warn, info or debug. Access tokens are never logged.',
  }),
  maxFrameBytes: setting({
    env: 'MAX_FRAME_BYTES',
    scope: 'relay',
    type: wholeNumber(1024, 64 * MiB),
    default: 32 * MiB,
    description:
      'A larger sync frame closes its socket (1009). A device’s first sync sends its whole ledger as one frame: 32 MiB holds about 180,000 transactions.',
  }),
  maxUpdateBytes: setting({
    env: 'MAX_UPDATE_BYTES',
    scope: 'relay',
    type: wholeNumber(1024, 64 * MiB),
    default: 8 * MiB,
    description:
      'A larger update — the edits a device sends as it makes them, after its first sync — closes its socket (1009). The first sync, which carries the whole ledger, is bounded by MAX_FRAME_BYTES instead.',
  }),
  maxStateVectorBytes: setting({
    env: 'MAX_STATE_VECTOR_BYTES',
    scope: 'relay',
    type: wholeNumber(1024, 64 * MiB),
    default: 256 * 1024,
    description:
      'A larger state vector (what a device says it holds when it connects, about 10 bytes per writer of the ledger) closes its socket (1009).',
  }),
  maxAwarenessBytes: setting({
    env: 'MAX_AWARENESS_BYTES',
    scope: 'relay',
    type: wholeNumber(256, 1024 * 1024),
    default: 16 * 1024,
    description:
      'A larger presence (awareness) message closes its socket (1009); a device’s own is a few hundred bytes.',
  }),
  syncMessagesPerSecond: setting({
    env: 'SYNC_MESSAGES_PER_SECOND',
    scope: 'relay',
    type: wholeNumber(1, 1_000_000),
    default: 100,
    description:
      'Messages (updates, presence, sync requests) one sync socket may send per second, after a burst of SYNC_MESSAGE_BURST; more close it (1013) and the device reconnects, sending what it has in one update.',
  }),
  syncMessageBurst: setting({
    env: 'SYNC_MESSAGE_BURST',
    scope: 'relay',
    type: wholeNumber(1, 10_000_000),
    default: 1000,
    description: 'How many messages a sync socket may send at once before SYNC_MESSAGES_PER_SECOND applies.',
  }),
  socketsPerDevice: setting({
    env: 'SOCKETS_PER_DEVICE',
    scope: 'relay',
    type: wholeNumber(1, 1000),
    default: 8,
    description:
      'Open sync sockets one device may hold (one per open tab or window); more upgrades are refused with 429.',
  }),
  accountQuotaBytes: setting({
    env: 'ACCOUNT_QUOTA_BYTES',
    scope: 'relay',
    type: wholeNumber(64 * 1024, Number.MAX_SAFE_INTEGER),
    default: 256 * MiB,
    description:
      'Bytes an account’s ledgers may take in storage (about 180 bytes per transaction). An update that would go past it is refused: not stored, its socket closed (1008, "storage quota reached").',
  }),
  blobMaxBytes: setting({
    env: 'BLOB_MAX_BYTES',
    scope: 'relay',
    type: wholeNumber(1024, MAX_ATTACHMENT_BYTES),
    default: 15 * MiB,
    description:
      'The largest file (a receipt’s photo or PDF) the relay keeps, in bytes, up to the 100 MiB a ledger may name. A larger upload is refused with 413 (blob_too_large) before its body is read past the limit.',
  }),
  blobQuotaBytes: setting({
    env: 'BLOB_QUOTA_BYTES',
    scope: 'relay',
    type: wholeNumber(1024, Number.MAX_SAFE_INTEGER),
    default: 1024 * MiB,
    description:
      'Bytes of files each account may upload (each file counted once per account). An upload that would go past it is refused with 507 (blob_quota_exceeded) before its body is read past the quota.',
  }),
  blobGraceDays: setting({
    env: 'BLOB_GRACE_DAYS',
    scope: 'relay',
    type: wholeNumber(1, 3650),
    default: 30,
    description:
      'Days a file no ledger references is kept before it is removed (checked every day); as long as ledgers keep their versions, so a restored version finds its files.',
  }),
  maxBufferedBytes: setting({
    env: 'MAX_BUFFERED_BYTES',
    scope: 'relay',
    type: wholeNumber(64 * 1024, 1024 * MiB),
    default: 8 * MiB,
    description:
      'A socket whose unsent data grows past this, not counting the largest message (a first sync reply), is closed as too slow (1013).',
  }),
  accessTokenTtlSeconds: setting({
    env: 'ACCESS_TOKEN_TTL_SECONDS',
    scope: 'relay',
    type: wholeNumber(10, 24 * 60 * 60),
    default: 15 * 60,
    description:
      'How long an access token is valid; devices renew theirs with their refresh token. A sync socket is closed (4001) when the token it opened with expires, and the device reconnects with its renewed one.',
  }),
  refreshGraceSeconds: setting({
    env: 'REFRESH_GRACE_SECONDS',
    scope: 'relay',
    type: wholeNumber(0, 60),
    default: 10,
    description:
      'A refresh token presented again this soon after it was rotated, from the same address, gets the same new tokens (a lost reply, or refreshes racing); later, it revokes its device. 0: never.',
  }),
  heartbeatSeconds: setting({
    env: 'HEARTBEAT_SECONDS',
    scope: 'relay',
    type: wholeNumber(1, 60 * 60),
    default: 30,
    description:
      'How often the relay pings each sync socket; a peer that has not answered by the next ping is dropped.',
  }),
  requestTimeoutSeconds: setting({
    env: 'REQUEST_TIMEOUT_SECONDS',
    scope: 'relay',
    type: wholeNumber(1, 600),
    default: 30,
    description:
      'An HTTP request whose headers and body have not all arrived by then is closed (408); a file’s upload is held to UPLOAD_IDLE_TIMEOUT_SECONDS instead.',
  }),
  uploadIdleTimeoutSeconds: setting({
    env: 'UPLOAD_IDLE_TIMEOUT_SECONDS',
    scope: 'relay',
    type: wholeNumber(1, 600),
    default: 30,
    description:
      'A file’s upload (PUT /api/blobs) may take as long as it needs while bytes keep arriving; one that sends none for this long is refused with 408 (upload_stalled) and nothing of it is kept.',
  }),
  authRequestsPerMinute: setting({
    env: 'AUTH_REQUESTS_PER_MINUTE',
    scope: 'relay',
    type: wholeNumber(1, 1_000_000),
    default: 30,
    description: 'Requests to /api/auth per client address per minute; more are refused with 429.',
  }),
  upgradesPerMinute: setting({
    env: 'UPGRADES_PER_MINUTE',
    scope: 'relay',
    type: wholeNumber(1, 1_000_000),
    default: 120,
    description: 'Sync socket upgrades per client address per minute; more are refused with 429.',
  }),
  passwordCost: setting({
    env: 'PASSWORD_COST',
    scope: 'relay',
    type: powerOfTwo(2 ** 10, 2 ** 20),
    default: 2 ** 15,
    description: 'scrypt cost N for password hashes: a power of two; each hash uses 1 KiB × N of memory.',
  }),
  unloadAfterMs: setting({
    env: 'UNLOAD_AFTER_MS',
    scope: 'relay',
    type: wholeNumber(0, 24 * 60 * 60 * 1000),
    default: 10_000,
    description:
      'A document leaves memory this many milliseconds after its last device disconnects, its update log folded into a snapshot.',
  }),
  compactAfter: setting({
    env: 'COMPACT_AFTER',
    scope: 'relay',
    type: wholeNumber(1, 1_000_000),
    default: 500,
    description: 'A loaded document’s update log is folded into its snapshot once it holds this many updates.',
  }),
  versionEveryMinutes: setting({
    env: 'VERSION_EVERY_MINUTES',
    scope: 'relay',
    type: wholeNumber(0, 7 * 24 * 60),
    default: 60,
    description:
      'A ledger that changes keeps a version of itself to restore from at most this often: the ledger as it stood just before the first change after this long. 0: before every change (tests).',
  }),
  versionKeepDays: setting({
    env: 'VERSION_KEEP_DAYS',
    scope: 'relay',
    type: wholeNumber(1, 3650),
    default: 30,
    description: 'Versions of a ledger older than this are deleted. Their bytes count in the ledger’s storage.',
  }),
  versionThinAfterDays: setting({
    env: 'VERSION_THIN_AFTER_DAYS',
    scope: 'relay',
    type: wholeNumber(0, 3650),
    default: 2,
    description: 'Versions older than this are thinned to the last one of each day (UTC).',
  }),
  smtpUrl: setting({
    env: 'SMTP_URL',
    scope: 'relay',
    type: optional(smtpUrl),
    default: null,
    description:
      'The mail server the relay sends through: smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://user:password@host:465 (TLS). Unset, mail is off: no verification, password reset or reminder mails, and the start log says so. Needs PUBLIC_URL.',
    example: 'smtp://tally:secret@mail.example.com:587',
  }),
  mailFrom: setting({
    env: 'MAIL_FROM',
    scope: 'relay',
    type: optional(text),
    default: null,
    description: 'The sender of the relay’s mail. Unset: Tally <no-reply@the host of PUBLIC_URL>.',
    example: 'Tally <tally@example.com>',
  }),
  publicUrl: setting({
    env: 'PUBLIC_URL',
    scope: 'relay',
    type: optional(publicUrl),
    default: null,
    description:
      'Where people open Tally, as they type it: links in mail point there. Never taken from a request, so a forged Host header cannot redirect a link.',
    example: 'https://tally.example.com',
  }),
  mailRetryMs: setting({
    env: 'MAIL_RETRY_MS',
    scope: 'relay',
    type: wholeNumber(10, 24 * 60 * 60 * 1000),
    default: 60_000,
    description:
      'After a mail server answers 4xx or cannot be reached, the mail is tried again this many milliseconds later, the wait doubling after each attempt (up to six hours).',
  }),
  mailMaxAttempts: setting({
    env: 'MAIL_MAX_ATTEMPTS',
    scope: 'relay',
    type: wholeNumber(1, 100),
    default: 12,
    description:
      'A mail that still fails after this many attempts is recorded as failed and not tried again; a 5xx answer fails it at once.',
  }),
  pushRetryMs: setting({
    env: 'PUSH_RETRY_MS',
    scope: 'relay',
    type: wholeNumber(10, 24 * 60 * 60 * 1000),
    default: 60_000,
    description:
      'After a push service answers 429 or 5xx or cannot be reached, the push is tried again this many milliseconds later, the wait doubling after each attempt (up to six hours).',
  }),
  pushMaxAttempts: setting({
    env: 'PUSH_MAX_ATTEMPTS',
    scope: 'relay',
    type: wholeNumber(1, 100),
    default: 10,
    description:
      'A push that still fails after this many attempts is recorded as failed and not tried again; a 404 or 410 answer removes the subscription at once.',
  }),
  paymentProvider: setting({
    env: 'PAYMENT_PROVIDER',
    scope: 'relay',
    type: oneOf(paymentProviders),
    default: 'none',
    description:
      'Who takes payment for priced advisor sessions: stripe (Stripe Checkout), razorpay (Razorpay orders) or none. With none, priced sessions cannot be booked and the directory says so. Each provider needs its keys below.',
  }),
  stripeSecretKey: setting({
    env: 'STRIPE_SECRET_KEY',
    scope: 'relay',
    type: optional(providerKey(['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'], 20)),
    default: null,
    description:
      'The Stripe secret (or restricted) API key that creates Checkout Sessions and refunds. Needed with PAYMENT_PROVIDER=stripe.',
    example: 'sk_live_…',
  }),
  stripeWebhookSecret: setting({
    env: 'STRIPE_WEBHOOK_SECRET',
    scope: 'relay',
    type: optional(providerKey(['whsec_'], 16)),
    default: null,
    description:
      'The signing secret of the Stripe webhook endpoint pointed at /api/payments/stripe/webhook (events checkout.session.completed, checkout.session.expired, checkout.session.async_payment_failed, charge.refunded). Needed with PAYMENT_PROVIDER=stripe.',
    example: 'whsec_…',
  }),
  stripeApiUrl: setting({
    env: 'STRIPE_API_URL',
    scope: 'relay',
    type: optional(apiOrigin),
    default: null,
    description:
      'Sends the relay’s Stripe API calls to another host (a local stand-in in tests). Unset: Stripe’s own API.',
    example: 'http://127.0.0.1:12111',
  }),
  razorpayKeyId: setting({
    env: 'RAZORPAY_KEY_ID',
    scope: 'relay',
    type: optional(providerKey(['rzp_test_', 'rzp_live_'], 14)),
    default: null,
    description:
      'The Razorpay key id: the relay’s API calls use it, and the app’s checkout opens with it. Needed with PAYMENT_PROVIDER=razorpay.',
    example: 'rzp_live_…',
  }),
  razorpayKeySecret: setting({
    env: 'RAZORPAY_KEY_SECRET',
    scope: 'relay',
    type: optional(secret(16)),
    default: null,
    description: 'The Razorpay key secret that goes with RAZORPAY_KEY_ID. Needed with PAYMENT_PROVIDER=razorpay.',
    example: 'a-long-random-string',
  }),
  razorpayWebhookSecret: setting({
    env: 'RAZORPAY_WEBHOOK_SECRET',
    scope: 'relay',
    type: optional(secret(12)),
    default: null,
    description:
      'The secret of the Razorpay webhook pointed at /api/payments/razorpay/webhook (events payment.captured, order.paid, payment.failed, refund.processed). Needed with PAYMENT_PROVIDER=razorpay.',
    example: 'a-long-random-string',
  }),
  razorpayApiUrl: setting({
    env: 'RAZORPAY_API_URL',
    scope: 'relay',
    type: optional(apiOrigin),
    default: null,
    description:
      'Sends the relay’s Razorpay API calls to another host (a local stand-in in tests). Unset: Razorpay’s own API.',
    example: 'http://127.0.0.1:12112',
  }),
};

type Table = typeof relaySettings;
export type SettingName = keyof Table;
type ValueOf<Row> = Row extends Setting<infer T> ? T : never;
type NamesIn<Scope extends SettingScope> = {
  [K in SettingName]: Table[K] extends Setting<unknown, Scope> ? K : never;
}[SettingName];

/** Every setting's value, as `server.ts` reads them. */
export type RelaySettings = { readonly [K in SettingName]: ValueOf<Table[K]> };
/** The settings `buildRelay` takes. */
export type RelayOptions = Pick<RelaySettings, NamesIn<'relay'>>;

/** The rows of the table in order, each with its name. */
export function settingRows(): (Setting<unknown> & { readonly name: SettingName })[] {
  return (Object.keys(relaySettings) as SettingName[]).map((name) => ({
    name,
    ...(relaySettings[name] as Setting<unknown>),
  }));
}

/** A value for each setting of one scope (or of all), worked out from its row. */
export function eachSetting<Values extends Partial<RelaySettings>>(
  scope: SettingScope | 'all',
  valueFor: (row: Setting<unknown> & { readonly name: SettingName }) => unknown,
): Values {
  const values: Record<string, unknown> = {};
  for (const row of settingRows()) {
    if (scope === 'all' || row.scope === scope) values[row.name] = valueFor(row);
  }
  return values as Values;
}

export const relayDefaults: RelayOptions = eachSetting<RelayOptions>('relay', (row) => row.default);
