import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { isAttachmentHash } from '@tally/schema';
import type { BlobStore, BlobWrite } from './blob-store.js';

const HEAD_BYTES = 64;
/** Bytes gathered before one write to the file: a request's body arrives in pieces of 64 KiB or less. */
const WRITE_BYTES = 1024 * 1024;

/**
 * Files under a directory (`DATA_DIR/blobs`), as `ab/abcdef…` by their SHA-256. Bytes are written to
 * a temporary file beside them, hashed as they arrive, flushed to disk (fsync), then renamed into
 * place: a crash leaves a whole file or none, never a torn one, and the same bytes twice are kept once.
 */
export class DiskBlobStore implements BlobStore {
  private readonly incoming: string;

  constructor(private readonly root: string) {
    this.incoming = join(root, 'incoming');
  }

  async begin(): Promise<BlobWrite> {
    await mkdir(this.incoming, { recursive: true });
    const temporary = join(this.incoming, randomBytes(12).toString('hex'));
    const file = await open(temporary, 'wx', 0o600);
    return new DiskBlobWrite(file, temporary, (hash) => this.place(hash));
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
  private readonly sha256 = createHash('sha256');
  private written = 0;
  private first = new Uint8Array(0);
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private done = false;

  constructor(
    private readonly file: FileHandle,
    private readonly temporary: string,
    private readonly place: (hash: string) => Promise<string>,
  ) {}

  get size(): number {
    return this.written;
  }

  get head(): Uint8Array {
    return this.first;
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.first.length < HEAD_BYTES) {
      const head = new Uint8Array(Math.min(HEAD_BYTES, this.first.length + chunk.length));
      head.set(this.first);
      head.set(chunk.subarray(0, head.length - this.first.length), this.first.length);
      this.first = head;
    }
    this.sha256.update(chunk);
    this.written += chunk.length;
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
    if (this.sha256.digest('hex') !== expectedHash) {
      await this.discard();
      return 'hash-mismatch';
    }
    await this.flush();
    await this.file.sync();
    await this.file.close();
    const path = await this.place(expectedHash);
    // Renaming over the same bytes kept before changes nothing a reader could notice.
    await rename(this.temporary, path);
    const directory = await open(dirname(path), 'r');
    await directory.sync().finally(() => directory.close());
    return 'kept';
  }

  async abandon(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.discard();
  }

  private async discard(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
  }
}
