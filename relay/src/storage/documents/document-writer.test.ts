import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../sqlite-storage.js';
import { DocumentWriter } from './document-writer.js';

let dir: string;
let writer: DocumentWriter;

afterEach(async () => {
  await writer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the documents' writer thread", () => {
  it('[B5] a write posted to a new thread after the last one failed is answered by it, not failed with the old one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-writer-'));
    const file = join(dir, 'later', 'relay.db');
    writer = new DocumentWriter(file);
    // The thread cannot open a file in a folder that does not exist yet: it fails as it starts.
    const first = writer.write({ kind: 'drop-versions', docId: 'ledger', versionIds: [] });
    const second = first.then(
      () => {
        throw new Error('the first write should have failed');
      },
      async () => {
        mkdirSync(join(dir, 'later'));
        await new SqliteStorage(file).close();
        // Posted at once, to the thread that replaces the failed one, before the old one's exit is heard.
        return writer.write({ kind: 'drop-versions', docId: 'ledger', versionIds: [] });
      },
    );
    await expect(second).resolves.toBeDefined();
    expect(writer.busy).toBe(false);
  });
});
