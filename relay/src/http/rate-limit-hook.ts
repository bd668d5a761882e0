import type { FastifyRequest } from 'fastify';
import type { RelayContext } from '../relay-context.js';
import { RelayError } from './error-catalogue.js';
import { RateLimiter } from './rate-limiter.js';

/** An onRequest hook refusing a client address past `perMinute` requests with 429. */
export function rateLimitHook(context: RelayContext, perMinute: number) {
  const limiter = new RateLimiter(perMinute, 60_000);
  return async (request: FastifyRequest): Promise<void> => {
    if (!limiter.take(request.ip)) {
      context.metrics.authFailures++;
      throw new RelayError('rate_limited');
    }
  };
}
