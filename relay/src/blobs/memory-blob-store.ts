import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStore, BlobWrite } from './blob-store.js';

const HEAD_BYTES = 64;

/** Files in memory, for fast tests: the same contract as `DiskBlobStore`. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Uint8Array>();

  async begin(): Promise<BlobWrite> {
    const chunks: Uint8Array[] = [];
    const sha256 = createHash('sha256');
    let size = 0;
    return {
      get size() {
        return size;
      },
      get head() {
        return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
      },
      write: async (chunk) => {
        chunks.push(new Uint8Array(chunk));
        sha256.update(chunk);
        size += chunk.length;
      },
      finish: async (expectedHash) => {
        if (sha256.digest('hex') !== expectedHash) return 'hash-mismatch';
        if (!this.blobs.has(expectedHash)) this.blobs.set(expectedHash, Buffer.concat(chunks));
        return 'kept';
      },
      abandon: async () => {
        chunks.length = 0;
      },
    };
  }

  async has(hash: string): Promise<boolean> {
    return this.blobs.has(hash);
  }

  async read(hash: string): Promise<Readable | null> {
    const bytes = this.blobs.get(hash);
    return bytes === undefined ? null : Readable.from([bytes]);
  }

  async remove(hash: string): Promise<void> {
    this.blobs.delete(hash);
  }
}
