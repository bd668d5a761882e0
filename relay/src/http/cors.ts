import type { FastifyInstance } from 'fastify';
import { RelayError } from './error-catalogue.js';

/** Off unless origins are listed: the app is normally served by the relay itself. */
export function installCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  if (allowedOrigins.length === 0) return;
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && allowedOrigins.includes(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
  });
  app.options('/api/*', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined || !allowedOrigins.includes(origin)) throw new RelayError('origin_not_allowed');
    return reply
      .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .code(204)
      .send();
  });
}
