import type { BlobRecords, StoredBlob } from './blob-records.js';

interface BlobRow extends StoredBlob {
  releasedAt: number;
  readonly uploaders: Set<string>;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The files' records in memory, for fast tests: the same contract as `SqliteBlobRecords`. */
export class MemoryBlobRecords implements BlobRecords {
  private readonly blobs = new Map<string, BlobRow>();
  /** Per ledger, each referenced file and the newest update it was seen in. */
  private readonly references = new Map<string, Map<string, number>>();
  /** Per booking, the files its conversation carries. */
  private readonly chatReferences = new Map<string, Set<string>>();

  async recordUpload(blob: Omit<StoredBlob, 'storedAt'>, userId: string, at: number): Promise<boolean> {
    const row = this.blobs.get(blob.hash) ?? { ...blob, storedAt: at, releasedAt: at, uploaders: new Set<string>() };
    this.blobs.set(blob.hash, row);
    row.releasedAt = Math.max(row.releasedAt, at);
    if (row.uploaders.has(userId)) return false;
    row.uploaders.add(userId);
    return true;
  }

  async find(hash: string): Promise<StoredBlob | null> {
    const row = this.blobs.get(hash);
    return row === undefined ? null : { hash: row.hash, type: row.type, size: row.size, storedAt: row.storedAt };
  }

  async uploadersOf(hash: string): Promise<readonly string[]> {
    return [...(this.blobs.get(hash)?.uploaders ?? [])].sort(byText);
  }

  async uploadedBytes(userId: string): Promise<number> {
    let bytes = 0;
    for (const row of this.blobs.values()) if (row.uploaders.has(userId)) bytes += row.size;
    return bytes;
  }

  async addReferences(docId: string, hashes: readonly string[], seq: number): Promise<void> {
    const references = this.references.get(docId) ?? new Map<string, number>();
    for (const hash of hashes) references.set(hash, Math.max(references.get(hash) ?? seq, seq));
    if (references.size > 0) this.references.set(docId, references);
  }

  async replaceReferences(docId: string, hashes: readonly string[], at: number, upToSeq: number): Promise<void> {
    const references = this.references.get(docId) ?? new Map<string, number>();
    const dropped = [...references]
      .filter(([hash, seenSeq]) => !hashes.includes(hash) && seenSeq <= upToSeq)
      .map(([hash]) => hash);
    for (const hash of dropped) references.delete(hash);
    if (references.size === 0) this.references.delete(docId);
    await this.addReferences(docId, hashes, upToSeq);
    for (const hash of dropped) {
      const row = this.blobs.get(hash);
      if (row !== undefined && !this.isReferenced(hash)) row.releasedAt = at;
    }
  }

  async addChatReferences(bookingId: string, hashes: readonly string[]): Promise<void> {
    if (hashes.length === 0) return;
    const references = this.chatReferences.get(bookingId) ?? new Set<string>();
    for (const hash of hashes) references.add(hash);
    this.chatReferences.set(bookingId, references);
  }

  async referencingBookings(hash: string): Promise<readonly string[]> {
    return [...this.chatReferences]
      .filter(([, hashes]) => hashes.has(hash))
      .map(([bookingId]) => bookingId)
      .sort(byText);
  }

  async referencingDocs(hash: string): Promise<readonly string[]> {
    return [...this.references]
      .filter(([, references]) => references.has(hash))
      .map(([docId]) => docId)
      .sort(byText);
  }

  async docsWithReferences(): Promise<readonly string[]> {
    return [...this.references.keys()].sort(byText);
  }

  async releasedBefore(cutoff: number, limit: number): Promise<readonly StoredBlob[]> {
    return [...this.blobs.values()]
      .filter((row) => row.releasedAt <= cutoff && !this.isReferenced(row.hash))
      .sort((a, b) => a.releasedAt - b.releasedAt || byText(a.hash, b.hash))
      .slice(0, limit)
      .map(({ hash, type, size, storedAt }) => ({ hash, type, size, storedAt }));
  }

  async remove(hash: string, cutoff: number): Promise<boolean> {
    const row = this.blobs.get(hash);
    if (row === undefined || row.releasedAt > cutoff || this.isReferenced(hash)) return false;
    this.blobs.delete(hash);
    return true;
  }

  private isReferenced(hash: string): boolean {
    for (const references of this.references.values()) if (references.has(hash)) return true;
    for (const hashes of this.chatReferences.values()) if (hashes.has(hash)) return true;
    return false;
  }
}
