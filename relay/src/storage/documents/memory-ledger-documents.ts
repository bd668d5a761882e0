import type { LedgerDocuments, StoredDoc } from './ledger-documents.js';

interface MemoryDoc {
  snapshot: Uint8Array | null;
  stateVector: Uint8Array | null;
  log: { seq: number; update: Uint8Array }[];
}

/** Documents that live and die with the process: for fast tests. */
export class MemoryLedgerDocuments implements LedgerDocuments {
  private readonly docs = new Map<string, MemoryDoc>();
  /** One sequence for every document, as SQLite's AUTOINCREMENT gives. */
  private nextSeq = 1;

  async load(docId: string): Promise<StoredDoc> {
    const doc = this.docs.get(docId);
    if (doc === undefined) return { snapshot: null, stateVector: null, updates: [], lastSeq: 0 };
    return {
      snapshot: doc.snapshot === null ? null : doc.snapshot.slice(),
      stateVector: doc.stateVector === null ? null : doc.stateVector.slice(),
      updates: doc.log.map((entry) => entry.update.slice()),
      lastSeq: doc.log.at(-1)?.seq ?? 0,
    };
  }

  async appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    const seq = this.nextSeq++;
    this.docOrNew(docId).log.push({ seq, update: update.slice() });
    return seq;
  }

  async compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void> {
    const doc = this.docOrNew(docId);
    doc.snapshot = snapshot.slice();
    doc.stateVector = stateVector.slice();
    doc.log = doc.log.filter((entry) => entry.seq > upToSeq);
  }

  async storedBytes(docId: string): Promise<number> {
    const doc = this.docs.get(docId);
    if (doc === undefined) return 0;
    return (doc.snapshot?.byteLength ?? 0) + doc.log.reduce((sum, entry) => sum + entry.update.byteLength, 0);
  }

  async countUpdates(docId: string): Promise<number> {
    return this.docs.get(docId)?.log.length ?? 0;
  }

  async listUncompacted(): Promise<readonly string[]> {
    return [...this.docs]
      .filter(([, doc]) => doc.log.length > 0)
      .map(([docId]) => docId)
      .sort();
  }

  private docOrNew(docId: string): MemoryDoc {
    let doc = this.docs.get(docId);
    if (doc === undefined) {
      doc = { snapshot: null, stateVector: null, log: [] };
      this.docs.set(docId, doc);
    }
    return doc;
  }
}
