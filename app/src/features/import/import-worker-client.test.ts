import { afterEach, expect, test, vi } from 'vitest';
import { ImportCancelled, ImportWorker } from './import-worker-client.js';

/** A worker that never answers: the page's side is what is under test. */
class SilentWorker extends EventTarget {
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

test('ending the worker settles the request still waiting for it as cancelled', async () => {
  vi.stubGlobal('Worker', SilentWorker);
  const worker = new ImportWorker();
  const answer = worker.ask(
    { type: 'read', bytes: new ArrayBuffer(4), fileName: 'march.csv', digits: 2 },
    () => undefined,
  );
  worker.terminate();
  await expect(answer).rejects.toBeInstanceOf(ImportCancelled);
});
