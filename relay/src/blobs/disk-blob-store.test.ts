import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jpegFile } from '../testing/receipt-files.js';
import { DiskBlobStore } from './disk-blob-store.js';

const HOUR_MS = 60 * 60 * 1000;

let dir: string;
let incoming: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-disk-blobs-'));
  incoming = join(dir, 'incoming');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A half-written file as a crash leaves it, last written `ageMs` ago. */
function leftover(name: string, ageMs: number): void {
  mkdirSync(incoming, { recursive: true });
  const path = join(incoming, name);
  writeFileSync(path, 'half a receipt');
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
}

describe('half-written files on disk', () => {
  it('[BLOB1] those a crash left are removed at start; fresh ones and the store’s own writes stay, and its writes still finish', async () => {
    leftover('crashed-yesterday', 24 * HOUR_MS);
    leftover('crashed-two-hours-ago', 2 * HOUR_MS);
    leftover('another-relay-writing', 60 * 1000);
    const store = new DiskBlobStore(dir, { staleAfterMs: HOUR_MS });
    const bytes = jpegFile();
    const write = await store.begin();
    await write.write(bytes);
    const [ownName] = readdirSync(incoming).filter((name) => !name.includes('-'));
    expect(ownName).toBeDefined();
    const ownPath = join(incoming, ownName ?? '');
    const longAgo = new Date(Date.now() - 24 * HOUR_MS);
    utimesSync(ownPath, longAgo, longAgo);

    await store.startCleaning((error) => {
      throw error;
    });
    store.stopCleaning();

    expect(readdirSync(incoming).sort()).toEqual(['another-relay-writing', ownName].sort());
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(await write.finish(hash)).toBe('kept');
    expect(await store.has(hash)).toBe(true);
    expect(readdirSync(incoming)).toEqual(['another-relay-writing']);
  });

  it('[BLOB1] a later round removes what has gone stale since, and a store with no incoming directory yet finds nothing', async () => {
    const store = new DiskBlobStore(dir, { staleAfterMs: HOUR_MS });
    expect(await store.removeStaleIncoming()).toBe(0);
    expect(existsSync(incoming)).toBe(false);
    leftover('crashed-just-now', 0);
    expect(await store.removeStaleIncoming()).toBe(0);
    const stale = new Date(Date.now() - 2 * HOUR_MS);
    utimesSync(join(incoming, 'crashed-just-now'), stale, stale);
    expect(await store.removeStaleIncoming()).toBe(1);
    expect(readdirSync(incoming)).toEqual([]);
  });
});
