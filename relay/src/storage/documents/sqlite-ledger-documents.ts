import type Database from 'better-sqlite3';
import type { DocumentWriter } from './document-writer.js';
import type {
  LedgerDocuments,
  LedgerVersion,
  RestoreOutcome,
  RestoreRequest,
  RestoreRequestState,
  StoredDoc,
} from './ledger-documents.js';
import { type Append, type DocumentWrite, documentWriter, type WriteResult } from './sqlite-document-writes.js';

interface PendingAppend extends Append {
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A write holding this many bytes or more goes to the writer thread, and so does every write
 * asked for while the thread has one unanswered, so writes keep their order and this connection
 * never waits for the thread's lock. Smaller writes are made here: handing each group commit to
 * the thread was measured to lengthen the tail of sender→peer latency on a busy machine.
 */
export const WRITER_THREAD_BYTES = 64 * 1024;

/**
 * Documents in the `docs` (snapshots), `doc_updates` (log) and `doc_versions` tables. Updates
 * appended in one turn of the event loop are committed together (group commit), and each append
 * resolves only once its transaction has committed. With a writer thread (a database file), large
 * writes are made there (`WRITER_THREAD_BYTES`), in the order asked, and every read waits for
 * the writes asked before it; without one (a database in memory), every write is made here.
 */
export class SqliteLedgerDocuments implements LedgerDocuments {
  private readonly statements;
  private readonly writeHere: (write: DocumentWrite) => WriteResult;
  private pendingAppends: PendingAppend[] = [];
  private flushScheduled = false;

  private readonly readSince: (
    docId: string,
    seq: number,
  ) => { lastSeq: number; rows: { seq: number; update_data: Buffer }[] } | null;
  private readonly readLastSeqs: (docIds: readonly string[]) => Map<string, number>;

  private readonly readDoc: (docId: string) => {
    doc: { snapshot: Buffer | null; state_vector: Buffer | null; folded_seq: number } | undefined;
    rows: { seq: number; update_data: Buffer }[];
  };

  constructor(
    db: Database.Database,
    private readonly writer: DocumentWriter | null = null,
  ) {
    this.statements = prepare(db);
    this.writeHere = documentWriter(db);
    // The snapshot and the log in one read transaction: a compaction committed by another
    // connection (the writer thread, the admin CLI) cannot fall between the two reads.
    this.readDoc = db.transaction((docId: string) => ({
      doc: this.statements.snapshot.get(docId) as
        | { snapshot: Buffer | null; state_vector: Buffer | null; folded_seq: number }
        | undefined,
      rows: this.statements.updates.all(docId) as { seq: number; update_data: Buffer }[],
    }));
    this.readSince = db.transaction((docId: string, seq: number) => {
      const folded = (this.statements.snapshot.get(docId) as { folded_seq: number } | undefined)?.folded_seq ?? 0;
      // Entries past `seq` were folded into the snapshot: only the whole document holds them.
      if (folded > seq) return null;
      return {
        lastSeq: (this.statements.lastSeq.get(docId, docId) as { n: number }).n,
        rows: this.statements.updatesSince.all(docId, seq) as { seq: number; update_data: Buffer }[],
      };
    });
    this.readLastSeqs = db.transaction(
      (docIds: readonly string[]) =>
        new Map(docIds.map((docId) => [docId, (this.statements.lastSeq.get(docId, docId) as { n: number }).n])),
    );
  }

  async load(docId: string): Promise<StoredDoc> {
    await this.settled();
    const { doc, rows } = this.readDoc(docId);
    return {
      snapshot: doc?.snapshot == null ? null : bytes(doc.snapshot),
      stateVector: doc?.snapshot == null || doc.state_vector === null ? null : bytes(doc.state_vector),
      updates: rows.map((row) => bytes(row.update_data)),
      lastSeq: Math.max(rows.at(-1)?.seq ?? 0, doc?.folded_seq ?? 0),
    };
  }

