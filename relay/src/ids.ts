import { randomBytes } from 'node:crypto';

/** 128 random bits, URL-safe: user, device and document ids. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
