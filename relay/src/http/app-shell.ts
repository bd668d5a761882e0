import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const placeholder = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tally</title></head>
<body>
<h1>Tally</h1>
<p>The relay is running. The app has not been built yet: run <code>npm run build -w app</code>, then restart.</p>
</body>
</html>
`;

/**
 * The `Cache-Control` of a file of the app built in `appDir`: every file under `assets/` carries its
 * content's hash in its name and never changes, so it may be kept a year; everything else
 * (`index.html`, the service worker, the manifest) is asked for again each time. `file` is the
 * file's normalised absolute path.
 */
export function appCacheControl(appDir: string): (file: string) => string {
  const assets = join(appDir, 'assets') + sep;
  return (file) => (file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves the built app from `appDir`, with `index.html` for every other page path so the app's
 * own router can take it; a placeholder page when there is no build. True when a build is served.
 *
 * Every file under `assets/` (Vite's hashed output) may be kept a year. Besides sparing requests,
 * that keeps each start's code compiled: Chromium was seen to read a script's code cache, from its
 * HTTP cache or the service worker's precache alike, only for a response it may use without asking
 * again, and parsed the app's main module whole at every start under `max-age=0`
 * (docs/app.md#screens).
 */
export async function registerAppShell(app: FastifyInstance, appDir: string | null): Promise<boolean> {
  if (appDir === null || !existsSync(join(appDir, 'index.html'))) {
    app.get('/', { schema: { response: { 200: { type: 'string' } } } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(placeholder),
    );
    return false;
  }
  const cacheControl = appCacheControl(appDir);
  await app.register(fastifyStatic, {
    root: appDir,
    index: ['index.html'],
    wildcard: true,
    cacheControl: false,
    setHeaders: (response, path) => response.setHeader('cache-control', cacheControl(path)),
  });
  return true;
}
