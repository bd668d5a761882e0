import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import { S3BlobStore } from '../blobs/s3-blob-store.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { PostgresStorage } from '../storage/postgres-storage.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { createPostgresDatabase } from '../storage/storage-implementations.test-support.js';
import { runAdminCli } from '../testing/admin-cli.js';
import { accountNames, addAccount } from '../testing/ledger-edits.js';
import { jpegFile } from '../testing/receipt-files.js';
import {
  connect,
  DataDir,
  eventually,
  ledgerJson,
  login,
  RunningRelay,
  register,
  synced,
} from '../testing/relay-harness.js';
import { S3Server } from '../testing/s3-server.js';

let s3: S3Server;
const cleanup: (() => unknown)[] = [];

beforeAll(async () => {
  s3 = await S3Server.start();
});
afterAll(() => s3.stop());
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/**
 * A SQLite data directory as a relay leaves it: Alice with a phone and a laptop, Bob, Alice's
 * ledger edited from both devices and compacted in part, and a receipt she uploaded.
 */
async function usedDataDir(): Promise<{ readonly dataDir: DataDir; readonly receipt: Uint8Array }> {
  const dataDir = new DataDir();
  cleanup.push(() => dataDir.remove());
  const relay = await RunningRelay.start(dataDir, { blobStore: new DiskBlobStore(join(dataDir.path, 'blobs')) });
  const phone = await register(relay.httpUrl, 'alice@example.com', 'Phone');
  const laptop = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
  await register(relay.httpUrl, 'bob@example.com', 'Phone');
  const providers = [connect(relay.syncUrl, phone), connect(relay.syncUrl, laptop)] as const;
  await Promise.all(providers.map(synced));
  addAccount(providers[0].doc, 'Groceries');
  addAccount(providers[1].doc, 'Rent');
  await eventually(() => accountNames(providers[0].doc).length === 2 && accountNames(providers[1].doc).length === 2);
  const receipt = jpegFile();
  const hash = createHash('sha256').update(receipt).digest('hex');
  const upload = await fetch(`${relay.httpUrl}/api/blobs/${hash}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${phone.accessToken}`, 'content-type': 'image/jpeg' },
    body: receipt,
  });
  expect(upload.status).toBe(201);
  for (const provider of providers) provider.destroy();
  await relay.stop();
  // Part of the log folded into a snapshot, then one more edit after it.
  const storage = new SqliteStorage(dataDir.dbFile);
  const loaded = await storage.documents.load(phone.docId);
  const stored = rebuildDoc(loaded);
  await storage.documents.compact(
    phone.docId,
    Y.encodeStateAsUpdate(stored),
    Y.encodeStateVector(stored),
    loaded.lastSeq,
  );
  const later: Uint8Array[] = [];
  stored.on('update', (update: Uint8Array) => later.push(update));
  addAccount(stored, 'Savings');
  for (const update of later) await storage.documents.appendUpdate(phone.docId, update);
  await storage.close();
  return { dataDir, receipt };
}

function sqliteCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}

async function postgresCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'
       AND table_name <> 'schema_migrations' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) {
      counts[name] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`)).rows[0]?.n ?? -1;
    }
    return counts;
  } finally {
    await client.end();
  }
}

function s3Env(): Record<string, string> {
  const { endpoint, bucket, region, accessKeyId, secretAccessKey } = s3.settings;
  return {
    BLOB_STORE: 's3',
    BLOB_S3_ENDPOINT: endpoint ?? '',
    BLOB_S3_BUCKET: bucket,
    BLOB_S3_REGION: region,
    BLOB_S3_ACCESS_KEY_ID: accessKeyId,
    BLOB_S3_SECRET_ACCESS_KEY: secretAccessKey,
    BLOB_S3_FORCE_PATH_STYLE: 'true',
  };
}

describe('copy-to-postgres (admin CLI)', () => {
  it('[C9] copies users, devices, ledgers and files with every count and every ledger’s state the same', async () => {
    const { dataDir, receipt } = await usedDataDir();
    const database = await createPostgresDatabase();
    cleanup.push(database.drop);
    cleanup.push(() => s3.empty());

    const run = await runAdminCli(dataDir.path, ['copy-to-postgres'], '', { DATABASE_URL: database.url, ...s3Env() });
    expect(run.stderr).not.toContain('copy-to-postgres:');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('files: 1 copied to the bucket, 0 already there');

    expect(await postgresCounts(database.url)).toEqual(sqliteCounts(dataDir.dbFile));
    const sqlite = new SqliteStorage(dataDir.dbFile);
    const postgres = await PostgresStorage.open(database.url);
    cleanup.push(() => sqlite.close());
    cleanup.push(() => postgres.close());
    const alice = await postgres.accounts.findUserByEmail('alice@example.com');
    expect(alice).toEqual(await sqlite.accounts.findUserByEmail('alice@example.com'));
    const docId = (await sqlite.accounts.ledgerOf(alice?.id ?? '')) ?? '';
    const ledger = rebuildDoc(await postgres.documents.load(docId));
    expect(accountNames(ledger)).toEqual(['Groceries', 'Rent', 'Savings']);
    expect(ledgerJson(ledger)).toEqual(ledgerJson(rebuildDoc(await sqlite.documents.load(docId))));

    // The ledger goes on in PostgreSQL's own numbering after the copied entries.
    const copiedSeq = (await postgres.documents.load(docId)).lastSeq;
    expect(await postgres.documents.appendUpdate(docId, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(copiedSeq + 1);

    const bucket = new S3BlobStore(s3.settings);
    cleanup.push(() => bucket.close());
    const hash = createHash('sha256').update(receipt).digest('hex');
    const kept = await bucket.read(hash);
    expect(kept && new Uint8Array(await buffer(kept))).toEqual(receipt);
  });

  it('[C9] refuses a PostgreSQL database that already holds data, and copies nothing into it', async () => {
    const { dataDir } = await usedDataDir();
    const database = await createPostgresDatabase();
    cleanup.push(database.drop);
    const existing = await PostgresStorage.open(database.url);
    await existing.accounts.createUser({
      id: 'user-carol',
      email: 'carol@example.com',
      passwordHash: 'x',
      docId: 'ledger-carol',
      createdAt: 1,
    });
    await existing.close();
    const before = await postgresCounts(database.url);

    const run = await runAdminCli(dataDir.path, ['copy-to-postgres'], '', { DATABASE_URL: database.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the PostgreSQL database is not empty \(rows in [a-z_, ]*\busers\b/);
    expect(run.stderr).toContain('nothing was copied');
    expect(await postgresCounts(database.url)).toEqual(before);
  });

  it('[C9] needs DATABASE_URL to know where to copy', async () => {
    const { dataDir } = await usedDataDir();
    const run = await runAdminCli(dataDir.path, ['copy-to-postgres']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set DATABASE_URL');
  });
});
