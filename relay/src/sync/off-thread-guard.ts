import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { UpdateVerdict } from '@tally/schema';
import * as Y from 'yjs';

export interface GuardJob {
  readonly id: number;
  /** The ledger as the relay holds it (`Y.encodeStateAsUpdate`). */
  readonly state: Uint8Array;
  readonly update: Uint8Array;
}

export type GuardAnswer =
  | { readonly id: number; readonly verdict: UpdateVerdict }
  | { readonly id: number; readonly error: string };

/**
 * The worker: the built JavaScript beside this file, or — run from source, in tests — its
 * TypeScript through tsx, which a worker does not inherit from `--import`.
 */
function startWorker(): Worker {
  const built = new URL('./guard-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built);
  const source = new URL('./guard-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true },
  );
}

/**
 * The ledger's update guard in a worker thread, for updates large enough that judging them would
 * hold up every other document (B5): the worker judges a copy of the ledger, the room applies
 * what it accepts. One worker for the relay, started on first use; jobs queue in it.
 */
export class OffThreadGuard {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (v: UpdateVerdict) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  judge(doc: Y.Doc, update: Uint8Array): Promise<UpdateVerdict> {
    const id = this.nextId++;
    const job: GuardJob = { id, state: Y.encodeStateAsUpdate(doc), update };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.started().postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = startWorker();
    worker.unref();
    worker.on('message', (answer: GuardAnswer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if ('verdict' in answer) waiting?.resolve(answer.verdict);
      else waiting?.reject(new Error(`the update guard's worker failed: ${answer.error}`));
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
