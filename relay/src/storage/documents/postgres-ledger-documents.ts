import type pg from 'pg';
import * as Y from 'yjs';
import { byteaParam, bytesOf, transaction } from '../postgres-database.js';
import type {
  LedgerDocuments,
  LedgerVersion,
  RestoreOutcome,
  RestoreRequest,
  RestoreRequestState,
  StoredDoc,
} from './ledger-documents.js';

interface PendingAppend {
  readonly docId: string;
  readonly update: Uint8Array;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Documents in the `docs` (snapshot and sequence counter) and `doc_updates` (log) tables, shared
 * by every relay on the database.
 *
 * One order per document: an append locks its document's `docs` row, takes the next number of
 * `docs.last_seq` and stores the update under it, all in one transaction, before the append
 * resolves (and so before the relay broadcasts it). The row lock is held until commit, so a
 * document's updates commit in the order of their numbers, on whichever relay they arrive: a
 * reader that sees number n has seen every number below it. Compaction takes the same lock, then
 * deletes only the numbers up to the one it folded; updates appended meanwhile keep theirs.
 *
 * Updates appended in one turn of the event loop, or while the previous batch committed, are
 * committed together in one statement (group commit, one round trip), in the order they were
 * appended, on a connection of their own; every other call waits for the appends before it.
 * A batch never queues behind other queries for a pooled connection: after a burst of new
 * ledgers (each read, summed against its quota and kept as a version) that queue held the
 * updates arriving next for up to 230 ms.
 */
export class PostgresLedgerDocuments implements LedgerDocuments {
  private pendingAppends: PendingAppend[] = [];
  private flushScheduled = false;
  private committed: Promise<void> = Promise.resolve();

