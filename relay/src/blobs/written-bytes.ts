import { createHash } from 'node:crypto';

/** How many of the first bytes are kept for telling a file's type from its signature (BLOB2). */
const HEAD_BYTES = 64;

/** What a store's write keeps of the bytes passing through it: how many, the first of them, and their SHA-256. */
export class WrittenBytes {
  private readonly sha256 = createHash('sha256');
  private count = 0;
  private first = new Uint8Array(0);

  get size(): number {
    return this.count;
  }

  get head(): Uint8Array {
    return this.first;
  }

  add(chunk: Uint8Array): void {
    if (this.first.length < HEAD_BYTES) {
      const head = new Uint8Array(Math.min(HEAD_BYTES, this.first.length + chunk.length));
      head.set(this.first);
      head.set(chunk.subarray(0, head.length - this.first.length), this.first.length);
      this.first = head;
    }
    this.sha256.update(chunk);
    this.count += chunk.length;
  }

  /** Whether the bytes are those the hash names; asked once, when the write ends. */
  hashIs(expectedHash: string): boolean {
    return this.sha256.digest('hex') === expectedHash;
  }
}
