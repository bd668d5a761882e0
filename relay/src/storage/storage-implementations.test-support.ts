import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { MemoryStorage } from './memory-storage.js';
import { PostgresStorage } from './postgres-storage.js';
import type { RelayStorage } from './relay-storage.js';
import { SqliteStorage } from './sqlite-storage.js';

export interface OpenedStorage {
  readonly storage: RelayStorage;
  /** The same stored data through a fresh connection (the same object for memory). */
  reopen(): Promise<RelayStorage>;
  dispose(): Promise<void>;
}

/** Every implementation of the relay's storage: each area's contract suite runs against each. */
export const storageImplementations: readonly { readonly name: string; open(): Promise<OpenedStorage> }[] = [
  {
    name: 'memory',
    async open() {
      const storage = new MemoryStorage();
      return { storage, reopen: async () => storage, dispose: async () => {} };
    },
  },
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'tally-storage-'));
      const file = join(dir, 'relay.db');
      return {
        storage: new SqliteStorage(file),
        reopen: async () => new SqliteStorage(file),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await createPostgresDatabase();
      return {
        storage: await PostgresStorage.open(database.url),
        reopen: () => PostgresStorage.open(database.url),
        dispose: database.drop,
      };
    },
  },
];

/** A fresh, empty database on the test run's PostgreSQL server, and how to drop it. */
export async function createPostgresDatabase(): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  const name = `tally_${randomBytes(8).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
