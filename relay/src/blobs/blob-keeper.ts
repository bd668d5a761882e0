import type { Readable } from 'node:stream';
import { ATTACHMENT_TYPES, type AttachmentType } from '@tally/schema';
import type { RelayMetrics } from '../metrics.js';
import type { BlobRecords, StoredBlob } from '../storage/blobs/blob-records.js';
import type { BlobStore, BlobWrite } from './blob-store.js';
import { blobTypeOf } from './blob-type.js';

/** What an upload came to; a refusal keeps nothing (BLOB1–BLOB4). */
export type UploadOutcome =
  | { readonly kind: 'kept'; readonly blob: Omit<StoredBlob, 'storedAt'>; readonly created: boolean }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'type-refused' }
  | { readonly kind: 'hash-mismatch' }
  | { readonly kind: 'over-quota' };

export interface Upload {
  readonly hash: string;
  readonly userId: string;
  /** The media type the uploader declared (`Content-Type`, without parameters). */
  readonly declaredType: string | undefined;
  /** `Content-Length`, when the uploader sent one. */
  readonly declaredBytes: number | undefined;
  /**
   * The body, read only as far as it is needed: a refusal stops asking for more, so a body past
   * the limits is never read whole.
   */
  readonly body: AsyncIterator<Uint8Array>;
}

export interface BlobLimits {
  readonly blobMaxBytes: number;
  readonly blobQuotaBytes: number;
}

/** Enough bytes to tell every allowed type from its signature (BLOB2). */
const SNIFF_BYTES = 64;

const isAllowedType = (type: string | undefined): type is AttachmentType =>
  type !== undefined && (ATTACHMENT_TYPES as readonly string[]).includes(type);

/**
 * Keeps files: their bytes in a `BlobStore`, their records in `BlobRecords`. One file's upload and
 * removal take turns (a sweep never removes bytes an upload has just kept).
 */
export class BlobKeeper {
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: BlobStore,
    private readonly records: BlobRecords,
    private readonly limits: BlobLimits,
    private readonly metrics: RelayMetrics,
    private readonly now: () => number,
  ) {}

  async upload(upload: Upload): Promise<UploadOutcome> {
    const { limits } = this;
    if (!isAllowedType(upload.declaredType)) return { kind: 'type-refused' };
    if (upload.declaredBytes !== undefined && upload.declaredBytes > limits.blobMaxBytes) return { kind: 'too-large' };
    const charged = (await this.records.uploadersOf(upload.hash)).includes(upload.userId);
    // Bytes the account may still add; a file it uploaded before costs it nothing again (BLOB4).
    const room = charged
      ? Number.POSITIVE_INFINITY
      : limits.blobQuotaBytes - (await this.records.uploadedBytes(upload.userId));
    if (upload.declaredBytes !== undefined && upload.declaredBytes > room) return { kind: 'over-quota' };
    const write = await this.store.begin();
    let refusal: UploadOutcome | null;
    try {
      refusal = await this.receive(upload, write, room);
    } catch (error) {
      // The uploader went away mid-body: nothing of it is kept.
      await write.abandon();
      throw error;
    }
    if (refusal !== null) {
      await write.abandon();
      return refusal;
    }
    const type = blobTypeOf(write.head);
    if (type === null || type !== upload.declaredType) {
      await write.abandon();
      return { kind: 'type-refused' };
    }
    return this.inTurn(upload.hash, async () => {
      if ((await write.finish(upload.hash)) === 'hash-mismatch') return { kind: 'hash-mismatch' } as const;
      const blob = { hash: upload.hash, type, size: write.size };
      const known = await this.records.find(upload.hash);
      const created = await this.records.recordUpload(blob, upload.userId, this.now());
      if (known === null) this.metrics.blobsStored++;
      return { kind: 'kept', blob, created } as const;
    });
  }

  /** Reads the body into `write` while it stays within the limits; the refusal when it does not. */
  private async receive(upload: Upload, write: BlobWrite, room: number): Promise<UploadOutcome | null> {
    for (;;) {
      const next = await upload.body.next();
      if (next.done === true) return null;
      const size = write.size + next.value.length;
      if (size > this.limits.blobMaxBytes) return { kind: 'too-large' };
      if (size > room) return { kind: 'over-quota' };
      await write.write(next.value);
      if (write.size >= SNIFF_BYTES && write.size - next.value.length < SNIFF_BYTES) {
        const type = blobTypeOf(write.head);
        if (type === null || type !== upload.declaredType) return { kind: 'type-refused' };
      }
    }
  }

  async find(hash: string): Promise<StoredBlob | null> {
    return this.records.find(hash);
  }

  async read(hash: string): Promise<Readable | null> {
    return this.store.read(hash);
  }

  /** Removes a file still released at `cutoff` (BLOB6): its record first, so nothing serves bytes about to go. */
  async remove(hash: string, cutoff: number): Promise<boolean> {
    return this.inTurn(hash, async () => {
      if (!(await this.records.remove(hash, cutoff))) return false;
      await this.store.remove(hash);
      return true;
    });
  }

  private inTurn<T>(hash: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(hash) ?? Promise.resolve();
    const turn = previous.then(work, work);
    const settled = turn.catch(() => undefined);
    this.turns.set(hash, settled);
    void settled.then(() => {
      if (this.turns.get(hash) === settled) this.turns.delete(hash);
    });
    return turn;
  }
}
