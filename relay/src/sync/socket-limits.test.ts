import { closeReasons } from '@tally/schema';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RelayConfig } from '../relay-config.js';
import { accountStoredBytes } from '../storage/account-bytes.js';
import { awarenessMessage, edit, updateMessage } from '../testing/fake-peer.js';
import { addAccount, ledgerOf } from '../testing/ledger-edits.js';
import {
  closedWith,
  DataDir,
  eventually,
  openSocket,
  RunningRelay,
  register,
  type Session,
} from '../testing/relay-harness.js';
import { closeCodes } from './peer-socket.js';
import { encodeSyncStep1, encodeSyncStep2 } from './sync-message.js';

let dataDir: DataDir;
let relay: RunningRelay;
let alice: Session;

async function start(config: Partial<RelayConfig>): Promise<void> {
  relay = await RunningRelay.start(dataDir, config);
  alice = await register(relay.httpUrl, 'alice@example.com');
}

beforeEach(() => {
  dataDir = new DataDir();
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

async function aliceSocket() {
  const opened = await openSocket(`${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`);
  if (opened.kind !== 'open') throw new Error('expected the socket to open');
  return { socket: opened.socket, closing: closedWith(opened.socket) };
}

/** The updates the relay has stored, once it has stored all it accepted: it answers a sync request only then (P2). */
async function storedUpdates(): Promise<number> {
  const { socket } = await aliceSocket();
  const replied = new Promise<void>((resolve) =>
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve();
    }),
  );
  socket.send(encodeSyncStep1(Uint8Array.of(0)));
  await replied;
  socket.close();
  return (await relay.storage.documents.load(alice.docId)).updates.length;
}

/** An edit of `accounts` new accounts, through the ledger API: about 150 bytes each. */
function accountsUpdate(accounts: number): Uint8Array {
  return edit(new Y.Doc(), (doc) => {
    for (let i = 0; i < accounts; i++) addAccount(doc, `Account ${i}`);
  });
}

describe('what one socket may send', () => {
  it('[B1] an update past MAX_UPDATE_BYTES closes its socket (1009) and is not stored; a first sync of that size is', async () => {
    await start({ maxUpdateBytes: 4096 });
    const big = accountsUpdate(60);
    expect(big.byteLength).toBeGreaterThan(4096);

    const edits = await aliceSocket();
    edits.socket.send(updateMessage(big));
    expect(await edits.closing).toEqual({ code: closeCodes.messageTooBig, reason: 'update too large' });
    expect(await storedUpdates()).toBe(0);

    const firstSync = await aliceSocket();
    firstSync.socket.send(encodeSyncStep2(big));
    expect(await storedUpdates()).toBe(1);
    expect(firstSync.socket.readyState).toBe(firstSync.socket.OPEN);
    firstSync.socket.close();
  });

  it('[B1] a state vector past MAX_STATE_VECTOR_BYTES closes its socket (1009)', async () => {
    await start({ maxStateVectorBytes: 1024 });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 200);
    for (let client = 1; client <= 200; client++) {
      encoding.writeVarUint(encoder, client * 1_000_003);
      encoding.writeVarUint(encoder, 1_000_000);
    }
    const { socket, closing } = await aliceSocket();
    socket.send(encodeSyncStep1(encoding.toUint8Array(encoder)));
    expect(await closing).toEqual({ code: closeCodes.messageTooBig, reason: 'state vector too large' });
  });

  it('[B1] a presence (awareness) state past MAX_AWARENESS_BYTES closes its socket (1009) and reaches nobody', async () => {
    await start({ maxAwarenessBytes: 16 * 1024 });
    const watcher = await aliceSocket();
    const heard: number[] = [];
    watcher.socket.on('message', (data: Buffer) => {
      if (data[0] === 1) heard.push(data.byteLength);
    });
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: 'x'.repeat(30 * 1024) });
    const { socket, closing } = await aliceSocket();
    socket.send(awarenessMessage(awareness));
    expect(await closing).toEqual({ code: closeCodes.messageTooBig, reason: 'awareness too large' });
    expect(heard.every((bytes) => bytes < 1024)).toBe(true);
    awareness.destroy();
    watcher.socket.close();
  });

  it('[B2] 17,000 updates a second from one socket are cut to its budget, and the socket closed (1013)', async () => {
    const perSecond = 100;
    const burst = 200;
    await start({ syncMessagesPerSecond: perSecond, syncMessageBurst: burst });
    const ledger = ledgerOf(new Y.Doc());
    const frames: Uint8Array[] = [];
    ledger.doc.on('update', (update: Uint8Array) => frames.push(updateMessage(update)));
    const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    for (let i = 1; frames.length < 17_000; i++)
      ledger.transactions.create({ date: '2026-11-25', amount: -i, currency: 'EUR', accountId });

    const { socket, closing } = await aliceSocket();
    const started = performance.now();
    for (const frame of frames) socket.send(frame);
    const closed = await closing;
    const seconds = (performance.now() - started) / 1000;
    const stored = await storedUpdates();
    console.log(
      `sent ${frames.length} updates at once; the relay stored ${stored} and closed the socket after ${seconds.toFixed(2)} s (budget: ${burst} at once, then ${perSecond}/s)`,
    );
    expect(closed).toEqual({ code: closeCodes.tryAgainLater, reason: 'too many messages' });
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThanOrEqual(burst + Math.ceil(seconds * perSecond));
  });

  it('[B3] a device holds at most SOCKETS_PER_DEVICE sockets; more upgrades are refused with 429', async () => {
    await start({ socketsPerDevice: 2 });
    const first = await aliceSocket();
    const second = await aliceSocket();
    const url = `${relay.syncUrl}/${alice.docId}?token=${alice.accessToken}`;
    expect(await openSocket(url)).toEqual({ kind: 'refused', status: 429 });

    first.socket.close();
    await first.closing;
    await eventually(() => relay.app.websocketServer.clients.size === 1);
    const third = await openSocket(url);
    expect(third.kind).toBe('open');
    if (third.kind === 'open') third.socket.close();
    second.socket.close();
  });

  it('[B4] an account at its quota has its next update refused with the reason, and nothing of it stored', async () => {
    const quota = 64 * 1024;
    await start({ accountQuotaBytes: quota });
    const { socket, closing } = await aliceSocket();
    const device = new Y.Doc();
    let sent = 0;
    let accepted = 0;
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 2) accepted++;
    });
    const closed = closing.then((close) => ({ ...close, sent }));
    while (socket.readyState === socket.OPEN && sent < 100) {
      socket.send(
        updateMessage(
          edit(device, (doc) => {
            for (let i = 0; i < 40; i++) addAccount(doc, `Account ${sent}-${i}`);
          }),
        ),
      );
      sent++;
      await eventually(() => accepted === sent || socket.readyState !== socket.OPEN);
    }
    expect(await closed).toMatchObject({ code: closeCodes.policyViolation, reason: closeReasons.quotaReached });
    const stored = await accountStoredBytes(relay.storage, alice.userId);
    console.log(`quota ${quota} bytes: ${accepted} updates stored (${stored} bytes), update ${sent} refused`);
    expect(accepted).toBe(sent - 1);
    expect(stored).toBeLessThanOrEqual(quota);
    expect(await storedUpdates()).toBe(accepted);
  });
});
