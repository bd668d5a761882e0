import type { FastifyRequest } from 'fastify';
import type { VerifiedAccess } from '../auth/access-tokens.js';
import type { RelayContext } from '../relay-context.js';
import { RelayError } from './error-catalogue.js';

/** How stale a device's "last seen" may be before a request writes it again: one write a minute, not one per request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Checks a token against the relay's own records: its device must exist, be the user's, and be
 * live, and its account must not be disabled (A6).
 */
export async function authenticate(context: RelayContext, token: string | undefined): Promise<VerifiedAccess> {
  const claims = token === undefined || token === '' ? null : await context.tokens.verify(token);
  const device = claims === null ? null : await context.storage.accounts.findDevice(claims.deviceId);
  if (claims === null || device === null || device.userId !== claims.userId || device.revokedAt !== null) {
    context.metrics.authFailures++;
    throw new RelayError('unauthorized');
  }
  const user = await context.storage.accounts.findUser(claims.userId);
  if (user === null || user.disabledAt !== null) {
    context.metrics.authFailures++;
    throw new RelayError(user === null ? 'unauthorized' : 'account_disabled');
  }
  const now = Date.now();
  if (device.lastSeenAt === null || now - device.lastSeenAt >= LAST_SEEN_RESOLUTION_MS)
    await context.storage.accounts.recordDeviceActivity(device.id, { lastSeenAt: now });
  return claims;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  return match?.[1];
}
