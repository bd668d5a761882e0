import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../testing/relay-harness.js';
import { RelayProcess } from '../testing/relay-process.js';
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

function s3Env(bucket: string): Record<string, string> {
  const { endpoint, region, accessKeyId, secretAccessKey } = s3.settings;
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

describe('the relay with BLOB_STORE=s3', () => {
  it('[C8] starts when its bucket can be reached', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const relay = await RelayProcess.spawn(dataDir.path, 0, s3Env(s3.settings.bucket));
    cleanup.push(() => relay.kill('SIGTERM'));
    expect((await fetch(`${relay.httpUrl}/health`)).status).toBe(200);
  });

  it('[C8] stops at start, naming BLOB_S3_BUCKET, when its bucket does not exist', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    await expect(RelayProcess.spawn(dataDir.path, 0, s3Env('no-such-bucket'))).rejects.toThrow(
      /BLOB_S3_BUCKET: cannot reach the bucket no-such-bucket at http:\/\/127\.0\.0\.1:\d+/,
    );
  });
});
