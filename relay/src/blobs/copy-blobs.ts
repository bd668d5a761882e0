import type { BlobStore } from './blob-store.js';

/** How many files were copied, were already in the target, or were missing from the source. */
export interface BlobCopy {
  readonly copied: number;
  readonly present: number;
  readonly missing: readonly string[];
}

/**
 * Copies the files under `hashes` from one store to another, each checked against its hash by the
 * target's `finish` (BLOB1); a file the target already keeps is left as it is.
 */
export async function copyBlobs(from: BlobStore, to: BlobStore, hashes: readonly string[]): Promise<BlobCopy> {
  let copied = 0;
  let present = 0;
  const missing: string[] = [];
  for (const hash of hashes) {
    if (await to.has(hash)) {
      present++;
      continue;
    }
    const bytes = await from.read(hash);
    if (bytes === null) {
      missing.push(hash);
      continue;
    }
    const write = await to.begin();
    try {
      for await (const chunk of bytes) await write.write(chunk as Uint8Array);
    } catch (error) {
      await write.abandon();
      throw error;
    }
    if ((await write.finish(hash)) === 'hash-mismatch') {
      throw new Error(`the file ${hash} does not hash to its name in the source store: it was not copied`);
    }
    copied++;
  }
  return { copied, present, missing };
}
