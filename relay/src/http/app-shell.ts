import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
 * Serves the built app from `appDir`, with `index.html` for every other page path so the app's
 * own router can take it; a placeholder page when there is no build. True when a build is served.
 */
export async function registerAppShell(app: FastifyInstance, appDir: string | null): Promise<boolean> {
  if (appDir === null || !existsSync(join(appDir, 'index.html'))) {
    app.get('/', { schema: { response: { 200: { type: 'string' } } } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(placeholder),
    );
    return false;
  }
  await app.register(fastifyStatic, { root: appDir, index: ['index.html'], wildcard: true });
  return true;
}
