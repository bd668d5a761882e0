import type { Worker } from 'node:worker_threads';
import type { UpdateIncomplete, UpdateRefused } from '@tally/schema';
import { startWorker } from '../worker-thread.js';

/**
 * A room's document held as bytes — a snapshot and the updates accepted since — rather than as a
 * Y.Doc on the event loop. The worker builds it once and keeps it; `workerHas` is how many of
 * `tail` the worker's copy holds (null when it holds none), so a job sends only what it lacks.
 */
export interface HeldDoc {
  readonly docId: string;
  /** Tells one snapshot of the document from the next (each compaction makes a new one). */
  readonly baseId: number;
  readonly snapshot: Uint8Array;
  readonly tail: Uint8Array[];
  /** The bytes of `snapshot` and `tail` together. */
  bytes: number;
  stateVector: Uint8Array;
  workerHas: number | null;
}

let nextBaseId = 1;

/** A document held as bytes from this snapshot on, with the updates since (none unless given). */
export function holdDoc(
  docId: string,
  snapshot: Uint8Array,
  stateVector: Uint8Array,
  tail: Uint8Array[] = [],
): HeldDoc {
  const bytes = tail.reduce((sum, update) => sum + update.byteLength, snapshot.byteLength);
  return { docId, baseId: nextBaseId++, snapshot, tail, bytes, stateVector, workerHas: null };
}

/** The verdict without the update's bytes: the room holds them already. */
export type WorkerVerdict = { readonly verdict: 'accepted' } | UpdateRefused | UpdateIncomplete;

interface JobHeader {
  readonly id: number;
  readonly docId: string;
  readonly baseId: number;
  /** Sent when the worker may not hold the document: it builds it afresh. */
  readonly snapshot: Uint8Array | null;
  /** The updates since the snapshot from `tailFrom` on. */
  readonly tail: readonly Uint8Array[];
  readonly tailFrom: number;
}

export type WorkerJob =
  | (JobHeader & { readonly kind: 'judge'; readonly update: Uint8Array })
  | (JobHeader & { readonly kind: 'missing'; readonly stateVector: Uint8Array })
  | (JobHeader & { readonly kind: 'state'; readonly rebaseTo?: number })
  | (JobHeader & { readonly kind: 'restore'; readonly version: Uint8Array })
  | { readonly kind: 'drop'; readonly docId: string; readonly baseId: number };

export type WorkerAnswer =
  | {
      readonly id: number;
      readonly kind: 'judged';
      readonly verdict: WorkerVerdict;
      readonly changed: boolean;
      readonly stateVector: Uint8Array;
    }
  | { readonly id: number; readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly kind: 'state'; readonly state: Uint8Array; readonly stateVector: Uint8Array }
  | ({ readonly id: number; readonly kind: 'restore' } & RestoreEdits)
  | { readonly id: number; readonly kind: 'missing-doc' }
  | { readonly id: number; readonly kind: 'error'; readonly error: string };

/**
 * What writing a version back takes (R3): the edits (schema VER1–VER3), not yet judged nor
 * applied, the records they change, and — when there are edits — the ledger as it stands, to be
 * kept as a version first.
 */
export interface RestoreEdits {
  readonly update: Uint8Array | null;
  readonly records: number;
  readonly before: Uint8Array | null;
}

type Job = WorkerJob extends infer J ? (J extends JobHeader ? Omit<J, keyof JobHeader> : never) : never;

/**
 * Large documents off the event loop (B5): a worker thread holds the Y.Doc of each room whose
 * ledger is large or that received a large update, and judges (the ledger's guard), applies and
 * answers sync requests for it, while the room keeps the bytes it stores and sends. One worker for
 * the relay, started on first use; jobs run in the order they were sent.
 */
export class OffThreadGuard {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  /** Judges an update against the document and, if accepted, applies it there and adds it to `tail` when it changed anything. */
  async judge(held: HeldDoc, update: Uint8Array): Promise<{ verdict: WorkerVerdict; changed: boolean }> {
    const answer = await this.run(held, { kind: 'judge', update });
    if (answer.kind !== 'judged') throw unexpected(answer);
    if (answer.changed) {
      held.tail.push(update);
      held.bytes += update.byteLength;
    }
    held.workerHas = held.tail.length;
    held.stateVector = answer.stateVector;
    return { verdict: answer.verdict, changed: answer.changed };
  }

  /** What a peer with this state vector lacks of the document. */
  async missing(held: HeldDoc, stateVector: Uint8Array): Promise<Uint8Array> {
    const answer = await this.run(held, { kind: 'missing', stateVector });
    if (answer.kind !== 'bytes') throw unexpected(answer);
    return answer.bytes;
  }

  /** The whole document; with `rebase`, the worker keeps its copy as the snapshot of the HeldDoc returned. */
  async state(held: HeldDoc, rebase: boolean): Promise<{ state: Uint8Array; stateVector: Uint8Array; next: HeldDoc }> {
    const fresh = rebase ? holdDoc(held.docId, new Uint8Array(), held.stateVector) : null;
    const answer = await this.run(held, fresh === null ? { kind: 'state' } : { kind: 'state', rebaseTo: fresh.baseId });
    if (answer.kind !== 'state') throw unexpected(answer);
    const next: HeldDoc =
      fresh === null
        ? held
        : {
            ...fresh,
            snapshot: answer.state,
            bytes: answer.state.byteLength,
            stateVector: answer.stateVector,
            workerHas: 0,
          };
    return { state: answer.state, stateVector: answer.stateVector, next };
  }

  /** The edits that write a version back, made from the worker's copy, which they leave as it is (R3). */
  async restore(held: HeldDoc, version: Uint8Array): Promise<RestoreEdits> {
    const answer = await this.run(held, { kind: 'restore', version });
    if (answer.kind !== 'restore') throw unexpected(answer);
    return { update: answer.update, records: answer.records, before: answer.before };
  }

  /** The room no longer needs the worker's copy. */
  drop(held: HeldDoc): void {
    if (held.workerHas === null || this.worker === null) return;
    this.worker.postMessage({ kind: 'drop', docId: held.docId, baseId: held.baseId } satisfies WorkerJob);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /** Runs a job on the worker's copy, sending the snapshot and all updates when it has none. */
  private async run(held: HeldDoc, job: Job): Promise<WorkerAnswer> {
    const answer = await this.post(held, job);
    if (answer.kind === 'missing-doc') {
      held.workerHas = null;
      return this.post(held, job);
    }
    if (answer.kind === 'error') {
      held.workerHas = null;
      throw new Error(`the update guard's worker failed: ${answer.error}`);
    }
    return answer;
  }

  private post(held: HeldDoc, job: Job): Promise<WorkerAnswer> {
    const id = this.nextId++;
    const tailFrom = held.workerHas ?? 0;
    const message = {
      ...job,
      id,
      docId: held.docId,
      baseId: held.baseId,
      snapshot: held.workerHas === null ? held.snapshot : null,
      tail: held.tail.slice(tailFrom),
      tailFrom,
    } as WorkerJob;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.started().postMessage(message);
    });
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = startWorker(import.meta.url, 'guard-worker');
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      waiting?.resolve(answer);
    });
    const failAll = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the update guard's worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}

function unexpected(answer: WorkerAnswer): Error {
  return new Error(`the update guard's worker answered ${answer.kind}`);
}
