import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker `name` beside the module at `base` (its `import.meta.url`): the built
 * JavaScript, or — run from source, in tests — its TypeScript through tsx, which a worker does not
 * inherit from `--import`.
 */
export function startWorker(base: string, name: string, options: Pick<WorkerOptions, 'workerData'> = {}): Worker {
  const built = new URL(`./${name}.js`, base);
  if (existsSync(fileURLToPath(built))) return new Worker(built, options);
  const source = new URL(`./${name}.ts`, base).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { ...options, eval: true },
  );
}
