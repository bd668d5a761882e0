import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from './memory-storage.js';
import type { RelayStorage } from './relay-storage.js';
import { SqliteStorage } from './sqlite-storage.js';

export interface OpenedStorage {
  readonly storage: RelayStorage;
  /** The same stored data through a fresh connection (the same object for memory). */
  reopen(): RelayStorage;
  dispose(): void;
}

/** Every implementation of the relay's storage: each area's contract suite runs against each. */
export const storageImplementations: readonly { readonly name: string; open(): OpenedStorage }[] = [
  {
    name: 'memory',
    open() {
      const storage = new MemoryStorage();
      return { storage, reopen: () => storage, dispose: () => {} };
    },
  },
  {
    name: 'SQLite',
    open() {
      const dir = mkdtempSync(join(tmpdir(), 'tally-storage-'));
      const file = join(dir, 'relay.db');
      return {
        storage: new SqliteStorage(file),
        reopen: () => new SqliteStorage(file),
        dispose: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
