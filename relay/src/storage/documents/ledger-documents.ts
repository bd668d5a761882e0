export interface StoredDoc {
  /** The compacted state, or null if the log has never been compacted. */
  readonly snapshot: Uint8Array | null;
  /** The snapshot's state vector, as given to `compact`; null with the snapshot. */
  readonly stateVector: Uint8Array | null;
  /** Accepted updates appended since the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the newest update stored, in `updates` or folded into the snapshot; 0 when there is none. */
  readonly lastSeq: number;
}

/** One point-in-time version of a ledger (R1): its whole state, kept to be restored. */
export interface LedgerVersion {
  readonly versionId: string;
  readonly takenAt: number;
  /** The size of the stored state, counted in the ledger's storage. */
  readonly bytes: number;
}

/** A restore asked for by another process (the admin CLI), carried out by whichever claims it (R4). */
export interface RestoreRequest {
  readonly requestId: number;
  readonly docId: string;
  readonly versionId: string;
}

/** How a restore request ended: the number of records written back, or why not. */
export type RestoreOutcome =
  | { readonly kind: 'restored'; readonly records: number }
  | { readonly kind: 'unknown-version' }
  | { readonly kind: 'failed' };

export type RestoreRequestState =
  | { readonly kind: 'pending' }
  | { readonly kind: 'claimed' }
  | { readonly kind: 'finished'; readonly outcome: RestoreOutcome };

/**
 * The ledgers' Yjs documents: a snapshot and an append-only log of accepted updates per document.
 * Rooms see only this area of the storage.
 */
export interface LedgerDocuments {
  /** Everything stored of a document; an unknown document loads as empty. */
  load(docId: string): Promise<StoredDoc>;
  /**
   * What was stored after update `seq`, for a relay that holds everything up to it (C10): the log
   * entries numbered past `seq`, oldest first, with a null snapshot, while the log still holds
   * them all; once a compaction has folded some of them, the whole stored document as `load` gives
   * it. Either way `lastSeq` is the newest number stored.
   */
  loadSince(docId: string, seq: number): Promise<StoredDoc>;
  /** The newest sequence number stored of each of these documents (0 for one with none), in one read (C10). */
  lastSeqs(docIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /** Durably appends one accepted update and returns its sequence number (P2). */
  appendUpdate(docId: string, update: Uint8Array): Promise<number>;
  /**
   * Replaces the snapshot and drops the log up to `upToSeq`, in one transaction (P4). On PostgreSQL,
   * where several relays share the log, the stored snapshot and log entries up to `upToSeq` are
   * folded into the new snapshot too, so an entry a relay had not seen is never dropped (C6).
   */
  compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void>;
  /**
   * The bytes some documents take in storage, together, read at once: their snapshots, update
   * logs and kept versions (B4, R1; an account's storage use, A6). A document named twice counts
   * once; an unknown one takes none.
   */
  storedBytes(docIds: readonly string[]): Promise<number>;
  /** Number of log entries not yet compacted. */
  countUpdates(docId: string): Promise<number>;
  /** Documents whose update log is not empty, in id order: what offline compaction has to do. */
  listUncompacted(): Promise<readonly string[]>;

  /** Keeps `state` (the whole document) as a version taken at `takenAt` (R1). */
  saveVersion(docId: string, state: Uint8Array, takenAt: number): Promise<LedgerVersion>;
  /** The document's versions, newest first. */
  listVersions(docId: string): Promise<readonly LedgerVersion[]>;
  /** A version's state; null when the document has no such version. */
  loadVersion(docId: string, versionId: string): Promise<Uint8Array | null>;
  /** Forgets these versions of the document (thinning, R2). */
  dropVersions(docId: string, versionIds: readonly string[]): Promise<void>;

  /** Records a restore for whichever process claims it first; returns the request's id (R4). */
  requestRestore(docId: string, versionId: string, at: number): Promise<number>;
  /** Claims every unclaimed restore request, or only `requestId`; each is claimed once, by one caller. */
  claimRestoreRequests(at: number, requestId?: number): Promise<readonly RestoreRequest[]>;
  finishRestoreRequest(requestId: number, outcome: RestoreOutcome, at: number): Promise<void>;
  /** Where a restore request stands; null for an unknown request. */
  restoreRequestState(requestId: number): Promise<RestoreRequestState | null>;
}
