import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A request a provider's API stand-in received, its body read as the provider reads it. */
export interface ProviderRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Form fields flattened as sent (`metadata[bookingId]`), or the JSON body's top-level fields. */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface StandInAnswer {
  readonly status: number;
  /** Sent as JSON, unless `type` says otherwise (a page, a redirect). */
  readonly body: unknown;
  readonly type?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

type Route = (request: ProviderRequest, origin: string) => StandInAnswer | Promise<StandInAnswer>;

/**
 * A payment provider's API on 127.0.0.1 over plain HTTP, for tests: it records each request and
 * answers from the routes it is given. Not the provider: the few calls the relay makes, shaped as
 * the provider's reference documents them.
 */
export class ProviderStandIn {
  readonly requests: ProviderRequest[] = [];
  private failures = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(route: Route): Promise<ProviderStandIn> {
    let standIn: ProviderStandIn | undefined;
    const server = createServer((request, response) => {
      void readBody(request).then((raw) => {
        if (standIn === undefined) return;
        const received: ProviderRequest = {
          method: request.method ?? 'GET',
          path: request.url ?? '/',
          headers: request.headers,
          body: parseBody(request.headers['content-type'], raw),
        };
        standIn.requests.push(received);
        if (standIn.failures > 0) {
          standIn.failures--;
          return send(response, { status: 500, body: { error: { message: 'the stand-in was told to fail' } } });
        }
        return Promise.resolve(route(received, standIn.url)).then(
          (answer) => send(response, answer),
          (error: unknown) => send(response, { status: 500, body: { error: { message: String(error) } } }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the stand-in has no TCP address');
    standIn = new ProviderStandIn(server, `http://127.0.0.1:${address.port}`);
    return standIn;
  }

  /** The next `count` requests are answered 500, as a provider's outage would. */
  failNext(count: number): void {
    this.failures = count;
  }

  requestsTo(method: string, pathPrefix: string): readonly ProviderRequest[] {
    return this.requests.filter((request) => request.method === method && request.path.startsWith(pathPrefix));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function standInId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

function send(response: ServerResponse, answer: StandInAnswer): void {
  const type = answer.type ?? 'application/json';
  const body = type === 'application/json' ? JSON.stringify(answer.body) : String(answer.body);
  response.writeHead(answer.status, { 'content-type': type, ...answer.headers }).end(body);
}
