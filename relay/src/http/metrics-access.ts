import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from './authenticate.js';
import { RelayError } from './error-catalogue.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** An onRequest hook for `/metrics` (H4): with a token set, only its bearer is answered. */
export function metricsAccess(metricsToken: string | null) {
  const expected = metricsToken === null ? null : digest(metricsToken);
  return async (request: FastifyRequest): Promise<void> => {
    if (expected === null) return;
    const presented = bearerToken(request);
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) throw new RelayError('unauthorized');
  };
}
