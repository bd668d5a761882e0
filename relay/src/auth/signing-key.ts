import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fileName = 'jwt-signing-key';

/** The access-token key, created on first start and kept in the data directory (S1). */
export function loadOrCreateSigningKey(dataDir: string): Uint8Array {
  const path = join(dataDir, fileName);
  try {
    writeFileSync(path, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (key.length < 32) throw new Error(`${path} holds fewer than 32 bytes of key`);
  return new Uint8Array(key);
}
