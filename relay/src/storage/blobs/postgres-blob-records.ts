import type pg from 'pg';
import { transaction } from '../postgres-database.js';
import type { BlobRecords, StoredBlob } from './blob-records.js';
import { type BlobRow, blobColumns, toStoredBlob } from './blob-rows.js';

const unreferenced = `NOT EXISTS (SELECT 1 FROM blob_references r WHERE r.hash = blobs.hash)
  AND NOT EXISTS (SELECT 1 FROM blob_chat_references c WHERE c.hash = blobs.hash)`;
/** A reference remembers the newest update it was seen in (BLOB6). */
const addReferences = `INSERT INTO blob_references (doc_id, hash, seen_seq) SELECT $1, unnest($2::TEXT[]), $3
  ON CONFLICT (doc_id, hash) DO UPDATE SET seen_seq = GREATEST(blob_references.seen_seq, excluded.seen_seq)`;

/** The files' records in the same tables as `SqliteBlobRecords`, in PostgreSQL. */
export class PostgresBlobRecords implements BlobRecords {
  constructor(private readonly pool: pg.Pool) {}

  async recordUpload(blob: Omit<StoredBlob, 'storedAt'>, userId: string, at: number): Promise<boolean> {
    return transaction(this.pool, async (tx) => {
      await tx.query(
        `INSERT INTO blobs (hash, type, size, stored_at, released_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (hash) DO UPDATE SET released_at = GREATEST(blobs.released_at, excluded.released_at)`,
        [blob.hash, blob.type, blob.size, at],
      );
      const inserted = await tx.query(
        'INSERT INTO blob_uploads (hash, user_id, uploaded_at) VALUES ($1, $2, $3) ON CONFLICT (hash, user_id) DO NOTHING',
        [blob.hash, userId, at],
      );
      return inserted.rowCount !== 0;
    });
  }

  async find(hash: string): Promise<StoredBlob | null> {
    const result = await this.pool.query<BlobRow>(`SELECT ${blobColumns} FROM blobs WHERE hash = $1`, [hash]);
    const [row] = result.rows;
    return row === undefined ? null : toStoredBlob(row);
  }

  async uploadersOf(hash: string): Promise<readonly string[]> {
    const result = await this.pool.query<{ user_id: string }>(
      'SELECT user_id FROM blob_uploads WHERE hash = $1 ORDER BY user_id COLLATE "C"',
      [hash],
    );
    return result.rows.map((row) => row.user_id);
  }

  async uploadedBytes(userId: string): Promise<number> {
    const result = await this.pool.query<{ bytes: number }>(
      'SELECT COALESCE(SUM(b.size), 0)::BIGINT AS bytes FROM blob_uploads u JOIN blobs b ON b.hash = u.hash WHERE u.user_id = $1',
      [userId],
    );
    return result.rows[0]?.bytes ?? 0;
  }

  async addReferences(docId: string, hashes: readonly string[], seq: number): Promise<void> {
    if (hashes.length === 0) return;
    await this.pool.query(addReferences, [docId, [...hashes], seq]);
  }

  async replaceReferences(docId: string, hashes: readonly string[], at: number, upToSeq: number): Promise<void> {
    await transaction(this.pool, async (tx) => {
      const dropped = await tx.query<{ hash: string }>(
        'DELETE FROM blob_references WHERE doc_id = $1 AND seen_seq <= $3 AND NOT (hash = ANY($2::TEXT[])) RETURNING hash',
        [docId, [...hashes], upToSeq],
      );
      if (hashes.length > 0) await tx.query(addReferences, [docId, [...hashes], upToSeq]);
      if (dropped.rows.length > 0) {
        await tx.query(`UPDATE blobs SET released_at = $1 WHERE hash = ANY($2::TEXT[]) AND ${unreferenced}`, [
          at,
          dropped.rows.map((row) => row.hash),
        ]);
      }
    });
  }

  async addChatReferences(bookingId: string, hashes: readonly string[]): Promise<void> {
    if (hashes.length === 0) return;
    await this.pool.query(
      'INSERT INTO blob_chat_references (booking_id, hash) SELECT $1, unnest($2::TEXT[]) ON CONFLICT DO NOTHING',
      [bookingId, [...hashes]],
    );
  }

  async referencingBookings(hash: string): Promise<readonly string[]> {
    const result = await this.pool.query<{ booking_id: string }>(
      'SELECT booking_id FROM blob_chat_references WHERE hash = $1 ORDER BY booking_id COLLATE "C"',
      [hash],
    );
    return result.rows.map((row) => row.booking_id);
  }

  async referencingDocs(hash: string): Promise<readonly string[]> {
    const result = await this.pool.query<{ doc_id: string }>(
      'SELECT doc_id FROM blob_references WHERE hash = $1 ORDER BY doc_id COLLATE "C"',
      [hash],
    );
    return result.rows.map((row) => row.doc_id);
  }

  async docsWithReferences(): Promise<readonly string[]> {
    const result = await this.pool.query<{ doc_id: string }>(
      'SELECT doc_id FROM blob_references GROUP BY doc_id ORDER BY doc_id COLLATE "C"',
    );
    return result.rows.map((row) => row.doc_id);
  }

  async releasedBefore(cutoff: number, limit: number): Promise<readonly StoredBlob[]> {
    const result = await this.pool.query<BlobRow>(
      `SELECT ${blobColumns} FROM blobs WHERE released_at <= $1 AND ${unreferenced} ORDER BY released_at, hash COLLATE "C" LIMIT $2`,
      [cutoff, limit],
    );
    return result.rows.map(toStoredBlob);
  }

  async remove(hash: string, cutoff: number): Promise<boolean> {
    return transaction(this.pool, async (tx) => {
      const removed = await tx.query(`DELETE FROM blobs WHERE hash = $1 AND released_at <= $2 AND ${unreferenced}`, [
        hash,
        cutoff,
      ]);
      if (removed.rowCount === 0) return false;
      await tx.query('DELETE FROM blob_uploads WHERE hash = $1', [hash]);
      return true;
    });
  }
}
