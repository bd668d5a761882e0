import type { FastifyInstance } from 'fastify';

/**
 * A request without a body has nothing to parse, whatever `Content-Type` it names: clients send
 * `application/json` on a bodiless `DELETE`, and Fastify would refuse its empty JSON (H3).
 */
export function acceptBodilessRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const headers = request.raw.headers;
    const bodiless =
      headers['transfer-encoding'] === undefined &&
      (headers['content-length'] === undefined || headers['content-length'] === '0');
    if (bodiless) delete headers['content-type'];
  });
}
