import type { AttachmentType } from '@tally/schema';
import type { StoredBlob } from './blob-records.js';

export interface BlobRow {
  readonly hash: string;
  readonly type: string;
  readonly size: number;
  readonly stored_at: number;
}

export const blobColumns = 'hash, type, size, stored_at';

/** A `blobs` row as the records give it; the type was checked against the allowed ones when it was stored. */
export function toStoredBlob(row: BlobRow): StoredBlob {
  return { hash: row.hash, type: row.type as AttachmentType, size: row.size, storedAt: row.stored_at };
}