  /** `appendPool` commits the appends alone; `pool` serves everything else. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly appendPool: pg.Pool,
  ) {}

  async load(docId: string): Promise<StoredDoc> {
    await this.settled();
    // One snapshot of both tables: a compaction committing between the two reads would otherwise
    // drop updates that are in neither.
    return transaction(
      this.pool,
      async (tx) => {
        const doc = (
          await tx.query<{ snapshot: Buffer | null; state_vector: Buffer | null; last_seq: number }>(
            'SELECT snapshot, state_vector, last_seq FROM docs WHERE id = $1',
            [docId],
          )
        ).rows[0];
        const rows = (
          await tx.query<{ seq: number; update_data: Buffer }>(
            'SELECT seq, update_data FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
            [docId],
          )
        ).rows;
        const snapshot = doc?.snapshot ?? null;
        return {
          snapshot: snapshot === null ? null : bytesOf(snapshot),
          stateVector: snapshot === null || doc?.state_vector == null ? null : bytesOf(doc.state_vector),
          updates: rows.map((row) => bytesOf(row.update_data)),
          // Every number up to the document's counter is in this read: the log or the snapshot (C2).
          lastSeq: Math.max(rows.at(-1)?.seq ?? 0, doc?.last_seq ?? 0),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async loadSince(docId: string, seq: number): Promise<StoredDoc> {
    await this.settled();
    const since = await transaction(
      this.pool,
      async (tx) => {
        const doc = (
          await tx.query<{ last_seq: number; folded_seq: number }>(
            'SELECT last_seq, folded_seq FROM docs WHERE id = $1',
            [docId],
          )
        ).rows[0];
        // Entries past `seq` were folded into the snapshot: only the whole document holds them.
        if (doc !== undefined && doc.folded_seq > seq) return null;
        const rows = (
          await tx.query<{ seq: number; update_data: Buffer }>(
            'SELECT seq, update_data FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
            [docId, seq],
          )
        ).rows;
        return {
          snapshot: null,
          stateVector: null,
          updates: rows.map((row) => bytesOf(row.update_data)),
          lastSeq: Math.max(rows.at(-1)?.seq ?? 0, doc?.last_seq ?? 0),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
    return since ?? this.load(docId);
  }

  async lastSeqs(docIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    await this.settled();
    const { rows } = await this.pool.query<{ id: string; last_seq: number }>(
      'SELECT id, last_seq FROM docs WHERE id = ANY($1::text[])',
      [docIds],
    );
    const stored = new Map(rows.map((row) => [row.id, row.last_seq]));
    return new Map(docIds.map((docId) => [docId, stored.get(docId) ?? 0]));
  }

  appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ docId, update, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => void this.settled());
    });
  }

  async compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void> {
    await this.settled();
    await transaction(this.pool, async (tx) => {
      // Locks the document's row: appends to it, and other relays' compactions, wait until the fold commits.
      await tx.query('INSERT INTO docs (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [docId]);
      const stored = (
        await tx.query<{ snapshot: Buffer | null; folded_seq: number }>(
          'SELECT snapshot, folded_seq FROM docs WHERE id = $1 FOR UPDATE',
          [docId],
        )
      ).rows[0];
      const rows = (
        await tx.query<{ update_data: Buffer }>(
          'SELECT update_data FROM doc_updates WHERE doc_id = $1 AND seq <= $2 ORDER BY seq',
          [docId, upToSeq],
        )
      ).rows;
      // The relay's document may lack entries another relay stored, and the stored snapshot what
      // another relay folded: the new snapshot folds all three, and drops only the rows it read (C6).
      const folded = Y.mergeUpdates([
        ...(stored?.snapshot == null ? [] : [bytesOf(stored.snapshot)]),
        snapshot,
        ...rows.map((row) => bytesOf(row.update_data)),
      ]);
      const foldedVector =
        rows.length === 0 && stored?.snapshot == null ? stateVector : Y.encodeStateVectorFromUpdate(folded);
      await tx.query(
        'UPDATE docs SET snapshot = $2, state_vector = $3, updated_at = $4, folded_seq = greatest(folded_seq, $5) WHERE id = $1',
        [docId, byteaParam(folded), byteaParam(foldedVector), Date.now(), upToSeq],
      );
      await tx.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [docId, upToSeq]);
    });
  }

  async storedBytes(docIds: readonly string[]): Promise<number> {
    await this.settled();
    const result = await this.pool.query<{ n: number }>(
      `SELECT (coalesce((SELECT sum(octet_length(snapshot)) FROM docs WHERE id = ANY($1::text[])), 0)
         + coalesce((SELECT sum(octet_length(update_data)) FROM doc_updates WHERE doc_id = ANY($1::text[])), 0)
         + coalesce((SELECT sum(octet_length(state)) FROM doc_versions WHERE doc_id = ANY($1::text[])), 0))::bigint AS n`,
      [docIds],
    );
    return result.rows[0]?.n ?? 0;
  }

  async countUpdates(docId: string): Promise<number> {
    await this.settled();
    const result = await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', [
      docId,
    ]);
    return result.rows[0]?.n ?? 0;
  }

  async listUncompacted(): Promise<readonly string[]> {
    await this.settled();
    const result = await this.pool.query<{ doc_id: string }>(
      'SELECT doc_id FROM doc_updates GROUP BY doc_id ORDER BY doc_id COLLATE "C"',
    );
    return result.rows.map((row) => row.doc_id);
  }

  async saveVersion(docId: string, state: Uint8Array, takenAt: number): Promise<LedgerVersion> {
    await this.settled();
    const result = await this.pool.query<{ id: number }>(
      'INSERT INTO doc_versions (doc_id, taken_at, state) VALUES ($1, $2, $3) RETURNING id',
      [docId, takenAt, byteaParam(state)],
    );
    return { versionId: String(result.rows[0]?.id), takenAt, bytes: state.byteLength };
  }

  async listVersions(docId: string): Promise<readonly LedgerVersion[]> {
    await this.settled();
    const result = await this.pool.query<{ id: number; taken_at: number; bytes: number }>(
      `SELECT id, taken_at, octet_length(state) AS bytes FROM doc_versions WHERE doc_id = $1
       ORDER BY taken_at DESC, id DESC`,
      [docId],
    );
    return result.rows.map((row) => ({ versionId: String(row.id), takenAt: row.taken_at, bytes: row.bytes }));
  }

  async loadVersion(docId: string, versionId: string): Promise<Uint8Array | null> {
    await this.settled();
    if (!/^[0-9]{1,15}$/.test(versionId)) return null;
    const row = (
      await this.pool.query<{ state: Buffer }>('SELECT state FROM doc_versions WHERE id = $1 AND doc_id = $2', [
        Number(versionId),
        docId,
      ])
    ).rows[0];
    return row === undefined ? null : bytesOf(row.state);
  }

  async dropVersions(docId: string, versionIds: readonly string[]): Promise<void> {
    await this.settled();
    const ids = versionIds.filter((id) => /^[0-9]{1,15}$/.test(id)).map(Number);
    await this.pool.query('DELETE FROM doc_versions WHERE doc_id = $1 AND id = ANY($2::bigint[])', [docId, ids]);
  }

  async requestRestore(docId: string, versionId: string, at: number): Promise<number> {
    await this.settled();
    const result = await this.pool.query<{ id: number }>(
      'INSERT INTO restore_requests (doc_id, version_id, requested_at) VALUES ($1, $2, $3) RETURNING id',
      [docId, versionId, at],
    );
    return result.rows[0]?.id ?? 0;
  }

  async claimRestoreRequests(at: number, requestId?: number): Promise<readonly RestoreRequest[]> {
    await this.settled();
    // A claim is one UPDATE … RETURNING: two relays never claim the same request.
    const result =
      requestId === undefined
        ? await this.pool.query<{ id: number; doc_id: string; version_id: string }>(
            `UPDATE restore_requests SET claimed_at = $1 WHERE claimed_at IS NULL RETURNING id, doc_id, version_id`,
            [at],
          )
        : await this.pool.query<{ id: number; doc_id: string; version_id: string }>(
            `UPDATE restore_requests SET claimed_at = $1 WHERE claimed_at IS NULL AND id = $2
             RETURNING id, doc_id, version_id`,
            [at, requestId],
          );
    return result.rows
      .map((row) => ({ requestId: row.id, docId: row.doc_id, versionId: row.version_id }))
      .sort((a, b) => a.requestId - b.requestId);
  }

  async finishRestoreRequest(requestId: number, outcome: RestoreOutcome, at: number): Promise<void> {
    await this.settled();
    const records = outcome.kind === 'restored' ? outcome.records : null;
    await this.pool.query('UPDATE restore_requests SET finished_at = $1, outcome = $2, records = $3 WHERE id = $4', [
      at,
      outcome.kind,
      records,
      requestId,
    ]);
  }

  async restoreRequestState(requestId: number): Promise<RestoreRequestState | null> {
    await this.settled();
    const row = (
      await this.pool.query<{
        claimed_at: number | null;
        outcome: RestoreOutcome['kind'] | null;
        records: number | null;
      }>('SELECT claimed_at, outcome, records FROM restore_requests WHERE id = $1', [requestId])
    ).rows[0];
    if (row === undefined) return null;
    if (row.outcome === 'restored')
      return { kind: 'finished', outcome: { kind: 'restored', records: row.records ?? 0 } };
    if (row.outcome !== null) return { kind: 'finished', outcome: { kind: row.outcome } };
    return { kind: row.claimed_at === null ? 'pending' : 'claimed' };
  }

  /** Commits the appends made so far, after those already committing; resolves once all are committed (or refused). */
  settled(): Promise<void> {
    if (this.pendingAppends.length > 0) this.committed = this.committed.then(() => this.commitPending());
    return this.committed;
  }

