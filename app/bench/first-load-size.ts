import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface LoadSize {
  readonly files: readonly string[];
  readonly gzipBytes: number;
}

async function gzipped(dist: string, files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += gzipSync(await readFile(join(dist, file)), { level: 9 }).length;
  return total;
}

/** The JavaScript a first visit downloads to show the app: index.html's scripts and module preloads. */
export async function firstLoadJs(dist: string): Promise<LoadSize> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  return { files, gzipBytes: await gzipped(dist, files) };
}

/** The service worker and its runtime, fetched in the background after the first render. */
export async function serviceWorkerJs(dist: string): Promise<LoadSize> {
  const worker = await readFile(join(dist, 'sw.js'), 'utf8');
  const imported = [...worker.matchAll(/"\.\/(workbox-[0-9a-f]+)"/g)].map((match) => `${match[1] ?? ''}.js`);
  const files = ['sw.js', ...imported];
  return { files, gzipBytes: await gzipped(dist, files) };
}

/** A chunk loaded on demand (a lazy screen, a worker), found by the start of its file name in `assets/`. */
export async function lazyChunkJs(dist: string, prefix: string): Promise<LoadSize> {
  const files = (await readdir(join(dist, 'assets')))
    .filter((file) => file.startsWith(prefix) && file.endsWith('.js'))
    .map((file) => `assets/${file}`);
  return { files, gzipBytes: await gzipped(dist, files) };
}
