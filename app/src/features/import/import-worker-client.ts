import type { WorkerReply, WorkerRequest, WorkPhase } from './import-protocol.js';
import { ImportError } from './statement.js';

/** The worker was ended (the user cancelled, or left the screen) before it answered. */
export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
  constructor() {
    super('the import worker was ended before it answered');
  }
}

export type Progress = { readonly phase: WorkPhase; readonly done: number; readonly total: number };
type Answer = Exclude<WorkerReply, { type: 'progress' } | { type: 'failed' } | { type: 'slice' }>;
export type CreatedSlice = Extract<WorkerReply, { type: 'slice' }>;

/**
 * The page's side of the import worker: one request at a time, answered by a promise, with its
 * progress reported on the way. Cancelling ends the worker, and with it whatever it was doing.
 */
export class ImportWorker {
  private readonly worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  private pending:
    | {
        resolve: (answer: Answer) => void;
        reject: (error: Error) => void;
        onProgress: (progress: Progress) => void;
        onSlice: (slice: CreatedSlice) => void;
      }
    | undefined;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      const pending = this.pending;
      if (!pending) return;
      if (message.type === 'progress') {
        pending.onProgress(message);
        return;
      }
      if (message.type === 'slice') {
        pending.onSlice(message);
        return;
      }
      this.pending = undefined;
      if (message.type === 'failed')
        pending.reject(new ImportError(message.line, message.reason, message.code, message.values));
      else pending.resolve(message);
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail();
    });
    this.worker.addEventListener('messageerror', () => this.fail());
  }

  /** `onSlice` hears each slice of an import being created, before the answer that ends it. */
  ask(
    request: WorkerRequest,
    onProgress: (progress: Progress) => void,
    onSlice: (slice: CreatedSlice) => void = () => undefined,
  ): Promise<Answer> {
    this.pending?.reject(unanswered());
    return new Promise<Answer>((resolve, reject) => {
      this.pending = { resolve, reject, onProgress, onSlice };
      this.worker.postMessage(request, request.type === 'read' ? [request.bytes] : []);
    });
  }

  /** Ends the worker; a request still waiting is settled as cancelled, so nothing awaits it for ever. */
  terminate(): void {
    this.worker.terminate();
    this.pending?.reject(new ImportCancelled());
    this.pending = undefined;
  }

  private fail(): void {
    this.pending?.reject(unanswered());
    this.pending = undefined;
  }
}

/** The worker stopped (it failed, or a newer request took its place) before answering: the file was not read. */
function unanswered(): ImportError {
  return new ImportError(0, 'the import worker stopped before it answered', 'unreadable');
}
