import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A request a push service received. */
export interface ReceivedPush {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** A throwaway certificate for 127.0.0.1, made with openssl for one test run. */
export function throwawayCertificate(): { readonly key: string; readonly cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tally-push-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-days',
        '1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A push service on 127.0.0.1 over HTTPS: it keeps what it receives and answers each path with
 * the status a test sets (201 unless told), as a browser vendor's push service would.
 */
export class PushEndpoint {
  readonly received: ReceivedPush[] = [];
  private readonly answers = new Map<string, number[]>();
  private readonly waiters: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(certificate: { readonly key: string; readonly cert: string }): Promise<PushEndpoint> {
    let endpoint: PushEndpoint | undefined;
    const server = createServer(certificate, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (endpoint === undefined) return;
        const path = request.url ?? '/';
        endpoint.received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(endpoint.answers.get(path)?.shift() ?? 201).end();
        for (const wake of endpoint.waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the push endpoint has no TCP address');
    endpoint = new PushEndpoint(server, address.port);
    return endpoint;
  }

  url(path: string): string {
    return `https://127.0.0.1:${this.port}${path}`;
  }

  /** The next requests to `path` are answered with these statuses, in order. */
  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, statuses);
  }

  /** Resolves once `count` requests have arrived. */
  async receivedCount(count: number): Promise<readonly ReceivedPush[]> {
    while (this.received.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.received;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
