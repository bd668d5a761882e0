import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { onDocumentChange } from './document-changes.js';

it('tells of each transaction that changed the document, and of no other, until stopped', () => {
  const doc = new Y.Doc();
  const entries = doc.getMap('entries');
  const origins: unknown[] = [];
  const stop = onDocumentChange(doc, (transaction) => origins.push(transaction.origin));
  doc.transact(() => entries.set('rent', 1200), 'first');
  doc.transact(() => undefined, 'nothing');
  doc.transact(() => entries.delete('rent'), 'second');
  const elsewhere = new Y.Doc();
  elsewhere.getMap('entries').set('food', 300);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere), 'relay');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere), 'again');
  stop();
  entries.set('rent', 1300);
  expect(origins).toEqual(['first', 'second', 'relay']);
});
