export interface StoredDoc {
  /** The compacted state, or null if the log has never been compacted. */
  readonly snapshot: Uint8Array | null;
  /** The snapshot's state vector, as given to `compact`; null with the snapshot. */
  readonly stateVector: Uint8Array | null;
  /** Accepted updates appended since the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the newest update in `updates`, or 0 when there is none. */
  readonly lastSeq: number;
}

/**
 * The ledgers' Yjs documents: a snapshot and an append-only log of accepted updates per document.
 * Rooms see only this area of the storage.
 */
export interface LedgerDocuments {
  /** Everything stored of a document; an unknown document loads as empty. */
  load(docId: string): Promise<StoredDoc>;
  /** Durably appends one accepted update and returns its sequence number (P2). */
  appendUpdate(docId: string, update: Uint8Array): Promise<number>;
  /** Replaces the snapshot and drops the log up to `upToSeq`, in one transaction (P4). */
  compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void>;
  /** The bytes a document takes in storage: its snapshot and its update log (L4). */
  storedBytes(docId: string): Promise<number>;
  /** Number of log entries not yet compacted. */
  countUpdates(docId: string): Promise<number>;
  /** Documents whose update log is not empty, in id order: what offline compaction has to do. */
  listUncompacted(): Promise<readonly string[]>;
}