  /**
   * Commits the waiting appends in one statement, so one round trip: each document's counter is
   * raised by its number of appends (creating its row, and locking it until commit, in id order,
   * so two relays committing batches never deadlock), and the updates are stored under the
   * numbers just taken, in the order they were appended. A failed commit rejects each of them.
   */
  private async commitPending(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pendingAppends;
    if (batch.length === 0) return;
    this.pendingAppends = [];
    let lastSeqs: Map<string, number>;
    try {
      const { rows } = await this.appendPool.query<{ id: string; last_seq: number }>(
        `WITH batch AS (
           SELECT doc_id, update_data, row_number() OVER (PARTITION BY doc_id ORDER BY position) AS nth
           FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS b(doc_id, update_data, position)
         ), added AS (
           SELECT doc_id, count(*) AS n FROM batch GROUP BY doc_id
         ), numbered AS (
           INSERT INTO docs (id, last_seq) SELECT doc_id, n FROM added ORDER BY doc_id COLLATE "C"
           ON CONFLICT (id) DO UPDATE SET last_seq = docs.last_seq + excluded.last_seq
           RETURNING id, last_seq
         ), stored AS (
           INSERT INTO doc_updates (doc_id, seq, update_data)
           SELECT batch.doc_id, numbered.last_seq - added.n + batch.nth, batch.update_data
           FROM batch JOIN added USING (doc_id) JOIN numbered ON numbered.id = batch.doc_id
         )
         SELECT id, last_seq FROM numbered`,
        [batch.map((append) => append.docId), batch.map((append) => byteaParam(append.update))],
      );
      lastSeqs = new Map(rows.map((row) => [row.id, row.last_seq]));
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    // The batch's numbers of a document end at its new counter: counted back, in append order.
    const remaining = new Map<string, number>();
    for (const append of batch) remaining.set(append.docId, (remaining.get(append.docId) ?? 0) + 1);
    for (const append of batch) {
      const left = remaining.get(append.docId) ?? 0;
      remaining.set(append.docId, left - 1);
      append.resolve((lastSeqs.get(append.docId) ?? 0) - left + 1);
    }
  }
}
