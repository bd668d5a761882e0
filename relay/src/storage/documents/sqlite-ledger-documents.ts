import type Database from 'better-sqlite3';
import type { LedgerDocuments, StoredDoc } from './ledger-documents.js';

interface PendingAppend {
  readonly docId: string;
  readonly update: Uint8Array;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Documents in the `docs` (snapshots) and `doc_updates` (log) tables. Updates appended in one
 * turn of the event loop are committed together (group commit), and each append resolves only
 * once its transaction has committed. Every other call commits what is pending first.
 */
export class SqliteLedgerDocuments implements LedgerDocuments {
  private readonly statements;
  private pendingAppends: PendingAppend[] = [];
  private flushScheduled = false;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  async load(docId: string): Promise<StoredDoc> {
    this.commitPending();
    const doc = this.statements.snapshot.get(docId) as
      | { snapshot: Buffer | null; state_vector: Buffer | null }
      | undefined;
    const rows = this.statements.updates.all(docId) as { seq: number; update_data: Buffer }[];
    return {
      snapshot: doc?.snapshot == null ? null : bytes(doc.snapshot),
      stateVector: doc?.snapshot == null || doc.state_vector === null ? null : bytes(doc.state_vector),
      updates: rows.map((row) => bytes(row.update_data)),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  }

  appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ docId, update, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.commitPending());
    });
  }

  async compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void> {
    this.commitPending();
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(docId, snapshot, stateVector, Date.now());
      this.statements.deleteUpdatesUpTo.run(docId, upToSeq);
    })();
  }

  async storedBytes(docId: string): Promise<number> {
    this.commitPending();
    return (this.statements.storedBytes.get(docId, docId) as { n: number }).n;
  }

  async countUpdates(docId: string): Promise<number> {
    this.commitPending();
    return (this.statements.countUpdates.get(docId) as { n: number }).n;
  }

  async listUncompacted(): Promise<readonly string[]> {
    this.commitPending();
    return (this.statements.uncompacted.all() as { doc_id: string }[]).map((row) => row.doc_id);
  }

  /** Commits the appends waiting for the next group commit now; a failed commit rejects each of them. */
  commitPending(): void {
    this.flushScheduled = false;
    const batch = this.pendingAppends;
    if (batch.length === 0) return;
    this.pendingAppends = [];
    let seqs: number[];
    try {
      seqs = this.db.transaction(() =>
        batch.map((append) => Number(this.statements.append.run(append.docId, append.update).lastInsertRowid)),
      )();
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    for (const [index, append] of batch.entries()) append.resolve(seqs[index] ?? 0);
  }
}

function prepare(db: Database.Database) {
  return {
    snapshot: db.prepare('SELECT snapshot, state_vector FROM docs WHERE id = ?'),
    updates: db.prepare('SELECT seq, update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq'),
    append: db.prepare('INSERT INTO doc_updates (doc_id, update_data) VALUES (?, ?)'),
    upsertSnapshot: db.prepare(
      `INSERT INTO docs (id, snapshot, state_vector, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, state_vector = excluded.state_vector,
         updated_at = excluded.updated_at`,
    ),
    deleteUpdatesUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?'),
    countUpdates: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?'),
    storedBytes: db.prepare(
      `SELECT coalesce((SELECT length(snapshot) FROM docs WHERE id = ?), 0)
         + coalesce((SELECT sum(length(update_data)) FROM doc_updates WHERE doc_id = ?), 0) AS n`,
    ),
    uncompacted: db.prepare('SELECT DISTINCT doc_id FROM doc_updates ORDER BY doc_id'),
  };
}

function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