  async loadSince(docId: string, seq: number): Promise<StoredDoc> {
    await this.settled();
    const since = this.readSince(docId, seq);
    if (since === null) return this.load(docId);
    return {
      snapshot: null,
      stateVector: null,
      updates: since.rows.map((row) => bytes(row.update_data)),
      lastSeq: since.lastSeq,
    };
  }

  async lastSeqs(docIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    await this.settled();
    return this.readLastSeqs(docIds);
  }

  appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ docId, update, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.postPending());
    });
  }

  async compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void> {
    this.postPending();
    await this.write({ kind: 'compact', docId, snapshot, stateVector, upToSeq, at: Date.now() });
  }

  async storedBytes(docIds: readonly string[]): Promise<number> {
    await this.settled();
    return (this.statements.storedBytes.get(JSON.stringify(docIds)) as { n: number }).n;
  }

  async countUpdates(docId: string): Promise<number> {
    await this.settled();
    return (this.statements.countUpdates.get(docId) as { n: number }).n;
  }

  async listUncompacted(): Promise<readonly string[]> {
    await this.settled();
    return (this.statements.uncompacted.all() as { doc_id: string }[]).map((row) => row.doc_id);
  }

  async saveVersion(docId: string, state: Uint8Array, takenAt: number): Promise<LedgerVersion> {
    this.postPending();
    const [id] = await this.write({ kind: 'save-version', docId, state, takenAt });
    return { versionId: String(id), takenAt, bytes: state.byteLength };
  }

  async listVersions(docId: string): Promise<readonly LedgerVersion[]> {
    await this.settled();
    const rows = this.statements.listVersions.all(docId) as { id: number; taken_at: number; bytes: number }[];
    return rows.map((row) => ({ versionId: String(row.id), takenAt: row.taken_at, bytes: row.bytes }));
  }

  async loadVersion(docId: string, versionId: string): Promise<Uint8Array | null> {
    await this.settled();
    if (!/^[0-9]{1,15}$/.test(versionId)) return null;
    const row = this.statements.loadVersion.get(Number(versionId), docId) as { state: Buffer } | undefined;
    return row === undefined ? null : bytes(row.state);
  }

  async dropVersions(docId: string, versionIds: readonly string[]): Promise<void> {
    this.postPending();
    await this.write({ kind: 'drop-versions', docId, versionIds });
  }

  async requestRestore(docId: string, versionId: string, at: number): Promise<number> {
    await this.settled();
    return Number(this.statements.requestRestore.run(docId, versionId, at).lastInsertRowid);
  }

  async claimRestoreRequests(at: number, requestId?: number): Promise<readonly RestoreRequest[]> {
    await this.settled();
    // Most checks find nothing: a read answers them without taking the database's write lock.
    if (requestId === undefined && this.statements.anyUnclaimed.get() === undefined) return [];
    // A claim is one UPDATE … RETURNING: two processes never claim the same request.
    const rows = (
      requestId === undefined ? this.statements.claimRestores.all(at) : this.statements.claimRestore.all(at, requestId)
    ) as { id: number; doc_id: string; version_id: string }[];
    return rows.map((row) => ({ requestId: row.id, docId: row.doc_id, versionId: row.version_id }));
  }

  async finishRestoreRequest(requestId: number, outcome: RestoreOutcome, at: number): Promise<void> {
    await this.settled();
    const records = outcome.kind === 'restored' ? outcome.records : null;
    this.statements.finishRestore.run(at, outcome.kind, records, requestId);
  }

  async restoreRequestState(requestId: number): Promise<RestoreRequestState | null> {
    await this.settled();
    const row = this.statements.restoreState.get(requestId) as
      | { claimed_at: number | null; outcome: RestoreOutcome['kind'] | null; records: number | null }
      | undefined;
    if (row === undefined) return null;
    if (row.outcome === 'restored')
      return { kind: 'finished', outcome: { kind: 'restored', records: row.records ?? 0 } };
    if (row.outcome !== null) return { kind: 'finished', outcome: { kind: row.outcome } };
    return { kind: row.claimed_at === null ? 'pending' : 'claimed' };
  }

  /** Resolves once every write asked for so far has committed or failed. */
  async settled(): Promise<void> {
    this.postPending();
    await this.writer?.idle();
  }

  /** Waits for the writes asked for, then stops the writer thread. */
  async close(): Promise<void> {
    this.postPending();
    await this.writer?.close();
  }

  /** Sends the appends waiting for the next group commit to be written now; a failed commit rejects each of them. */
  private postPending(): void {
    this.flushScheduled = false;
    const batch = this.pendingAppends;
    if (batch.length === 0) return;
    this.pendingAppends = [];
    const appends = batch.map(({ docId, update }) => ({ docId, update }));
    this.write({ kind: 'append', appends }).then(
      (seqs) => {
        for (const [index, append] of batch.entries()) append.resolve(seqs[index] ?? 0);
      },
      (error: unknown) => {
        for (const append of batch) append.reject(error);
      },
    );
  }

  private async write(write: DocumentWrite): Promise<WriteResult> {
    if (this.writer === null) return this.writeHere(write);
    if (this.writer.busy || bytesOf(write) >= WRITER_THREAD_BYTES) return this.writer.write(write);
    // The thread checkpoints what this connection writes (see SqliteStorage).
    this.writer.start();
    return this.writeHere(write);
  }
}

