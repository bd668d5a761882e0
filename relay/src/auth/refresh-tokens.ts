import { createHash, createHmac, randomBytes } from 'node:crypto';

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The token a refresh token rotates into. It is derived from the spent token with the relay's
 * key, so a refresh repeated within the grace (S3) gets the same one, though only hashes are stored.
 */
export function successorRefreshToken(signingKey: Uint8Array, spent: string): string {
  return createHmac('sha256', signingKey).update('tally refresh successor\u0000').update(spent).digest('base64url');
}

/** Only hashes are stored, so a copy of the database cannot be used to sign in. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
