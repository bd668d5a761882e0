import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { writeFileOnce } from '../write-once-file.js';

/** The relay's VAPID key pair (RFC 8292), both halves base64url as `web-push` takes them. */
export interface VapidKeys {
  /** The uncompressed P-256 point a browser subscribes with (`applicationServerKey`). */
  readonly publicKey: string;
  readonly privateKey: string;
}

const fileName = 'vapid-keys.json';

/**
 * The Web Push key pair, created on first start and kept in the data directory (N1): a new pair
 * would orphan every device's subscription, so it is never replaced.
 */
export function loadOrCreateVapidKeys(dataDir: string): VapidKeys {
  const path = join(dataDir, fileName);
  writeFileOnce(path, () => JSON.stringify(webpush.generateVAPIDKeys()));
  const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (
    typeof stored !== 'object' ||
    stored === null ||
    !('publicKey' in stored) ||
    !('privateKey' in stored) ||
    typeof stored.publicKey !== 'string' ||
    typeof stored.privateKey !== 'string'
  ) {
    throw new Error(`${path} does not hold a VAPID key pair`);
  }
  return { publicKey: stored.publicKey, privateKey: stored.privateKey };
}
