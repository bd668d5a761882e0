import * as Y from 'yjs';
import type { StoredDoc } from './ledger-documents.js';

/** The Y.Doc a stored document holds: its snapshot, then its log, applied in one transaction. */
export function rebuildDoc(stored: Pick<StoredDoc, 'snapshot' | 'updates'>, into = new Y.Doc()): Y.Doc {
  into.transact(() => {
    if (stored.snapshot !== null) Y.applyUpdate(into, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(into, update);
  });
  return into;
}
