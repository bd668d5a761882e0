import type { FastifyRequest } from 'fastify';
import type { RelayContext } from '../relay-context.js';
import { RelayError } from './error-catalogue.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * An onRequest hook refusing a client address past `perMinute` requests with 429: counted across
 * relays when they share counters (C7), in this process when not, or when the shared count fails.
 */
export function rateLimitHook(context: RelayContext, perMinute: number, name: string) {
  const limiter = new RateLimiter(perMinute, 60_000);
  const shared = context.config.counters;
  const allowed = async (address: string): Promise<boolean> => {
    if (shared === undefined) return limiter.take(address);
    try {
      return (
        (await shared.countInWindow(`${name}:${address}`, 60_000, (context.config.clock ?? Date.now)())) <= perMinute
      );
    } catch {
      return limiter.take(address);
    }
  };
  return async (request: FastifyRequest): Promise<void> => {
    if (!(await allowed(request.ip))) {
      context.metrics.authFailures++;
      throw new RelayError('rate_limited');
    }
  };
}