function prepare(db: Database.Database) {
  return {
    snapshot: db.prepare('SELECT snapshot, state_vector, folded_seq FROM docs WHERE id = ?'),
    updates: db.prepare('SELECT seq, update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq'),
    updatesSince: db.prepare('SELECT seq, update_data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq'),
    lastSeq: db.prepare(
      `SELECT max(coalesce((SELECT max(seq) FROM doc_updates WHERE doc_id = ?), 0),
         coalesce((SELECT folded_seq FROM docs WHERE id = ?), 0)) AS n`,
    ),
    countUpdates: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?'),
    storedBytes: db.prepare(
      `WITH ids(id) AS (SELECT value FROM json_each(?))
       SELECT coalesce((SELECT sum(length(snapshot)) FROM docs WHERE id IN (SELECT id FROM ids)), 0)
         + coalesce((SELECT sum(length(update_data)) FROM doc_updates WHERE doc_id IN (SELECT id FROM ids)), 0)
         + coalesce((SELECT sum(length(state)) FROM doc_versions WHERE doc_id IN (SELECT id FROM ids)), 0) AS n`,
    ),
    uncompacted: db.prepare('SELECT DISTINCT doc_id FROM doc_updates ORDER BY doc_id'),
    listVersions: db.prepare(
      'SELECT id, taken_at, length(state) AS bytes FROM doc_versions WHERE doc_id = ? ORDER BY taken_at DESC, id DESC',
    ),
    loadVersion: db.prepare('SELECT state FROM doc_versions WHERE id = ? AND doc_id = ?'),
    requestRestore: db.prepare('INSERT INTO restore_requests (doc_id, version_id, requested_at) VALUES (?, ?, ?)'),
    anyUnclaimed: db.prepare('SELECT 1 FROM restore_requests WHERE claimed_at IS NULL LIMIT 1'),
    claimRestores: db.prepare(
      'UPDATE restore_requests SET claimed_at = ? WHERE claimed_at IS NULL RETURNING id, doc_id, version_id',
    ),
    claimRestore: db.prepare(
      'UPDATE restore_requests SET claimed_at = ? WHERE claimed_at IS NULL AND id = ? RETURNING id, doc_id, version_id',
    ),
    finishRestore: db.prepare('UPDATE restore_requests SET finished_at = ?, outcome = ?, records = ? WHERE id = ?'),
    restoreState: db.prepare('SELECT claimed_at, outcome, records FROM restore_requests WHERE id = ?'),
  };
}

function bytesOf(write: DocumentWrite): number {
  switch (write.kind) {
    case 'append':
      return write.appends.reduce((sum, { update }) => sum + update.byteLength, 0);
    case 'compact':
      return write.snapshot.byteLength;
    case 'save-version':
      return write.state.byteLength;
    case 'drop-versions':
      return 0;
    default: {
      const unknown: never = write;
      return unknown;
    }
  }
}

function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
