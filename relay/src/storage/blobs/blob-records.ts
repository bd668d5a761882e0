import type { AttachmentType } from '@tally/schema';

/** A file the relay keeps, named by the SHA-256 of its bytes (BLOB1). */
export interface StoredBlob {
  readonly hash: string;
  /** Decided from the bytes, never from what the uploader declared (BLOB2). */
  readonly type: AttachmentType;
  readonly size: number;
  /** When its bytes were first kept, in ms. */
  readonly storedAt: number;
}

/**
 * What the relay knows about the files it keeps (BLOB1–BLOB6): each file once, who uploaded it (each
 * account is charged for each file it uploaded, once, BLOB4), and which ledgers reference it (BLOB5).
 * References are kept apart from files: a device may write a transaction naming a file before it
 * uploads it. A file that no ledger references is *released* from then on; once released for the
 * grace time it is removed (BLOB6). The bytes are a `BlobStore`'s.
 */
export interface BlobRecords {
  /**
   * Records that `userId` uploaded a file, keeping the file's row if it is new. Either way the file
   * counts as released no earlier than `at`, so a file uploaded again starts its grace time anew.
   * True when the account had not uploaded it before.
   */
  recordUpload(blob: Omit<StoredBlob, 'storedAt'>, userId: string, at: number): Promise<boolean>;
  find(hash: string): Promise<StoredBlob | null>;
  /** The accounts that uploaded the file, in the order of their ids. */
  uploadersOf(hash: string): Promise<readonly string[]>;
  /** The bytes of every file the account uploaded, each once (BLOB4). */
  uploadedBytes(userId: string): Promise<number>;
  /**
   * Adds references of a ledger to files (BLOB5), kept or not yet uploaded, as seen in the ledger's
   * stored update `seq`; a reference remembers the newest update it was seen in.
   */
  addReferences(docId: string, hashes: readonly string[], seq: number): Promise<void>;
  /**
   * Makes the ledger's references `hashes` (a recount of the whole ledger as stored up to update
   * `upToSeq`): a reference not among them goes only when it was last seen at `upToSeq` or before,
   * so one added by an update the recount did not read is kept (BLOB6). A file no ledger references
   * any more is released at `at`.
   */
  replaceReferences(docId: string, hashes: readonly string[], at: number, upToSeq: number): Promise<void>;
  /**
   * Adds references of a booking's conversation to files its messages carry (CHAT7). They last as
   * long as the conversation, which is kept with its booking, so no recount drops them.
   */
  addChatReferences(bookingId: string, hashes: readonly string[]): Promise<void>;
  /** The bookings whose conversations carry the file, in the order of their ids. */
  referencingBookings(hash: string): Promise<readonly string[]>;
  /** The ledgers that reference the file, in the order of their ids. */
  referencingDocs(hash: string): Promise<readonly string[]>;
  /** Every ledger that references any file, in the order of their ids. */
  docsWithReferences(): Promise<readonly string[]>;
  /** Files no ledger or conversation references, released at `cutoff` or before, oldest first. */
  releasedBefore(cutoff: number, limit: number): Promise<readonly StoredBlob[]>;
  /**
   * Forgets the file and its uploads if it is still unreferenced and released at `cutoff` or
   * before; false (nothing changed) when it was referenced or uploaded again meanwhile.
   */
  remove(hash: string, cutoff: number): Promise<boolean>;
}
