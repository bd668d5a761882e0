import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { appCacheControl } from '../../../relay/src/http/app-shell.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serves the built app from `root` on 127.0.0.1, as a static host set up as the relay serves it
 * would (relay/src/http/app-shell.ts): index.html for unknown paths, the hashed files under
 * `assets/` to be kept a year, everything else asked for again each time.
 */
export class StaticServer {
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(root: string, port = 0): Promise<StaticServer> {
    const cacheControl = appCacheControl(root);
    const server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://app').pathname));
      const file = join(root, path === '/' ? 'index.html' : path);
      const index = join(root, 'index.html');
      const served = file.startsWith(root) ? file : index;
      readFile(served)
        .then((body) => ({ file: served, body }))
        .catch(async () => ({ file: index, body: await readFile(index) }))
        .then(({ file, body }) => {
          const type = TYPES[extname(file)] ?? TYPES['.html'] ?? 'text/html';
          response.writeHead(200, { 'content-type': type, 'cache-control': cacheControl(file) });
          response.end(body);
        })
        .catch(() => {
          response.writeHead(404);
          response.end();
        });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return new StaticServer(server, (server.address() as AddressInfo).port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
