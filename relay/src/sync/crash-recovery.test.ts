import { assertConverged, SeededRandom } from '@tally/schema/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { holdsAll } from '../testing/echo-record.js';
import { DataDir, eventually, login, register, synced } from '../testing/relay-harness.js';
import { RelayProcess } from '../testing/relay-process.js';
import { WritingDevice } from '../testing/writing-device.js';

const seed = Number(process.env.TALLY_CRASH_SEED ?? Date.now() % 1_000_000);
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The ledger exactly as the relay left it on disk. */
async function storedLedger(dataDir: DataDir, docId: string): Promise<Y.Doc> {
  const storage = new SqliteStorage(dataDir.dbFile);
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

async function devicesOf(
  relay: RelayProcess,
  names: string[],
  seedBase: number,
): Promise<{ devices: WritingDevice[]; docId: string }> {
  const [first, ...others] = names;
  const sessions = [await register(relay.httpUrl, 'alice@example.com', first ?? 'Phone')];
  for (const name of others) sessions.push(await login(relay.httpUrl, 'alice@example.com', name));
  const devices = sessions.map((session, index) => new WritingDevice(relay.syncUrl, session, seedBase + index));
  cleanup.push(() => {
    for (const device of devices) device.destroy();
  });
  return { devices, docId: sessions[0]?.docId ?? '' };
}

describe('the relay process dying or stopping while devices write', () => {
  it('[P2] after kill -9 at random moments, every update the relay echoed is stored and all replicas converge', {
    timeout: 180_000,
  }, async () => {
    console.log(`crash-recovery seed: ${seed} (set TALLY_CRASH_SEED to replay)`);
    const random = new SeededRandom(seed);
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    let relay = await RelayProcess.spawn(dataDir.path, 0, { COMPACT_AFTER: String(random.int(20, 200)) });
    cleanup.push(() => relay.kill('SIGKILL'));
    const port = relay.port;
    const { devices, docId } = await devicesOf(relay, ['Phone', 'Laptop', 'Tablet'], seed);
    await Promise.all(devices.map((device) => synced(device.provider)));
    for (const device of devices) device.startWriting();

    for (let crash = 0; crash < 4; crash++) {
      await new Promise((resolve) => setTimeout(resolve, random.int(50, 600)));
      await relay.kill('SIGKILL');
      const stored = await storedLedger(dataDir, docId);
      for (const device of devices) expect(holdsAll(stored, device.echoed)).toBe(true);
      relay = await RelayProcess.spawn(dataDir.path, port, { COMPACT_AFTER: String(random.int(20, 200)) });
    }

    for (const device of devices) device.stopWriting();
    await eventually(
      () => devices.every((device) => device.provider.synced) && converged(devices.map((device) => device.doc)),
    );
    await relay.kill('SIGTERM');
    const stored = await storedLedger(dataDir, docId);
    assertConverged([stored, ...devices.map((device) => device.doc)]);
    expect(devices.reduce((sum, device) => sum + device.writes, 0)).toBeGreaterThan(0);
  });

  it('[P6] SIGTERM while devices write: the relay exits 0 and loses nothing', { timeout: 120_000 }, async () => {
    const random = new SeededRandom(seed + 1);
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    let relay = await RelayProcess.spawn(dataDir.path);
    cleanup.push(() => relay.kill('SIGKILL'));
    const port = relay.port;
    const { devices, docId } = await devicesOf(relay, ['Phone', 'Laptop'], seed + 10);
    await Promise.all(devices.map((device) => synced(device.provider)));
    for (const device of devices) device.startWriting();
    await new Promise((resolve) => setTimeout(resolve, random.int(100, 500)));

    expect(await relay.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    const stored = await storedLedger(dataDir, docId);
    for (const device of devices) expect(holdsAll(stored, device.echoed)).toBe(true);

    for (const device of devices) device.stopWriting();
    relay = await RelayProcess.spawn(dataDir.path, port);
    await eventually(
      () => devices.every((device) => device.provider.synced) && converged(devices.map((device) => device.doc)),
    );
    expect(await relay.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    assertConverged([await storedLedger(dataDir, docId), ...devices.map((device) => device.doc)]);
  });
});
