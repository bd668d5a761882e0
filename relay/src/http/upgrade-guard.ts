import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { RelayMetrics } from '../metrics.js';
import type { RelayApp } from '../relay-context.js';
import { errorCatalogue, errorReply, RelayError } from './error-catalogue.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Every WebSocket upgrade request passes here, whatever its path (H1). It counts against its
 * client address's upgrade budget (S5) before anything else; one to a route that does not speak
 * WebSocket is refused before any handshake; every refused upgrade's socket is closed once its
 * catalogued reply is written, those Fastify refuses before routing (a URL that does not decode)
 * included; and closing the relay drops the upgrades still in flight, so none holds it open (P6).
 */
export class UpgradeGuard {
  private readonly upgrades = new WeakSet<IncomingMessage>();
  private readonly inFlight = new Set<Duplex>();
  private readonly webSocketRoutes = new Set<string>();
  private readonly limiter: RateLimiter;

  constructor(
    upgradesPerMinute: number,
    private readonly metrics: RelayMetrics,
  ) {
    this.limiter = new RateLimiter(upgradesPerMinute, 60_000);
  }

  /** Call before any route is registered. */
  install(app: RelayApp): void {
    app.server.prependListener('upgrade', (request: IncomingMessage, socket: Duplex) => {
      this.upgrades.add(request);
      this.inFlight.add(socket);
      socket.once('close', () => this.inFlight.delete(socket));
    });
    app.websocketServer.on('connection', (_socket, request: IncomingMessage) => {
      this.inFlight.delete(request.socket);
    });
    app.addHook('onRoute', (route) => {
      if (route.websocket === true) this.webSocketRoutes.add(route.url);
    });
    app.addHook('onRequest', async (request) => {
      if (!this.upgrades.has(request.raw)) return;
      if (!this.allowed(request)) throw new RelayError('rate_limited');
      if (!this.webSocketRoutes.has(request.routeOptions.url ?? '')) throw new RelayError('not_found');
    });
    app.addHook('preClose', async () => {
      for (const socket of this.inFlight) socket.destroy();
    });
  }

  /**
   * Fastify's `frameworkErrors`: a request it cannot route is answered from the catalogue, never
   * with Fastify's own body, which repeats the URL and its `?token=`.
   */
  readonly refuseUnroutable = (_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const upgrade = this.upgrades.has(request.raw);
    if (upgrade) reply.raw.once('finish', () => request.raw.socket.destroy());
    const code = upgrade && !this.allowed(request) ? 'rate_limited' : 'invalid_request';
    reply.code(errorCatalogue[code].status).send(errorReply(code));
  };

  private allowed(request: FastifyRequest): boolean {
    if (this.limiter.take(request.ip)) return true;
    this.metrics.authFailures++;
    return false;
  }
}
