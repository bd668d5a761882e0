import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../testing/relay-harness.js';
import { SqliteStorage } from '../sqlite-storage.js';
import { DocumentWriter } from './document-writer.js';

let dir: string;
let writer: DocumentWriter | undefined;

afterEach(async () => {
  await writer?.close();
  writer = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe("the documents' writer thread", () => {
  it('[B5] a write posted to a new thread after the last one failed is answered by it, not failed with the old one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-writer-'));
    const file = join(dir, 'later', 'relay.db');
    const thread = new DocumentWriter(file);
    writer = thread;
    // The thread cannot open a file in a folder that does not exist yet: it fails as it starts.
    const first = thread.write({ kind: 'drop-versions', docId: 'ledger', versionIds: [] });
    const second = first.then(
      () => {
        throw new Error('the first write should have failed');
      },
      async () => {
        mkdirSync(join(dir, 'later'));
        await new SqliteStorage(file).close();
        // Posted at once, to the thread that replaces the failed one, before the old one's exit is heard.
        return thread.write({ kind: 'drop-versions', docId: 'ledger', versionIds: [] });
      },
    );
    await expect(second).resolves.toBeDefined();
    expect(thread.busy).toBe(false);
  });

  it('[B5] what the relay appends reaches the database file through the writer thread, and the write-ahead log starts afresh instead of growing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-writer-'));
    const file = join(dir, 'relay.db');
    const storage = new SqliteStorage(file);
    // Small enough to be committed on the relay's own connection, which leaves checkpoints to the thread.
    const update = new Uint8Array(32 * 1024).fill(7);
    const batchBytes = 64 * update.byteLength;
    const logSizes: number[] = [];
    try {
      for (let batch = 1; batch <= 3; batch++) {
        for (let i = 0; i < 64; i++) await storage.documents.appendUpdate('ledger', update);
        logSizes.push(statSync(`${file}-wal`).size);
        await eventually(() => statSync(file).size >= batch * batchBytes);
      }
      expect(await storage.documents.countUpdates('ledger')).toBe(3 * 64);
    } finally {
      await storage.close();
    }
    // The first batch went into an empty log: a log that kept every batch would hold three times that.
    const [first = 0] = logSizes;
    expect(Math.max(...logSizes)).toBeLessThan(3 * first);
  });

  it('[B5] a relay that writes only mail still checkpoints: the write-ahead log starts afresh instead of growing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-writer-'));
    const file = join(dir, 'relay.db');
    const storage = new SqliteStorage(file);
    const link = 'x'.repeat(32 * 1024);
    const batchBytes = 64 * link.length;
    const logSizes: number[] = [];
    try {
      for (let batch = 1; batch <= 3; batch++) {
        for (let i = 0; i < 64; i++) {
          await storage.mail.enqueue({
            dedupeKey: `password-reset:${batch}:${i}`,
            to: 'ana@example.com',
            kind: 'password-reset',
            language: 'en',
            values: { link },
            createdAt: batch * 1000 + i,
          });
        }
        logSizes.push(statSync(`${file}-wal`).size);
        await eventually(() => statSync(file).size >= batch * batchBytes);
      }
    } finally {
      await storage.close();
    }
    const [first = 0] = logSizes;
    expect(Math.max(...logSizes)).toBeLessThan(3 * first);
  });

  it('[B5] closing the storage finishes in a process with nothing else to do: the writer thread is waited for, not left behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-writer-'));
    const file = join(dir, 'relay.db');
    const storageModule = fileURLToPath(new URL('../sqlite-storage.ts', import.meta.url));
    // A snapshot this large is written by the thread; the process holds nothing else open.
    const script = `
      const { SqliteStorage } = await import(${JSON.stringify(storageModule)});
      const storage = new SqliteStorage(${JSON.stringify(file)});
      await storage.documents.compact('ledger', new Uint8Array(256 * 1024).fill(7), new Uint8Array([0]), 0);
      await storage.close();
      console.log('closed');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
      // A close that hangs again ends here, not with a process left behind.
      timeout: 30_000,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    // `close`, not `exit`: by then everything the process printed has been read.
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect({ code, output: output.trim() }).toEqual({ code: 0, output: 'closed' });
    const storage = new SqliteStorage(file);
    try {
      expect((await storage.documents.load('ledger')).snapshot?.byteLength).toBe(256 * 1024);
    } finally {
      await storage.close();
    }
  });
});
