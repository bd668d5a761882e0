import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { assertConverged, SeededRandom } from '@tally/schema/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { PostgresStorage } from '../storage/postgres-storage.js';
import { createPostgresDatabase } from '../storage/storage-implementations.test-support.js';
import { runAdminCli } from '../testing/admin-cli.js';
import { holdsAll } from '../testing/echo-record.js';
import { DataDir, eventually, login, register, synced } from '../testing/relay-harness.js';
import { RelayProcess } from '../testing/relay-process.js';
import { WritingDevice } from '../testing/writing-device.js';

const seed = Number(process.env.TALLY_CRASH_SEED ?? Date.now() % 1_000_000);
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The ledger exactly as the relay left it in PostgreSQL. */
async function storedLedger(databaseUrl: string, docId: string): Promise<Y.Doc> {
  const storage = await PostgresStorage.open(databaseUrl);
  const stored = await storage.documents.load(docId);
  await storage.close();
  return rebuildDoc(stored);
}

function converged(docs: readonly Y.Doc[]): boolean {
  try {
    assertConverged(docs);
    return true;
  } catch {
    return false;
  }
}

/** A port nothing listens on: taken from the OS, then let go. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 1));
    });
  });
}

describe('the relay on PostgreSQL (DATABASE_URL)', () => {
  it('[P2] keeps every update it echoed in PostgreSQL through kill -9, and the devices converge', {
    timeout: 180_000,
  }, async () => {
    console.log(`postgres relay crash seed: ${seed} (set TALLY_CRASH_SEED to replay)`);
    const random = new SeededRandom(seed);
    const database = await createPostgresDatabase();
    cleanup.push(database.drop);
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const env = { DATABASE_URL: database.url, COMPACT_AFTER: String(random.int(20, 200)) };
    let relay = await RelayProcess.spawn(dataDir.path, 0, env);
    cleanup.push(() => relay.kill('SIGKILL'));
    const port = relay.port;
    const sessions = [await register(relay.httpUrl, 'alice@example.com', 'Phone')];
    sessions.push(await login(relay.httpUrl, 'alice@example.com', 'Laptop'));
    const devices = sessions.map((session, index) => new WritingDevice(relay.syncUrl, session, seed + index));
    cleanup.push(() => {
      for (const device of devices) device.destroy();
    });
    const docId = sessions[0]?.docId ?? '';
    await Promise.all(devices.map((device) => synced(device.provider)));
    for (const device of devices) device.startWriting();

    for (let crash = 0; crash < 2; crash++) {
      await new Promise((resolve) => setTimeout(resolve, random.int(50, 600)));
      await relay.kill('SIGKILL');
      const stored = await storedLedger(database.url, docId);
      for (const device of devices) expect(holdsAll(stored, device.echoed)).toBe(true);
      relay = await RelayProcess.spawn(dataDir.path, port, env);
    }

    for (const device of devices) device.stopWriting();
    await eventually(
      () => devices.every((device) => device.provider.synced) && converged(devices.map((device) => device.doc)),
    );
    expect(await relay.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    assertConverged([await storedLedger(database.url, docId), ...devices.map((device) => device.doc)]);
    expect(devices.reduce((sum, device) => sum + device.writes, 0)).toBeGreaterThan(0);
    expect(existsSync(dataDir.dbFile)).toBe(false);
  });

  it('the admin CLI works on the PostgreSQL database DATABASE_URL names, and sends backups to pg_dump', async () => {
    const database = await createPostgresDatabase();
    cleanup.push(database.drop);
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const env = { DATABASE_URL: database.url };
    const created = await runAdminCli(
      dataDir.path,
      ['create-user', 'carol@example.com'],
      'a long enough passphrase for carol\n',
      env,
    );
    expect(created.code).toBe(0);
    const storage = await PostgresStorage.open(database.url);
    expect(await storage.accounts.findUserByEmail('carol@example.com')).toMatchObject({ role: 'admin' });
    await storage.close();
    expect((await runAdminCli(dataDir.path, ['list-users'], '', env)).stdout).toContain('carol@example.com');
    const backup = await runAdminCli(dataDir.path, ['backup', `${dataDir.path}/copy.db`], '', env);
    expect(backup).toMatchObject({ code: 1, stderr: expect.stringContaining('pg_dump') });
    expect(existsSync(dataDir.dbFile)).toBe(false);
  });

  it('stops at start, naming DATABASE_URL, when the database server cannot be reached', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const url = `postgres://tally:hunter2@127.0.0.1:${await closedPort()}/tally`;
    const started = RelayProcess.spawn(dataDir.path, 0, { DATABASE_URL: url });
    await expect(started).rejects.toThrow(
      /DATABASE_URL: cannot open the PostgreSQL database at postgres:\/\/tally:\*\*\*@/,
    );
    await expect(started).rejects.not.toThrow(/hunter2/);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, naming the setting', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const started = RelayProcess.spawn(dataDir.path, 0, { DATABASE_URL: 'mysql://db.example.com/tally' });
    await expect(started).rejects.toThrow(/DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
  });
});
