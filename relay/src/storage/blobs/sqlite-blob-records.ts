import type Database from 'better-sqlite3';
import type { BlobRecords, StoredBlob } from './blob-records.js';
import { type BlobRow, blobColumns, toStoredBlob } from './blob-rows.js';

const unreferenced = `NOT EXISTS (SELECT 1 FROM blob_references r WHERE r.hash = blobs.hash)
  AND NOT EXISTS (SELECT 1 FROM blob_chat_references c WHERE c.hash = blobs.hash)`;

/** The files' records in the `blobs`, `blob_uploads` and `blob_references` tables. */
export class SqliteBlobRecords implements BlobRecords {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertBlob: db.prepare(
        'INSERT INTO blobs (hash, type, size, stored_at, released_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO UPDATE SET released_at = MAX(released_at, excluded.released_at)',
      ),
      insertUpload: db.prepare(
        'INSERT INTO blob_uploads (hash, user_id, uploaded_at) VALUES (?, ?, ?) ON CONFLICT (hash, user_id) DO NOTHING',
      ),
      find: db.prepare(`SELECT ${blobColumns} FROM blobs WHERE hash = ?`),
      uploaders: db.prepare('SELECT user_id FROM blob_uploads WHERE hash = ? ORDER BY user_id'),
      uploadedBytes: db.prepare(
        'SELECT COALESCE(SUM(b.size), 0) AS bytes FROM blob_uploads u JOIN blobs b ON b.hash = u.hash WHERE u.user_id = ?',
      ),
      addReference: db.prepare(
        'INSERT INTO blob_references (doc_id, hash, seen_seq) VALUES (?, ?, ?) ON CONFLICT (doc_id, hash) DO UPDATE SET seen_seq = MAX(seen_seq, excluded.seen_seq)',
      ),
      referencesUpTo: db.prepare('SELECT hash FROM blob_references WHERE doc_id = ? AND seen_seq <= ?'),
      dropReference: db.prepare('DELETE FROM blob_references WHERE doc_id = ? AND hash = ?'),
      release: db.prepare(`UPDATE blobs SET released_at = ? WHERE hash = ? AND ${unreferenced}`),
      addChatReference: db.prepare(
        'INSERT INTO blob_chat_references (booking_id, hash) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ),
      referencingBookings: db.prepare('SELECT booking_id FROM blob_chat_references WHERE hash = ? ORDER BY booking_id'),
      referencingDocs: db.prepare('SELECT doc_id FROM blob_references WHERE hash = ? ORDER BY doc_id'),
      docsWithReferences: db.prepare('SELECT DISTINCT doc_id FROM blob_references ORDER BY doc_id'),
      releasedBefore: db.prepare(
        `SELECT ${blobColumns} FROM blobs WHERE released_at <= ? AND ${unreferenced} ORDER BY released_at, hash LIMIT ?`,
      ),
      removeBlob: db.prepare(`DELETE FROM blobs WHERE hash = ? AND released_at <= ? AND ${unreferenced}`),
      removeUploads: db.prepare('DELETE FROM blob_uploads WHERE hash = ?'),
    };
  }

  async recordUpload(blob: Omit<StoredBlob, 'storedAt'>, userId: string, at: number): Promise<boolean> {
    return this.db.transaction(() => {
      this.statements.insertBlob.run(blob.hash, blob.type, blob.size, at, at);
      return this.statements.insertUpload.run(blob.hash, userId, at).changes > 0;
    })();
  }

  async find(hash: string): Promise<StoredBlob | null> {
    const row = this.statements.find.get(hash) as BlobRow | undefined;
    return row === undefined ? null : toStoredBlob(row);
  }

  async uploadersOf(hash: string): Promise<readonly string[]> {
    return (this.statements.uploaders.all(hash) as { user_id: string }[]).map((row) => row.user_id);
  }

  async uploadedBytes(userId: string): Promise<number> {
    return (this.statements.uploadedBytes.get(userId) as { bytes: number }).bytes;
  }

  async addReferences(docId: string, hashes: readonly string[], seq: number): Promise<void> {
    this.db.transaction(() => {
      for (const hash of hashes) this.statements.addReference.run(docId, hash, seq);
    })();
  }

  async replaceReferences(docId: string, hashes: readonly string[], at: number, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      const kept = new Set(hashes);
      for (const { hash } of this.statements.referencesUpTo.all(docId, upToSeq) as { hash: string }[]) {
        if (kept.has(hash)) continue;
        this.statements.dropReference.run(docId, hash);
        this.statements.release.run(at, hash);
      }
      for (const hash of kept) this.statements.addReference.run(docId, hash, upToSeq);
    })();
  }

  async addChatReferences(bookingId: string, hashes: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const hash of hashes) this.statements.addChatReference.run(bookingId, hash);
    })();
  }

  async referencingBookings(hash: string): Promise<readonly string[]> {
    return (this.statements.referencingBookings.all(hash) as { booking_id: string }[]).map((row) => row.booking_id);
  }

  async referencingDocs(hash: string): Promise<readonly string[]> {
    return (this.statements.referencingDocs.all(hash) as { doc_id: string }[]).map((row) => row.doc_id);
  }

  async docsWithReferences(): Promise<readonly string[]> {
    return (this.statements.docsWithReferences.all() as { doc_id: string }[]).map((row) => row.doc_id);
  }

  async releasedBefore(cutoff: number, limit: number): Promise<readonly StoredBlob[]> {
    return (this.statements.releasedBefore.all(cutoff, limit) as BlobRow[]).map(toStoredBlob);
  }

  async remove(hash: string, cutoff: number): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.statements.removeBlob.run(hash, cutoff).changes === 0) return false;
      this.statements.removeUploads.run(hash);
      return true;
    })();
  }
}
