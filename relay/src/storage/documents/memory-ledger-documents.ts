import type {
  LedgerDocuments,
  LedgerVersion,
  RestoreOutcome,
  RestoreRequest,
  RestoreRequestState,
  StoredDoc,
} from './ledger-documents.js';

interface MemoryDoc {
  snapshot: Uint8Array | null;
  stateVector: Uint8Array | null;
  log: { seq: number; update: Uint8Array }[];
  /** The last log entry the snapshot folded. */
  foldedSeq: number;
}

/** Documents that live and die with the process: for fast tests. */
export class MemoryLedgerDocuments implements LedgerDocuments {
  private readonly docs = new Map<string, MemoryDoc>();
  /** One sequence for every document, as SQLite's AUTOINCREMENT gives. */
  private nextSeq = 1;
  private readonly versions = new Map<string, (LedgerVersion & { readonly state: Uint8Array })[]>();
  private nextVersion = 1;
  private readonly restoreRequests: (RestoreRequest & { claimed: boolean; outcome: RestoreOutcome | null })[] = [];

  async load(docId: string): Promise<StoredDoc> {
    const doc = this.docs.get(docId);
    if (doc === undefined) return { snapshot: null, stateVector: null, updates: [], lastSeq: 0 };
    return {
      snapshot: doc.snapshot === null ? null : doc.snapshot.slice(),
      stateVector: doc.stateVector === null ? null : doc.stateVector.slice(),
      updates: doc.log.map((entry) => entry.update.slice()),
      lastSeq: Math.max(doc.log.at(-1)?.seq ?? 0, doc.foldedSeq),
    };
  }

  async loadSince(docId: string, seq: number): Promise<StoredDoc> {
    const doc = this.docs.get(docId);
    if (doc === undefined || doc.foldedSeq > seq) return this.load(docId);
    return {
      snapshot: null,
      stateVector: null,
      updates: doc.log.filter((entry) => entry.seq > seq).map((entry) => entry.update.slice()),
      lastSeq: Math.max(doc.log.at(-1)?.seq ?? 0, doc.foldedSeq),
    };
  }

  async lastSeqs(docIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    return new Map(
      docIds.map((docId) => {
        const doc = this.docs.get(docId);
        return [docId, doc === undefined ? 0 : Math.max(doc.log.at(-1)?.seq ?? 0, doc.foldedSeq)];
      }),
    );
  }

  async appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    const seq = this.nextSeq++;
    this.docOrNew(docId).log.push({ seq, update: update.slice() });
    return seq;
  }

  async compact(docId: string, snapshot: Uint8Array, stateVector: Uint8Array, upToSeq: number): Promise<void> {
    const doc = this.docOrNew(docId);
    if (doc.foldedSeq <= upToSeq) {
      doc.snapshot = snapshot.slice();
      doc.stateVector = stateVector.slice();
      doc.foldedSeq = upToSeq;
    }
    doc.log = doc.log.filter((entry) => entry.seq > upToSeq);
  }

  async storedBytes(docIds: readonly string[]): Promise<number> {
    let bytes = 0;
    for (const docId of new Set(docIds)) {
      const doc = this.docs.get(docId);
      bytes +=
        (doc?.snapshot?.byteLength ?? 0) + (doc?.log ?? []).reduce((sum, entry) => sum + entry.update.byteLength, 0);
      bytes += (this.versions.get(docId) ?? []).reduce((sum, version) => sum + version.bytes, 0);
    }
    return bytes;
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

  async saveVersion(docId: string, state: Uint8Array, takenAt: number): Promise<LedgerVersion> {
    const version = { versionId: String(this.nextVersion++), takenAt, bytes: state.byteLength };
    const kept = this.versions.get(docId) ?? [];
    kept.push({ ...version, state: state.slice() });
    this.versions.set(docId, kept);
    return version;
  }

  async listVersions(docId: string): Promise<readonly LedgerVersion[]> {
    return (this.versions.get(docId) ?? [])
      .map(({ versionId, takenAt, bytes }) => ({ versionId, takenAt, bytes }))
      .sort((a, b) => b.takenAt - a.takenAt || Number(b.versionId) - Number(a.versionId));
  }

  async loadVersion(docId: string, versionId: string): Promise<Uint8Array | null> {
    return (
      this.versions
        .get(docId)
        ?.find((version) => version.versionId === versionId)
        ?.state.slice() ?? null
    );
  }

  async dropVersions(docId: string, versionIds: readonly string[]): Promise<void> {
    const dropped = new Set(versionIds);
    const kept = (this.versions.get(docId) ?? []).filter((version) => !dropped.has(version.versionId));
    this.versions.set(docId, kept);
  }

  async requestRestore(docId: string, versionId: string): Promise<number> {
    const requestId = this.restoreRequests.length + 1;
    this.restoreRequests.push({ requestId, docId, versionId, claimed: false, outcome: null });
    return requestId;
  }

  async claimRestoreRequests(_at: number, requestId?: number): Promise<readonly RestoreRequest[]> {
    const claimed: RestoreRequest[] = [];
    for (const request of this.restoreRequests) {
      if (request.claimed || (requestId !== undefined && request.requestId !== requestId)) continue;
      request.claimed = true;
      claimed.push({ requestId: request.requestId, docId: request.docId, versionId: request.versionId });
    }
    return claimed;
  }

  async finishRestoreRequest(requestId: number, outcome: RestoreOutcome): Promise<void> {
    const request = this.restoreRequests.find((each) => each.requestId === requestId);
    if (request !== undefined) request.outcome = outcome;
  }

  async restoreRequestState(requestId: number): Promise<RestoreRequestState | null> {
    const request = this.restoreRequests.find((each) => each.requestId === requestId);
    if (request === undefined) return null;
    if (request.outcome !== null) return { kind: 'finished', outcome: request.outcome };
    return { kind: request.claimed ? 'claimed' : 'pending' };
  }

  private docOrNew(docId: string): MemoryDoc {
    let doc = this.docs.get(docId);
    if (doc === undefined) {
      doc = { snapshot: null, stateVector: null, log: [], foldedSeq: 0 };
      this.docs.set(docId, doc);
    }
    return doc;
  }
}
