import * as Y from 'yjs';
import { changedAnything } from './document-changes.js';

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

/**
 * Applies an update received whole — from the relay, another tab, or an import built off the
 * page — and hands the document's `update` listeners the bytes received instead of letting Yjs
 * encode the change again. Yjs encodes every transaction for its `update` event while anyone
 * listens: for a first sync of 100,000 transactions that is 17 MB, and over a second of the main
 * thread, spent to store and send what arrived as bytes already.
 *
 * What the listeners hear, applied in order to an empty document, gives this document:
 * - the bytes received, once, if they changed anything, with `origin`;
 * - then, if an observer wrote while they were applied, what this document holds beyond the state
 *   those writes started from, with that write's origin;
 * - and while the document holds anything pending (a change waiting for one it builds on), what
 *   Yjs encodes, as before: it then covers the pending changes the update completes.
 */
export function applyReceivedUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  const listeners = doc._observers.get('update') as Set<UpdateListener> | undefined;
  if (listeners === undefined || doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    Y.applyUpdate(doc, update, origin);
    return;
  }
  const heard = [...listeners];
  let received: Y.Transaction | undefined;
  let written: Y.Transaction | undefined;
  const watch = (transaction: Y.Transaction): void => {
    if (received === undefined) received = transaction;
    else if (written === undefined && changedAnything(transaction)) written = transaction;
  };
  for (const listener of heard) doc.off('update', listener);
  doc.on('afterTransaction', watch);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('afterTransaction', watch);
    for (const listener of heard) doc.on('update', listener);
  }
  if (received !== undefined && changedAnything(received)) tell(heard, update, origin, doc, received);
  if (written !== undefined) {
    const beyond = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(written.beforeState));
    tell(heard, beyond, written.origin, doc, written);
  }
}

function tell(
  listeners: readonly UpdateListener[],
  update: Uint8Array,
  origin: unknown,
  doc: Y.Doc,
  transaction: Y.Transaction,
): void {
  for (const listener of listeners) listener(update, origin, doc, transaction);
}
