import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SeededRandom } from '@tally/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../testing/ledger-edits.js';
import { malformedFrame } from '../testing/malformed-frames.js';
import {
  connect,
  DataDir,
  eventually,
  openSocket,
  RunningRelay,
  register,
  type Session,
  synced,
} from '../testing/relay-harness.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const seed = Number(process.env.TALLY_FUZZ_SEED ?? 20261125);
const maxFrameBytes = 4096;
const concurrency = 16;

let dataDir: DataDir;
let relay: RunningRelay;
let session: Session;

beforeAll(async () => {
  dataDir = new DataDir();
  // One device opens every socket here, `concurrency` at a time, each closing as the next opens.
  relay = await RunningRelay.start(dataDir, {
    maxFrameBytes,
    upgradesPerMinute: 1_000_000,
    socketsPerDevice: 1000,
    unloadAfterMs: 0,
  });
  session = await register(relay.httpUrl, 'alice@example.com');
});

afterAll(async () => {
  await relay.stop();
  dataDir.remove();
});

/** Sends each frame on its own socket (a refused frame closes it) and waits for every socket to close. */
async function sendAll(random: SeededRandom, count: number): Promise<void> {
  let sent = 0;
  async function worker(): Promise<void> {
    while (sent < count) {
      sent++;
      const frame = malformedFrame(random, maxFrameBytes);
      const opened = await openSocket(`${relay.syncUrl}/${session.docId}?token=${session.accessToken}`);
      if (opened.kind !== 'open') throw new Error(`upgrade refused with ${opened.status}`);
      const closing = new Promise((resolve) => opened.socket.once('close', resolve));
      opened.socket.send('text' in frame ? frame.text : frame.bytes);
      // A frame that happens to be valid leaves the socket open: close it ourselves.
      opened.socket.close();
      await closing;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  await eventually(() => relay.app.websocketServer.clients.size === 0);
}

async function settledHeap(): Promise<number> {
  await eventually(() => relay.app.websocketServer.clients.size === 0);
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

describe('malformed frames', () => {
  it('[P5] 10,000 random malformed frames leave the relay up, with flat memory', { timeout: 300_000 }, async () => {
    console.log(`malformed-frames seed: ${seed} (set TALLY_FUZZ_SEED to replay)`);
    const random = new SeededRandom(seed);
    await sendAll(random, 1_000);
    const warm = await settledHeap();
    await sendAll(random, 9_000);
    const after = await settledHeap();
    console.log(
      `heap after warm-up ${(warm / 2 ** 20).toFixed(1)} MiB, after 10,000 frames ${(after / 2 ** 20).toFixed(1)} MiB`,
    );

    // 9,000 more frames may not cost even 1 KiB each: one leaked socket or room per frame would.
    expect(after - warm).toBeLessThan(9_000 * 1024);
    const health = await fetch(`${relay.httpUrl}/health`);
    expect(health.status).toBe(200);
    const device = connect(relay.syncUrl, session);
    addAccount(device.doc, 'Cash');
    await synced(device);
    device.destroy();
  });
});
