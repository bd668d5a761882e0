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
 * - then whatever an observer writes in answer, each write as Yjs encodes it, with its own origin;
 * - if applying them threw (malformed bytes, an observer failing), what the document took of
 *   them, as Yjs encodes it;
 * - and while the document holds anything pending (a change waiting for one it builds on), or
 *   inside another transaction, what Yjs encodes, as before.
 *
 * The listeners are detached while the update is applied: one removed meanwhile (by an observer)
 * stays, and hears it; one added meanwhile is kept.
 */
export function applyReceivedUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  const listeners = doc._observers.get('update') as Set<UpdateListener> | undefined;
  const { store } = doc;
  if (
    listeners === undefined ||
    store.pendingStructs !== null ||
    store.pendingDs !== null ||
    doc._transaction !== null ||
    doc._transactionCleanups.length > 0
  ) {
    Y.applyUpdate(doc, update, origin);
    return;
  }
  let received: Y.Transaction | undefined;
  let told = false;
  // Called once: when an observer's write ends (its own `update` is encoded next, so the listeners
  // must be back by then), or once the update is applied.
  const tell = (heard: Uint8Array | undefined): void => {
    told = true;
    doc.off('afterTransaction', watch);
    const added = doc._observers.get('update') as Set<UpdateListener> | undefined;
    for (const listener of added ?? []) listeners.add(listener);
    doc._observers.set('update', listeners);
    if (received === undefined || !changedAnything(received)) return;
    const bytes = heard ?? Y.encodeStateAsUpdate(doc, Y.encodeStateVector(received.beforeState));
    for (const listener of [...listeners]) listener(bytes, origin, doc, received);
  };
  // Whether every byte received was applied: if not, the document took only part of them.
  let applied = false;
  const watch = (transaction: Y.Transaction): void => {
    if (transaction !== received && changedAnything(transaction)) tell(applied ? update : undefined);
  };
  doc._observers.delete('update');
  // First, so a listener that throws (which ends lib0's emit) cannot keep it from hearing a write.
  const afterTransaction = doc._observers.get('afterTransaction') as Set<unknown> | undefined;
  doc._observers.set('afterTransaction', new Set([watch, ...(afterTransaction ?? [])]));
  try {
    Y.transact(
      doc,
      (transaction) => {
        received = transaction;
        Y.applyUpdate(doc, update, origin);
        applied = true;
      },
      origin,
      false,
    );
  } finally {
    if (!told) tell(applied ? update : undefined);
  }
}
