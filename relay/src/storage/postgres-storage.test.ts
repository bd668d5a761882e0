import { SeededRandom } from '@tally/schema/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rebuildDoc } from './documents/stored-doc.js';
import { SHARED_CONNECTIONS } from './postgres-database.js';
import { postgresMigrations } from './postgres-migrations.js';
import { PostgresStorage } from './postgres-storage.js';
import { NewerDatabaseError } from './sqlite-storage.js';
import { createPostgresDatabase } from './storage-implementations.test-support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<string> {
  const created = await createPostgresDatabase();
  cleanups.push(created.drop);
  return created.url;
}

async function open(url: string): Promise<PostgresStorage> {
  const storage = await PostgresStorage.open(url);
  cleanups.push(() => storage.close());
  return storage;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL storage shared by several relays', () => {
  it('two relays starting at once on an empty database migrate it once, and both work', async () => {
    const url = await database();
    const [first, second] = await Promise.all([open(url), open(url)]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const versions = (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'))
      .rows;
    await client.end();
    expect(versions.map((row) => row.version)).toEqual(postgresMigrations.map((_, index) => index + 1));
    await first.documents.appendUpdate('ledger-1', Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await second.documents.countUpdates('ledger-1')).toBe(1);
  });

  it('a database a newer relay migrated is refused, naming both schema versions', async () => {
    const url = await database();
    await (await open(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [
      postgresMigrations.length + 1,
    ]);
    await client.end();
    await expect(PostgresStorage.open(url)).rejects.toBeInstanceOf(NewerDatabaseError);
  });

  it('a connection the server drops while idle is replaced: the relay keeps storing', async () => {
    const url = await database();
    let lost = 0;
    const storage = await PostgresStorage.open(url, {
      logger: { error() {}, info() {}, warn: () => void lost++ },
    });
    cleanups.push(() => storage.close());
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getMap('settings').set('currency', 'EUR');
    doc.getMap('settings').set('locale', 'de-DE');
    await storage.documents.appendUpdate('ledger-1', updates[0] ?? new Uint8Array());
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const terminated = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await admin.end();
    expect(terminated.rowCount).toBeGreaterThan(0);
    while (lost < (terminated.rowCount ?? 0)) await pause(10);
    await storage.documents.appendUpdate('ledger-1', updates[1] ?? new Uint8Array());
    expect(
      rebuildDoc(await storage.documents.load('ledger-1'))
        .getMap('settings')
        .toJSON(),
    ).toEqual({
      currency: 'EUR',
      locale: 'de-DE',
    });
  });

  it('an update is stored while every connection of the relay’s other queries waits on a lock', async () => {
    const url = await database();
    const storage = await open(url);
    const [locker, watcher] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    for (const client of [locker, watcher]) {
      await client.connect();
      cleanups.push(() => client.end());
    }
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE doc_versions IN ACCESS EXCLUSIVE MODE');
    let readsDone = 0;
    // One read for each shared connection: all of them held, none left for an append to queue for.
    const reads = Array.from({ length: SHARED_CONNECTIONS }, () =>
      storage.documents.listVersions('ledger-1').then(() => readsDone++),
    );
    // Read outside the locking transaction: within one, pg_stat_activity answers as it first did.
    const lockWaits = async (): Promise<number> =>
      (
        await watcher.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
      ).rows[0]?.n ?? 0;
    while ((await lockWaits()) < SHARED_CONNECTIONS) await pause(20);
    expect(await storage.documents.appendUpdate('ledger-2', Y.encodeStateAsUpdate(new Y.Doc()))).toBe(1);
    expect(readsDone).toBe(0);
    await locker.query('COMMIT');
    await Promise.all(reads);
    expect(readsDone).toBe(SHARED_CONNECTIONS);
    expect(await storage.documents.countUpdates('ledger-2')).toBe(1);
  });

  it('[P2] updates of one document appended through two relays get one order: distinct, consecutive numbers', async () => {
    const url = await database();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 20; i++) doc.getMap('settings').set(`key-${i}`, i);
    const seqs = await Promise.all(
      updates.map((update, index) => (index % 2 === 0 ? a : b).documents.appendUpdate('ledger-1', update)),
    );
    expect([...seqs].sort((x, y) => x - y)).toEqual(updates.map((_, index) => index + 1));
    expect((await a.documents.load('ledger-1')).lastSeq).toBe(updates.length);
  });

  it('[C6] a compaction by a relay that has not yet heard another relay’s update keeps that update', async () => {
    const url = await database();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const docId = 'ledger-unheard';
    const onA = new Y.Doc();
    const onB = new Y.Doc();
    const updateOf = (doc: Y.Doc, key: string): Uint8Array => {
      const before = Y.encodeStateVector(doc);
      doc.getMap('entries').set(key, key);
      return Y.encodeStateAsUpdate(doc, before);
    };
    await a.documents.appendUpdate(docId, updateOf(onA, 'from-a-1'));
    await b.documents.appendUpdate(docId, updateOf(onB, 'from-b'));
    const seq = await a.documents.appendUpdate(docId, updateOf(onA, 'from-a-2'));

    // Relay A folds up to its newest number, with a document that lacks relay B's update.
    await a.documents.compact(docId, Y.encodeStateAsUpdate(onA), Y.encodeStateVector(onA), seq);

    const stored = await b.documents.load(docId);
    expect(stored.updates).toEqual([]);
    expect(stored.lastSeq).toBe(seq);
    expect(rebuildDoc(stored).getMap('entries').toJSON()).toEqual({
      'from-a-1': 'from-a-1',
      'from-b': 'from-b',
      'from-a-2': 'from-a-2',
    });
  });

  it('[P4] compaction racing writes from two relays on one database loses no update (seeded)', async () => {
    const seed = Number(process.env.TALLY_COMPACTION_SEED ?? Date.now() % 1_000_000);
    console.log(`postgres compaction race seed: ${seed} (set TALLY_COMPACTION_SEED to replay)`);
    const random = new SeededRandom(seed);
    const url = await database();
    const relays = await Promise.all([open(url), open(url)]);
    const docId = 'ledger-race';
    const perWriter = 60;
    let writing = 2;

    const writer = async (name: string, storage: PostgresStorage, steps: SeededRandom): Promise<void> => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      let written = 0;
      while (written < perWriter) {
        const burst = Math.min(steps.int(1, 4), perWriter - written);
        for (let i = 0; i < burst; i++) doc.getMap('entries').set(`${name}-${written + i}`, written + i);
        written += burst;
        await Promise.all(updates.splice(0).map((update) => storage.documents.appendUpdate(docId, update)));
        await pause(steps.int(0, 3));
      }
      writing--;
    };

    const compactor = async (steps: SeededRandom): Promise<number> => {
      let compactions = 0;
      while (writing > 0) {
        const storage = steps.pick(relays);
        const stored = await storage.documents.load(docId);
        const doc = rebuildDoc(stored);
        await pause(steps.int(0, 4));
        await storage.documents.compact(docId, Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), stored.lastSeq);
        compactions++;
      }
      return compactions;
    };

    const [, , compactions] = await Promise.all([
      writer('a', relays[0], new SeededRandom(random.next())),
      writer('b', relays[1], new SeededRandom(random.next())),
      compactor(new SeededRandom(random.next())),
    ]);
    expect(compactions).toBeGreaterThan(0);

    const reader = await open(url);
    const entries = rebuildDoc(await reader.documents.load(docId))
      .getMap('entries')
      .toJSON();
    const expected: Record<string, number> = {};
    for (const name of ['a', 'b']) for (let i = 0; i < perWriter; i++) expected[`${name}-${i}`] = i;
    expect(entries).toEqual(expected);
  });
});
