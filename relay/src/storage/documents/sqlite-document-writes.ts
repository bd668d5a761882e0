import type Database from 'better-sqlite3';

/** One accepted update to append to a document's log. */
export interface Append {
  readonly docId: string;
  readonly update: Uint8Array;
}

/** A write to the documents' tables, whichever connection makes it: the relay's own or its writer thread's. */
export type DocumentWrite =
  | { readonly kind: 'append'; readonly appends: readonly Append[] }
  | {
      readonly kind: 'compact';
      readonly docId: string;
      readonly snapshot: Uint8Array;
      readonly stateVector: Uint8Array;
      readonly upToSeq: number;
      readonly at: number;
    }
  | { readonly kind: 'save-version'; readonly docId: string; readonly state: Uint8Array; readonly takenAt: number }
  | { readonly kind: 'drop-versions'; readonly docId: string; readonly versionIds: readonly string[] };

/** What a write returns: the appends' sequence numbers, in order, or the saved version's id. */
export type WriteResult = readonly number[];

/** The documents' writes over one connection, each in one transaction. */
export function documentWriter(db: Database.Database): (write: DocumentWrite) => WriteResult {
  const append = db.prepare('INSERT INTO doc_updates (doc_id, update_data) VALUES (?, ?)');
  // A snapshot never replaces one that folded more of the log (a compaction by the admin CLI
  // racing the relay's own): what it folded is gone from the log.
  const upsertSnapshot = db.prepare(
    `INSERT INTO docs (id, snapshot, state_vector, updated_at, folded_seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, state_vector = excluded.state_vector,
       updated_at = excluded.updated_at, folded_seq = excluded.folded_seq
     WHERE docs.folded_seq <= excluded.folded_seq`,
  );
  const deleteUpdatesUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
  const saveVersion = db.prepare('INSERT INTO doc_versions (doc_id, taken_at, state) VALUES (?, ?, ?)');
  const dropVersion = db.prepare('DELETE FROM doc_versions WHERE id = ? AND doc_id = ?');
  return db.transaction((write: DocumentWrite): WriteResult => {
    switch (write.kind) {
      case 'append':
        return write.appends.map(({ docId, update }) => Number(append.run(docId, update).lastInsertRowid));
      case 'compact':
        upsertSnapshot.run(write.docId, write.snapshot, write.stateVector, write.at, write.upToSeq);
        deleteUpdatesUpTo.run(write.docId, write.upToSeq);
        return [];
      case 'save-version':
        return [Number(saveVersion.run(write.docId, write.takenAt, write.state).lastInsertRowid)];
      case 'drop-versions':
        for (const versionId of write.versionIds) dropVersion.run(Number(versionId), write.docId);
        return [];
      default: {
        const unknown: never = write;
        return unknown;
      }
    }
  });
}
