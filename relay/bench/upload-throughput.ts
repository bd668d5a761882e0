import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { jpegFile } from '../src/testing/receipt-files.js';

export interface UploadThroughput {
  readonly files: number;
  readonly megabytes: number;
  /** Through `PUT /api/blobs/:sha256` on loopback, each file stored (hashed, fsynced, renamed). */
  readonly relayMBps: number;
  /** The same bytes hashed and written straight to files in this process, fsynced and renamed: the disk's own pace. */
  readonly diskMBps: number;
}

/** Distinct files of `size` bytes that start as a JPEG, so the relay's type check passes them. */
function receiptLikeFiles(count: number, size: number): Buffer[] {
  const head = Buffer.from(jpegFile());
  return Array.from({ length: count }, () => Buffer.concat([head, randomBytes(size - head.length)]));
}

async function writeLikeTheRelay(dir: string, bytes: Buffer, index: number): Promise<void> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const temporary = join(dir, `incoming-${index}`);
  const file = await open(temporary, 'wx');
  await file.write(bytes);
  await file.sync();
  await file.close();
  await rename(temporary, join(dir, hash));
}

/**
 * Upload throughput of a running relay on loopback (`httpUrl`), one file at a time as a device's
 * outbox sends them, against writing the same bytes to disk directly in the same run.
 */
export async function measureUploadThroughput(
  httpUrl: string,
  workDir: string,
  count = 24,
  size = 8 * 1024 * 1024,
): Promise<UploadThroughput> {
  const response = await fetch(`${httpUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `uploads-${Date.now()}@bench.example`,
      password: 'correct horse battery',
      deviceName: 'Phone',
    }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const files = receiptLikeFiles(count, size);
  const megabytes = (count * size) / 1e6;

  const relayStarted = performance.now();
  for (const bytes of files) {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const stored = await fetch(`${httpUrl}/api/blobs/${hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'image/jpeg' },
      body: bytes,
    });
    if (stored.status !== 201) throw new Error(`upload refused: ${stored.status} ${await stored.text()}`);
  }
  const relaySeconds = (performance.now() - relayStarted) / 1000;

  const dir = join(workDir, 'direct-writes');
  mkdirSync(dir, { recursive: true });
  const diskStarted = performance.now();
  for (const [index, bytes] of files.entries()) await writeLikeTheRelay(dir, bytes, index);
  const diskSeconds = (performance.now() - diskStarted) / 1000;
  rmSync(dir, { recursive: true, force: true });

  return { files: count, megabytes, relayMBps: megabytes / relaySeconds, diskMBps: megabytes / diskSeconds };
}
