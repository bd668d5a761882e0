import { parentPort } from 'node:worker_threads';
import { checkLedgerUpdate, type UpdateVerdict, versionRestoreUpdate } from '@tally/schema';
import * as Y from 'yjs';
import type { WorkerAnswer, WorkerJob, WorkerVerdict } from './off-thread-guard.js';

/** How many documents the worker keeps built; the least recently used goes first. */
const KEPT_DOCS = 4;

interface Kept {
  baseId: number;
  readonly doc: Y.Doc;
  /** How many of the room's updates since its snapshot this document holds. */
  applied: number;
}

const kept = new Map<string, Kept>();

/**
 * The room's document as the job describes it: the one kept here, brought up to date, or built
 * from the snapshot the job carries; null when the job carries none and this one is not kept.
 */
function docFor(job: Exclude<WorkerJob, { kind: 'drop' }>): Kept | null {
  const { docId, baseId, snapshot, tail, tailFrom } = job;
  let entry = kept.get(docId);
  if (snapshot !== null) {
    entry?.doc.destroy();
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, snapshot);
    entry = { baseId, doc, applied: 0 };
  } else if (entry === undefined || entry.baseId !== baseId || entry.applied !== tailFrom) {
    return null;
  }
  const doc = entry.doc;
  doc.transact(() => {
    for (const update of tail) Y.applyUpdate(doc, update);
  });
  // Changes held pending since before the relay guarded updates never complete (see doc-room.ts).
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  entry.applied += tail.length;
  kept.delete(docId);
  kept.set(docId, entry);
  for (const [oldest, { doc: old }] of kept) {
    if (kept.size <= KEPT_DOCS) break;
    old.destroy();
    kept.delete(oldest);
  }
  return entry;
}

function withoutBytes(verdict: UpdateVerdict): WorkerVerdict {
  return verdict.verdict === 'accepted' ? { verdict: 'accepted' } : verdict;
}

/** Judges an update with the ledger's guard and, if accepted, applies it; whether it changed anything. */
function judgeAndApply(docId: string, entry: Kept, update: Uint8Array): { verdict: WorkerVerdict; changed: boolean } {
  const verdict = checkLedgerUpdate(entry.doc, update);
  if (verdict.verdict !== 'accepted') return { verdict: withoutBytes(verdict), changed: false };
  const before = Y.encodeStateVector(entry.doc);
  let deleted = false;
  const observe = (transaction: Y.Transaction): void => {
    deleted = transaction.deleteSet.clients.size > 0;
  };
  entry.doc.on('afterTransaction', observe);
  try {
    Y.applyUpdate(entry.doc, verdict.update);
  } catch {
    // Whatever Yjs applied before it failed is dropped with the document: the room's bytes never held it.
    entry.doc.destroy();
    kept.delete(docId);
    return {
      verdict: { verdict: 'refused', reason: 'malformed', message: 'Yjs could not apply the update', retry: false },
      changed: false,
    };
  } finally {
    entry.doc.off('afterTransaction', observe);
  }
  const after = Y.encodeStateVector(entry.doc);
  const changed = deleted || !sameBytes(before, after);
  if (changed) entry.applied++;
  return { verdict: withoutBytes(verdict), changed };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index]);
}

function answer(job: Exclude<WorkerJob, { kind: 'drop' }>): WorkerAnswer {
  const entry = docFor(job);
  if (entry === null) return { id: job.id, kind: 'missing-doc' };
  switch (job.kind) {
    case 'judge': {
      const { verdict, changed } = judgeAndApply(job.docId, entry, job.update);
      return { id: job.id, kind: 'judged', verdict, changed, stateVector: Y.encodeStateVector(entry.doc) };
    }
    case 'missing':
      return { id: job.id, kind: 'bytes', bytes: Y.encodeStateAsUpdate(entry.doc, job.stateVector) };
    case 'state': {
      const state = Y.encodeStateAsUpdate(entry.doc);
      if (job.rebaseTo !== undefined) {
        entry.baseId = job.rebaseTo;
        entry.applied = 0;
      }
      return { id: job.id, kind: 'state', state, stateVector: Y.encodeStateVector(entry.doc) };
    }
    case 'restore': {
      const { update, records } = versionRestoreUpdate(entry.doc, job.version);
      const before = update === null ? null : Y.encodeStateAsUpdate(entry.doc);
      return { id: job.id, kind: 'restore', update, records, before };
    }
    default: {
      const unknown: never = job;
      return unknown;
    }
  }
}

/**
 * The relay's large documents, off its event loop (B5): a room whose ledger is large, or that
 * received a large update, keeps its document here; the worker judges, applies and answers for it.
 */
parentPort?.on('message', (job: WorkerJob) => {
  if (job.kind === 'drop') {
    const entry = kept.get(job.docId);
    if (entry !== undefined && entry.baseId === job.baseId) {
      entry.doc.destroy();
      kept.delete(job.docId);
    }
    return;
  }
  let reply: WorkerAnswer;
  try {
    reply = answer(job);
  } catch (error) {
    // A document that failed half-way is built afresh from its room's bytes next time.
    kept.get(job.docId)?.doc.destroy();
    kept.delete(job.docId);
    reply = { id: job.id, kind: 'error', error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
