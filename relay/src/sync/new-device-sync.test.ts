import { SeededRandom, typicalLedger } from '@tally/schema/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { edit, syncStep1Of, updateMessage } from '../testing/fake-peer.js';
import { hostileUpdate } from '../testing/ledger-edits.js';
import {
  closedWith,
  DataDir,
  eventually,
  openSyncSocket,
  RunningRelay,
  register,
  type Session,
  sameLedger,
} from '../testing/relay-harness.js';
import { closeCodes } from './peer-socket.js';
import { encodeSyncStep2, parseFrame, type SyncMessage } from './sync-message.js';

let dataDir: DataDir;
let relay: RunningRelay;

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
});

afterEach(async () => {
  await relay.stop();
  dataDir.remove();
});

/** A sync frame the relay sent that carries a Yjs update: a step 2 or an update. */
type Heard = Extract<SyncMessage, { readonly kind: 'sync-step-2' | 'update' }>;

/** Every step 2 and update the socket hears, in order; the relay's own step 1 is left out. */
function listen(socket: WebSocket): Heard[] {
  const heard: Heard[] = [];
  socket.on('message', (data: Buffer) => {
    const parsed = parseFrame(new Uint8Array(data));
    if (parsed.ok && (parsed.message.kind === 'sync-step-2' || parsed.message.kind === 'update'))
      heard.push(parsed.message);
  });
  return heard;
}

/** What a device holding nothing hears in answer to its first sync step 1, up to its step 2. */
async function firstSyncOf(session: Session): Promise<Heard[]> {
  const socket = await openSyncSocket(relay.syncUrl, session);
  const heard = listen(socket);
  socket.send(syncStep1Of(new Y.Doc()));
  await eventually(() => heard.some((frame) => frame.kind === 'sync-step-2'));
  socket.close();
  return heard;
}

/** The ledger a device holding nothing has once it has applied what it heard. */
function ledgerFrom(heard: readonly Heard[]): Y.Doc {
  const doc = new Y.Doc();
  for (const frame of heard) Y.applyUpdate(doc, frame.update);
  return doc;
}

/** A device's first sync of a ledger large enough that the room holds it as bytes, its worker judging every update (B5). */
async function firstSyncFrom(session: Session, seed: number) {
  const large = typicalLedger(8_000, { random: new SeededRandom(seed) });
  const firstSync = Y.encodeStateAsUpdate(large.doc);
  expect(firstSync.byteLength).toBeGreaterThan(1024 * 1024);
  const phone = await openSyncSocket(relay.syncUrl, session);
  const echoes = listen(phone);
  phone.send(encodeSyncStep2(firstSync));
  await eventually(() => echoes.length === 1);
  return { large, firstSync, phone, echoes };
}

describe('a new device’s first sync of a ledger held as bytes', () => {
  it('[P7] held as one stored update, it is sent as stored, even while the worker judges another ledger’s large update', async () => {
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const mallory = await register(relay.httpUrl, 'mallory@example.com');
    // Made first: once Alice's phone leaves, her room must not unload while this is built.
    const heavy = hostileUpdate();
    const { large, firstSync, phone } = await firstSyncFrom(alice, 8_000);
    phone.close();

    // Mallory's update keeps the relay's one worker busy for seconds; a new device of Alice's
    // ledger is not made to wait behind it, as nothing is asked of the worker for its answer.
    const mallorySocket = await openSyncSocket(relay.syncUrl, mallory);
    const events: string[] = [];
    const refused = closedWith(mallorySocket).then((close) => {
      events.push('mallory refused');
      return close;
    });
    mallorySocket.send(encodeSyncStep2(heavy));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const heard = await firstSyncOf(alice);
    events.push('alice synced');

    expect(heard.map((frame) => frame.kind)).toEqual(['sync-step-2']);
    expect(heard[0]?.update).toEqual(firstSync);
    expect(sameLedger(ledgerFrom(heard), large.doc)).toBe(true);
    expect(await refused).toEqual({ code: closeCodes.policyViolation, reason: 'invalid-key transactions' });
    expect(events).toEqual(['alice synced', 'mallory refused']);
  });

  it('[P7] held as a snapshot and updates since, it is sent whole in one sync step 2, never a part of it first', async () => {
    const alice = await register(relay.httpUrl, 'alice@example.com');
    const { large, phone, echoes } = await firstSyncFrom(alice, 8_001);
    const update = edit(large.doc, () =>
      large.transactions.create({
        date: '2026-12-02',
        amount: -990,
        currency: 'EUR',
        accountId: large.accounts.list()[0]?.id ?? '',
      }),
    );
    phone.send(updateMessage(update));
    await eventually(() => echoes.length === 2);
    phone.close();

    const heard = await firstSyncOf(alice);
    expect(heard.map((frame) => frame.kind)).toEqual(['sync-step-2']);
    expect(sameLedger(ledgerFrom(heard), large.doc)).toBe(true);
  });
});
