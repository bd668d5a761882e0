import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { isAttachmentHash } from '@tally/schema';
import type { BlobStore, BlobWrite } from './blob-store.js';
import { WrittenBytes } from './written-bytes.js';

/** Bytes gathered before one write to the file: a request's body arrives in pieces of 64 KiB or less. */
const WRITE_BYTES = 1024 * 1024;
const HOUR_MS = 60 * 60 * 1000;

export interface DiskBlobStoreOptions {
  /**
   * A half-written file untouched this long, and not being written by this store, is left over from
   * a crash (or from a relay sharing the directory that died) and is removed (BLOB1).
   */
  readonly staleAfterMs?: number;
}

/**
 * Files under a directory (`DATA_DIR/blobs`), as `ab/abcdef…` by their SHA-256. Bytes are written to
 * a temporary file beside them, hashed as they arrive, flushed to disk (fsync), then renamed into
 * place: a crash leaves a whole file or none, never a torn one, and the same bytes twice are kept once.
 */
export class DiskBlobStore implements BlobStore {
  private readonly incoming: string;
  private readonly staleAfterMs: number;
  /** The names of the temporary files this store is writing now, which no cleaning touches. */
  private readonly writing = new Set<string>();
  private cleaner: NodeJS.Timeout | undefined;

  constructor(
    private readonly root: string,
    options: DiskBlobStoreOptions = {},
  ) {
    this.incoming = join(root, 'incoming');
    this.staleAfterMs = options.staleAfterMs ?? HOUR_MS;
  }

  async begin(): Promise<BlobWrite> {
    await mkdir(this.incoming, { recursive: true });
    const name = randomBytes(12).toString('hex');
    const temporary = join(this.incoming, name);
    const file = await open(temporary, 'wx', 0o600);
    this.writing.add(name);
    return new DiskBlobWrite(file, temporary, {
      place: (hash) => this.place(hash),
      ended: () => this.writing.delete(name),
    });
  }

  /**
   * Removes the half-written files a crash left in `incoming` now, then every `staleAfterMs`, until
   * `stopCleaning`; a failed round is told to `onError` and the next one tries again.
   */
  startCleaning(onError: (error: unknown) => void): Promise<void> {
    const round = (): Promise<void> => this.removeStaleIncoming().then(() => undefined, onError);
    this.cleaner = setInterval(() => void round(), this.staleAfterMs);
    this.cleaner.unref();
    return round();
  }

  stopCleaning(): void {
    clearInterval(this.cleaner);
  }

  /** Removes each half-written file untouched for `staleAfterMs` that this store is not writing; how many went. */
  async removeStaleIncoming(): Promise<number> {
    const names = await readdir(this.incoming).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const cutoff = Date.now() - this.staleAfterMs;
    let removed = 0;
    for (const name of names) {
      if (this.writing.has(name)) continue;
      const path = join(this.incoming, name);
      const found = await stat(path).catch(() => null);
      if (found === null || !found.isFile() || found.mtimeMs > cutoff) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  async has(hash: string): Promise<boolean> {
    const path = this.pathOf(hash);
    if (path === null) return false;
    return stat(path).then(
      (found) => found.isFile(),
      () => false,
    );
  }

  async read(hash: string): Promise<Readable | null> {
    if (!(await this.has(hash))) return null;
    const path = this.pathOf(hash);
    return path === null ? null : createReadStream(path);
  }

  async remove(hash: string): Promise<void> {
    const path = this.pathOf(hash);
    if (path !== null) await rm(path, { force: true });
  }

  private async place(hash: string): Promise<string> {
    const path = this.pathOf(hash);
    if (path === null) throw new Error(`not a SHA-256: ${hash}`);
    await mkdir(join(this.root, hash.slice(0, 2)), { recursive: true });
    return path;
  }

  /** Only a SHA-256 ever becomes a path, so no address can reach outside the directory. */
  private pathOf(hash: string): string | null {
    return isAttachmentHash(hash) ? join(this.root, hash.slice(0, 2), hash) : null;
  }
}

class DiskBlobWrite implements BlobWrite {
  private readonly bytes = new WrittenBytes();
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private done = false;

  constructor(
    private readonly file: FileHandle,
    private readonly temporary: string,
    private readonly store: { place(hash: string): Promise<string>; ended(): void },
  ) {}

  get size(): number {
    return this.bytes.size;
  }

  get head(): Uint8Array {
    return this.bytes.head;
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.bytes.add(chunk);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= WRITE_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.file.write(bytes);
  }

  async finish(expectedHash: string): Promise<'kept' | 'hash-mismatch'> {
    this.done = true;
    if (!this.bytes.hashIs(expectedHash)) {
      await this.discard();
      return 'hash-mismatch';
    }
    try {
      await this.flush();
      await this.file.sync();
      await this.file.close();
      const path = await this.store.place(expectedHash);
      // Renaming over the same bytes kept before changes nothing a reader could notice.
      await rename(this.temporary, path);
      const directory = await open(dirname(path), 'r');
      await directory.sync().finally(() => directory.close());
      return 'kept';
    } finally {
      this.store.ended();
    }
  }

  async abandon(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.discard();
  }

  private async discard(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
    this.store.ended();
  }
}
