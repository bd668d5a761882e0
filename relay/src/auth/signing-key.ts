import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileOnce } from '../write-once-file.js';

const fileName = 'jwt-signing-key';

/** The access-token key, created on first start and kept in the data directory (S1). */
export function loadOrCreateSigningKey(dataDir: string): Uint8Array {
  const path = join(dataDir, fileName);
  writeFileOnce(path, () => randomBytes(32).toString('base64url'));
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (key.length < 32) throw new Error(`${path} holds fewer than 32 bytes of key`);
  return new Uint8Array(key);
}
