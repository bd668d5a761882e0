import type { PreparedAttachment, PrepareRefusal, PrepareReply, PrepareRequest } from './attachment-protocol.js';

export type Preparing = { ok: true; prepared: PreparedAttachment } | { ok: false; refusal: PrepareRefusal };

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (reply: Preparing) => void>();

function theWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./attachment.worker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<PrepareReply>) => {
    const reply = event.data;
    const answer = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!reply.ok) answer?.({ ok: false, refusal: reply.refusal });
    else answer?.({ ok: true, prepared: { hash: reply.hash, name: reply.name, type: reply.type, bytes: reply.bytes } });
  });
  started.addEventListener('error', (event) => {
    event.preventDefault();
    for (const answer of waiting.values()) answer({ ok: false, refusal: 'unreadable' });
    waiting.clear();
  });
  worker = started;
  return started;
}

/**
 * Downscales a picked photo (or takes a PDF as it is) in the attachment worker, so the page keeps
 * answering; refuses what would be larger than `maxBytes`.
 */
export function prepareInWorker(file: File, maxBytes: number): Promise<Preparing> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const request: PrepareRequest = { id, file, name: file.name, maxBytes };
    theWorker().postMessage(request);
  });
}
