import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3Server } from '../testing/s3-server.js';
import type { BlobStore } from './blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { MemoryBlobStore } from './memory-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

interface OpenedBlobStore {
  readonly store: BlobStore;
  /** Files left anywhere in the store's keeping, kept or half-written. */
  files(): string[];
  dispose(): void;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

let s3: S3Server;
beforeAll(async () => {
  s3 = await S3Server.start();
});
afterAll(() => s3.stop());

/**
 * A store on the test's S3-compatible server, whose files are those the server keeps (objects and
 * the parts of unfinished uploads). Each test empties the bucket of what it kept.
 */
function openS3(partBytes?: number): OpenedBlobStore {
  const store = new S3BlobStore(s3.settings, partBytes);
  return {
    store,
    files: () => s3.files(),
    dispose: () => {
      store.close();
      s3.empty();
    },
  };
}

/** Every implementation of `BlobStore`. */
const blobStores: readonly { readonly name: string; open(): OpenedBlobStore }[] = [
  {
    name: 'memory',
    open() {
      const store = new MemoryBlobStore();
      return { store, files: () => [], dispose: () => {} };
    },
  },
  {
    name: 'disk',
    open() {
      const dir = mkdtempSync(join(tmpdir(), 'tally-blobs-'));
      return {
        store: new DiskBlobStore(dir),
        files: () => filesUnder(dir),
        dispose: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  { name: 's3', open: () => openS3() },
  // Parts far smaller than S3's 5 MiB, which the test server allows, so a 200 kB file goes up in parts.
  { name: 's3 in parts', open: () => openS3(64 * 1024) },
];

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function put(store: BlobStore, chunks: readonly Uint8Array[], hash: string) {
  const write = await store.begin();
  for (const chunk of chunks) await write.write(chunk);
  return { outcome: await write.finish(hash), write };
}

describe.each(blobStores)('$name blob store keeps its contract', (implementation) => {
  let opened: OpenedBlobStore;
  beforeEach(() => {
    opened = implementation.open();
  });
  afterEach(() => opened.dispose());

  const bytes = new Uint8Array(200_000).map((_, index) => (index * 7) % 251);
  const hash = sha256(bytes);

  it('[BLOB1] bytes written in pieces are kept whole under their SHA-256, with their first bytes told', async () => {
    const { outcome, write } = await put(opened.store, [bytes.subarray(0, 10), bytes.subarray(10)], hash);
    expect(outcome).toBe('kept');
    expect(write.size).toBe(bytes.length);
    expect([...write.head]).toEqual([...bytes.subarray(0, 64)]);
    expect(await opened.store.has(hash)).toBe(true);
    const read = await opened.store.read(hash);
    expect(read && new Uint8Array(await buffer(read))).toEqual(bytes);
  });

  it('[BLOB1] the same bytes twice are kept once', async () => {
    await put(opened.store, [bytes], hash);
    const before = opened.files();
    expect((await put(opened.store, [bytes], hash)).outcome).toBe('kept');
    expect(opened.files()).toEqual(before);
  });

  it('[BLOB3] bytes that do not hash to their address are not kept, nor anything half-written', async () => {
    expect((await put(opened.store, [bytes], 'f'.repeat(64))).outcome).toBe('hash-mismatch');
    expect(await opened.store.has('f'.repeat(64))).toBe(false);
    expect(await opened.store.read('f'.repeat(64))).toBeNull();
    expect(opened.files()).toEqual([]);
  });

  it('[BLOB2] an abandoned write keeps nothing', async () => {
    const write = await opened.store.begin();
    await write.write(bytes);
    await write.abandon();
    expect(await opened.store.has(hash)).toBe(false);
    expect(opened.files()).toEqual([]);
  });

  it('[BLOB6] removed bytes are gone, and removing what is not there is fine', async () => {
    await put(opened.store, [bytes], hash);
    await opened.store.remove(hash);
    await opened.store.remove(hash);
    expect(await opened.store.has(hash)).toBe(false);
    expect(opened.files()).toEqual([]);
  });

  it('[BLOB1] an address that is not a SHA-256 finds nothing', async () => {
    expect(await opened.store.has('../../etc/passwd')).toBe(false);
    expect(await opened.store.read('../../etc/passwd')).toBeNull();
  });
});
