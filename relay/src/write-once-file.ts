import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `contents()` to `path` unless a file is already there, so that no one ever reads it half
 * written: relays started at the same instant on one shared key volume each read the one whole key.
 * The bytes go to a temporary file beside `path`, reach the disk, and are then hard-linked to
 * `path`; the link fails when another process linked its own first, whose file then stands.
 * (`writeFile` with `wx` would create `path` empty, and a reader could see it so before the bytes.)
 */
export function writeFileOnce(path: string, contents: () => string): void {
  if (existsSync(path)) return;
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  const file = openSync(temporary, 'wx', 0o600);
  try {
    writeFileSync(file, contents());
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
  try {
    linkSync(temporary, path);
    syncDirectory(dirname(path));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** The new name itself survives a power cut only once its directory is on disk. */
function syncDirectory(directory: string): void {
  const handle = openSync(directory, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}
