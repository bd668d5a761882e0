import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateSigningKey } from './auth/signing-key.js';
import type { BlobStore } from './blobs/blob-store.js';
import { readBlobStoreSettings } from './blobs/blob-store-settings.js';
import { DiskBlobStore } from './blobs/disk-blob-store.js';
import { S3BlobStore } from './blobs/s3-blob-store.js';
import { buildRelay } from './build-relay.js';
import { RedisRelayBus } from './bus/redis-relay-bus.js';
import type { RelayBus } from './bus/relay-bus.js';
import type { SharedCounters } from './bus/shared-counters.js';
import type { SharedPresence } from './bus/shared-presence.js';
import { loadOrCreateVapidKeys } from './push/vapid-keys.js';
import { defaultRegistration } from './relay-config.js';
import { createRelayLogger } from './relay-logger.js';
import { parseServerEnv } from './server-env.js';
import { PostgresStorage } from './storage/postgres-storage.js';
import type { RelayStorage } from './storage/relay-storage.js';
import { NewerDatabaseError, SqliteStorage } from './storage/sqlite-storage.js';

const parsed = parseServerEnv(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`tally relay: ${problem}`);
  process.exit(1);
}
const { port, host, dataDir, databaseUrl, redisUrl, appDir, ...settings } = parsed.settings;

const logger = createRelayLogger({ level: settings.logLevel });
const data = resolve(dataDir);
mkdirSync(data, { recursive: true });
const storage = databaseUrl === null ? openSqlite(join(data, 'tally.db')) : await openPostgres(databaseUrl);
const bus = redisUrl === null ? null : await openRedis(redisUrl);
const blobStore = await openBlobStore();
// Files on disk have their half-written leftovers cleaned here; a bucket's expire by its own lifecycle rule.
const diskStore = blobStore instanceof DiskBlobStore ? blobStore : null;
const relay = await buildRelay({
  ...settings,
  storage,
  ...(bus === null ? {} : { bus, counters: bus, presence: bus }),
  signingKey: loadOrCreateSigningKey(data),
  vapidKeys: loadOrCreateVapidKeys(data),
  blobStore,
  logger,
  appDir: resolve(appDir ?? fileURLToPath(new URL('../../app/dist', import.meta.url))),
});

function openSqlite(file: string): RelayStorage {
  try {
    return new SqliteStorage(file, { logger });
  } catch (error) {
    if (!(error instanceof NewerDatabaseError)) throw error;
    console.error(`tally relay: ${file}: ${error.message}`);
    process.exit(1);
  }
}

/**
 * Receipts' files on disk in the data directory, or in the S3-compatible bucket the settings name;
 * a bucket that cannot be reached stops the relay, naming the setting.
 */
async function openBlobStore(): Promise<BlobStore> {
  const reading = readBlobStoreSettings(settings);
  // parseServerEnv has already refused settings that do not name a whole store.
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  if (reading.choice.kind === 'disk') return new DiskBlobStore(join(data, 'blobs'));
  const { s3 } = reading.choice;
  const store = new S3BlobStore(s3);
  try {
    await store.checkBucket();
    return store;
  } catch (error) {
    const reason = error instanceof Error && error.message !== '' ? error.message : String(error);
    console.error(
      `tally relay: BLOB_S3_BUCKET: cannot reach the bucket ${s3.bucket} at ${s3.endpoint ?? 'Amazon S3'}: ${reason}`,
    );
    process.exit(1);
  }
}

/** The PostgreSQL database, migrated; a database that cannot be opened stops the relay, naming the setting. */
async function openPostgres(url: string): Promise<RelayStorage> {
  try {
    return await PostgresStorage.open(url, { logger });
  } catch (error) {
    const reason = error instanceof Error && error.message !== '' ? error.message : String(error);
    console.error(
      `tally relay: DATABASE_URL: cannot open the PostgreSQL database at ${withoutPassword(url)}: ${reason}`,
    );
    process.exit(1);
  }
}

/** The other relays' bus; a Redis that cannot be reached at start stops the relay, naming the setting. */
async function openRedis(url: string): Promise<RelayBus & SharedCounters & SharedPresence> {
  try {
    return await RedisRelayBus.open(url);
  } catch (error) {
    const reason = error instanceof Error && error.message !== '' ? error.message : String(error);
    console.error(`tally relay: REDIS_URL: cannot reach Redis at ${withoutPassword(url)}: ${reason}`);
    process.exit(1);
  }
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  relay.log.info({ signal }, 'relay stopping');
  diskStore?.stopCleaning();
  await relay.close();
  await bus?.close();
  await storage.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

// Half-written files a crash left behind go now and, should one be left later, within the hour (BLOB1).
void diskStore?.startCleaning((error) =>
  relay.log.error({ err: error, area: 'blobs' }, 'cleaning half-written files failed'),
);
await relay.listen({ port, host });
const address = relay.server.address();
relay.log.info(
  {
    port: typeof address === 'object' && address !== null ? address.port : port,
    registration: settings.registration ?? defaultRegistration(process.env.NODE_ENV),
  },
  'relay listening',
);
