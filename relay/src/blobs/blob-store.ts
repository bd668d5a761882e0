import type { Readable } from 'node:stream';

/** Bytes on their way into a `BlobStore`: hashed and counted as they are written, kept only by `finish`. */
export interface BlobWrite {
  /** Bytes written so far. */
  readonly size: number;
  /** The first bytes written (up to 64), for telling the file's type (BLOB2). */
  readonly head: Uint8Array;
  write(chunk: Uint8Array): Promise<void>;
  /**
   * Keeps the bytes under `expectedHash` when they hash to it (the same bytes kept before stay as
   * they were); otherwise keeps nothing and says so.
   */
  finish(expectedHash: string): Promise<'kept' | 'hash-mismatch'>;
  /** Keeps nothing of what was written. */
  abandon(): Promise<void>;
}

/**
 * Where the relay keeps the bytes of files, by the SHA-256 of their bytes (BLOB1): on disk under the
 * data directory (`DiskBlobStore`) or in an S3-compatible bucket (`S3BlobStore`, C8).
 * Nothing half-written is ever readable: bytes appear whole under their hash, or not at all.
 */
export interface BlobStore {
  begin(): Promise<BlobWrite>;
  has(hash: string): Promise<boolean>;
  /** The bytes kept under `hash`, or null. */
  read(hash: string): Promise<Readable | null>;
  /** Removes the bytes under `hash`; nothing happens when there are none. */
  remove(hash: string): Promise<void>;
}
