import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../worker-thread.js';
import type { DocumentWrite, WriteResult } from './sqlite-document-writes.js';

export type WriterJob =
  | { readonly id: number; readonly kind: 'write'; readonly write: DocumentWrite }
  | { readonly kind: 'close' };

export type WriterAnswer =
  | { readonly id: number; readonly kind: 'written'; readonly result: WriteResult }
  | { readonly id: number; readonly kind: 'error'; readonly error: string };

/** How often the writer thread copies the write-ahead log into the database file (a passive checkpoint). */
export const CHECKPOINT_EVERY_MS = 1000;

/**
 * The documents' writer thread (SPEC B5): one worker with its own connection to the database
 * file, writing each job in one transaction, in the order posted. A write resolves once it has
 * committed, so what waits on it — sending an update (P2) — comes after. The worker keeps the
 * process alive only while a write is unanswered. While it runs, it also checkpoints the
 * write-ahead log every `CHECKPOINT_EVERY_MS`, which the relay's own connection leaves to it.
 */
export class DocumentWriter {
  private worker: Worker | null = null;
  /** Each unanswered write, with the worker it was posted to. */
  private readonly waiting = new Map<
    number,
    { readonly worker: Worker; resolve: (r: WriteResult) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly filename: string) {}

  write(write: DocumentWrite): Promise<WriteResult> {
    const id = this.nextId++;
    const written = new Promise<WriteResult>((resolve, reject) => {
      const worker = this.started();
      this.waiting.set(id, { worker, resolve, reject });
      worker.ref();
      worker.postMessage({ id, kind: 'write', write } satisfies WriterJob);
    });
    this.last = written.catch(() => {});
    return written;
  }

  /** Starts the thread if it is not running, so that it checkpoints the write-ahead log. */
  start(): void {
    this.started();
  }

  /** Whether a write posted is still unanswered. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  /** Resolves once every write posted so far has committed or failed. */
  async idle(): Promise<void> {
    let last: Promise<unknown>;
    do {
      last = this.last;
      await last;
    } while (last !== this.last);
  }

  async close(): Promise<void> {
    await this.idle();
    const worker = this.worker;
    this.worker = null;
    if (worker === null) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Held until it has exited: a process with nothing else to do would otherwise end here, before the close finished.
    worker.ref();
    worker.postMessage({ kind: 'close' } satisfies WriterJob);
    await exited;
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = startWorker(import.meta.url, 'document-writer-worker', { workerData: { filename: this.filename } });
    worker.unref();
    worker.on('message', (answer: WriterAnswer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) worker.unref();
      if (answer.kind === 'written') waiting?.resolve(answer.result);
      else waiting?.reject(new Error(`the documents' writer failed: ${answer.error}`));
    });
    // A worker that failed reports it twice (`error`, then `exit`), maybe after a new one took its
    // place: only the writes posted to it fail, never those of its successor.
    const failAll = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const [id, entry] of this.waiting) {
        if (entry.worker !== worker) continue;
        this.waiting.delete(id);
        entry.reject(error);
      }
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the documents' writer exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}
