import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readBlobStoreSettings } from '../blobs/blob-store-settings.js';
import { copyBlobs } from '../blobs/copy-blobs.js';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import { S3BlobStore } from '../blobs/s3-blob-store.js';
import type { RelaySettings } from '../settings/relay-settings.js';
import { CopyRefusedError, copySqliteToPostgres } from '../storage/copy-to-postgres.js';

/**
 * `copy-to-postgres`: the SQLite data in `DATA_DIR` into the empty PostgreSQL database of
 * `DATABASE_URL`, every count and every ledger's state checked; with `BLOB_STORE=s3`, the files in
 * `DATA_DIR/blobs` into the bucket too. Run it with the relay stopped. Returns the exit code.
 */
export async function copyToPostgres(settings: RelaySettings): Promise<number> {
  const { databaseUrl } = settings;
  if (databaseUrl === null) {
    console.error('copy-to-postgres: set DATABASE_URL to the empty PostgreSQL database to copy into');
    return 2;
  }
  const dataDir = resolve(settings.dataDir);
  const sqliteFile = join(dataDir, 'tally.db');
  if (!existsSync(sqliteFile)) {
    console.error(`copy-to-postgres: there is no ${sqliteFile} to copy (DATA_DIR names the relay's data directory)`);
    return 1;
  }
  let report: Awaited<ReturnType<typeof copySqliteToPostgres>>;
  try {
    report = await copySqliteToPostgres(sqliteFile, databaseUrl);
  } catch (error) {
    if (!(error instanceof CopyRefusedError)) throw error;
    console.error(`copy-to-postgres: ${error.message}; nothing was copied`);
    return 1;
  }
  for (const [table, rows] of report.rows) console.log(`${table}: ${rows} row(s)`);
  console.log(`${report.documents} ledger(s) hold the same state in PostgreSQL as in SQLite`);

  const blobStore = readBlobStoreSettings(settings);
  if (!blobStore.ok || blobStore.choice.kind === 'disk') {
    console.log(`${report.blobHashes.length} file(s) stay in ${join(dataDir, 'blobs')}: keep DATA_DIR for them`);
    return 0;
  }
  const bucket = new S3BlobStore(blobStore.choice.s3);
  try {
    const blobs = await copyBlobs(new DiskBlobStore(join(dataDir, 'blobs')), bucket, report.blobHashes);
    console.log(`files: ${blobs.copied} copied to the bucket, ${blobs.present} already there`);
    if (blobs.missing.length === 0) return 0;
    console.error(`copy-to-postgres: ${blobs.missing.length} file(s) named in the data are not in DATA_DIR/blobs:`);
    for (const hash of blobs.missing) console.error(`  ${hash}`);
    return 1;
  } finally {
    bucket.close();
  }
}
