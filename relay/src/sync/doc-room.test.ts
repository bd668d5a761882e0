import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { RelayMetrics } from '../metrics.js';
import type { LedgerDocuments, StoredDoc } from '../storage/documents/ledger-documents.js';
import { MemoryLedgerDocuments } from '../storage/documents/memory-ledger-documents.js';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { awarenessMessage, edit, FakePeer, syncStep1Of, updateMessage } from '../testing/fake-peer.js';
import { Faults } from '../testing/faults.js';
import { accountNames, addAccount } from '../testing/ledger-edits.js';
import { RecordingLogger } from '../testing/recording-logger.js';
import { DocRooms } from './doc-rooms.js';
import { closeCodes } from './peer-socket.js';

/** Memory documents whose loads wait until the test lets them finish. */
class SlowDocuments extends MemoryLedgerDocuments {
  private releaseLoads: () => void = () => {};
  private readonly loadsReleased = new Promise<void>((resolve) => {
    this.releaseLoads = resolve;
  });
  readonly appendedWhileDelivered: number[] = [];
  deliveredSoFar: () => number = () => 0;

  override async load(docId: string): Promise<StoredDoc> {
    const stored = await super.load(docId);
    await this.loadsReleased;
    return stored;
  }

  override async appendUpdate(docId: string, update: Uint8Array): Promise<number> {
    this.appendedWhileDelivered.push(this.deliveredSoFar());
    return super.appendUpdate(docId, update);
  }

  release(): void {
    this.releaseLoads();
  }
}

const peers: FakePeer[] = [];
function peer(): FakePeer {
  const created = new FakePeer();
  peers.push(created);
  return created;
}

function rooms(
  documents: LedgerDocuments,
  compactAfter = 1000,
  { logger = new RecordingLogger(), metrics = new RelayMetrics() } = {},
): DocRooms {
  return new DocRooms({ documents, metrics, logger, unloadAfterMs: 0, compactAfter });
}

async function storedLedger(documents: LedgerDocuments, docId: string): Promise<Y.Doc> {
  return rebuildDoc(await documents.load(docId));
}

/** A failure as the storage would throw it: a message of its own, and the driver's error as its cause. */
function diskError(): Error {
  return new Error('could not write the ledger', { cause: new Error('SQLITE_IOERR_WRITE: disk I/O error') });
}

/** Hands every frame the peers want to send to the room until nobody has anything left to say. */
async function exchange(room: ReturnType<DocRooms['open']>, ...talkers: FakePeer[]): Promise<void> {
  for (;;) {
    await room.settled();
    const frames = talkers.flatMap((talker) => talker.takeOutbox().map((frame) => [talker, frame] as const));
    if (frames.length === 0) return;
    for (const [talker, frame] of frames) room.receive(talker, frame);
  }
}

afterEach(() => {
  for (const created of peers.splice(0)) created.destroy();
});

describe('a document room', () => {
  it('[P1] answers peers that connect during a slow load only once the stored ledger is complete', async () => {
    const storage = new SlowDocuments();
    const seed = new Y.Doc();
    for (let i = 0; i < 200; i++) {
      await storage.appendUpdate(
        'ledger',
        edit(seed, (doc) => addAccount(doc, `t${i}`)),
      );
    }
    const room = rooms(storage).open('ledger');
    const phone = peer();
    const laptop = peer();
    room.join(phone, { canWrite: true });
    room.join(laptop, { canWrite: true });
    room.receive(phone, syncStep1Of(phone.doc));
    room.receive(laptop, syncStep1Of(laptop.doc));
    await Promise.resolve();
    expect(phone.received).toEqual([]);

    storage.release();
    await exchange(room, phone, laptop);

    expect(accountNames(phone.doc)).toHaveLength(200);
    expect(accountNames(laptop.doc)).toHaveLength(200);
    expect(accountNames(await storedLedger(storage, 'ledger'))).toHaveLength(200);
  });

  it('[P2] stores an update before any peer, the sender included, receives it', async () => {
    const storage = new SlowDocuments();
    storage.release();
    const room = rooms(storage).open('ledger');
    const phone = peer();
    const laptop = peer();
    room.join(phone, { canWrite: true });
    room.join(laptop, { canWrite: true });
    await room.settled();
    const before = phone.received.length + laptop.received.length;
    storage.deliveredSoFar = () => phone.received.length + laptop.received.length;

    room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 'Cash'))));
    await room.settled();

    expect(storage.appendedWhileDelivered).toEqual([before]);
    expect(phone.received.length).toBe(before / 2 + 1);
    expect(accountNames(laptop.doc)).toEqual(['Cash']);
  });

  it('[P2] a sync reply never holds an update that is not stored yet', async () => {
    let storeHeldUpdate: () => void = () => {};
    class HeldDocuments extends MemoryLedgerDocuments {
      override async appendUpdate(docId: string, update: Uint8Array): Promise<number> {
        await new Promise<void>((resolve) => {
          storeHeldUpdate = resolve;
        });
        return super.appendUpdate(docId, update);
      }
    }
    const room = rooms(new HeldDocuments()).open('ledger');
    const phone = peer();
    const laptop = peer();
    room.join(phone, { canWrite: true });
    room.join(laptop, { canWrite: true });
    room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 'Cash'))));
    room.receive(laptop, syncStep1Of(laptop.doc));
    await new Promise((resolve) => setImmediate(resolve));
    expect(accountNames(laptop.doc)).toEqual([]);

    storeHeldUpdate();
    await room.settled();
    expect(accountNames(laptop.doc)).toEqual(['Cash']);
  });

  it('[P1] a device with nothing yet gets a compacted ledger whole, and its edits land on top of it', async () => {
    const storage = new MemoryLedgerDocuments();
    const history = new Y.Doc();
    for (let i = 0; i < 50; i++) addAccount(history, `t${i}`);
    await storage.compact('ledger', Y.encodeStateAsUpdate(history), Y.encodeStateVector(history), 0);
    const room = rooms(storage).open('ledger');
    const phone = peer();
    room.join(phone, { canWrite: true });
    room.receive(phone, syncStep1Of(phone.doc));
    await exchange(room, phone);
    expect(accountNames(phone.doc)).toHaveLength(50);

    room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 't50'))));
    const laptop = peer();
    Y.applyUpdate(laptop.doc, Y.encodeStateAsUpdate(history));
    room.join(laptop, { canWrite: true });
    room.receive(laptop, syncStep1Of(laptop.doc));
    await exchange(room, phone, laptop);
    expect(accountNames(laptop.doc)).toContain('t50');
    expect(accountNames(await storedLedger(storage, 'ledger'))).toHaveLength(51);
  });

  it('[P2] when storing fails, nothing unstored is sent and every peer is told the document is unavailable', async () => {
    const faults = new Faults(new MemoryLedgerDocuments());
    faults.failNext('appendUpdate', diskError(), { times: Number.POSITIVE_INFINITY });
    const room = rooms(faults.area).open('ledger');
    const phone = peer();
    const laptop = peer();
    room.join(phone, { canWrite: true });
    room.join(laptop, { canWrite: true });
    room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 'Cash'))));
    room.receive(laptop, syncStep1Of(laptop.doc));
    await room.settled();
    await exchange(room, laptop);
    expect(accountNames(laptop.doc)).toEqual([]);
    expect([phone.closed, laptop.closed]).toEqual([
      { code: closeCodes.internalError, reason: 'document unavailable' },
      { code: closeCodes.internalError, reason: 'document unavailable' },
    ]);
    expect(room.broken).toBe(true);
  });

  it.each([
    ['loading', 'load'],
    ['storing', 'appendUpdate'],
    ['compacting', 'compact'],
  ] as const)(
    '[F1] a failure %s the document is logged once with its cause and document id, and counted',
    async (_doing, call) => {
      const logger = new RecordingLogger();
      const metrics = new RelayMetrics();
      const faults = new Faults(new MemoryLedgerDocuments());
      const failure = diskError();
      faults.failNext(call, failure);
      const room = rooms(faults.area, 1, { logger, metrics }).open('ledger');
      const phone = peer();
      const laptop = peer();
      room.join(phone, { canWrite: true });
      room.join(laptop, { canWrite: true });
      room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 'Cash'))));
      room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 'Bank'))));
      await room.settled();

      const kind = { load: 'load', appendUpdate: 'store', compact: 'compact' }[call];
      expect(logger.errors()).toEqual([
        { level: 'error', fields: { docId: 'ledger', kind, err: failure }, message: expect.any(String) },
      ]);
      expect(metrics.render()).toContain(`tally_relay_failures_total{kind="${kind}"} 1`);
      expect(phone.closed).toEqual({ code: closeCodes.internalError, reason: 'document unavailable' });
      expect(laptop.closed).toEqual({ code: closeCodes.internalError, reason: 'document unavailable' });
    },
  );

  it('[F1] a peer the room fails to answer is closed alone, and the failure is logged with its cause', async () => {
    const logger = new RecordingLogger();
    const metrics = new RelayMetrics();
    const failure = new Error('the connection broke mid-write');
    class BrokenPeer extends FakePeer {
      override send(): void {
        throw failure;
      }
    }
    const room = rooms(new MemoryLedgerDocuments(), 1000, { logger, metrics }).open('ledger');
    const broken = new BrokenPeer();
    const laptop = peer();
    room.join(broken, { canWrite: true });
    room.join(laptop, { canWrite: true });
    room.receive(laptop, syncStep1Of(laptop.doc));
    await exchange(room, laptop);

    expect(broken.closed).toEqual({ code: closeCodes.internalError, reason: 'internal error' });
    expect(laptop.closed).toBeNull();
    expect(room.broken).toBe(false);
    expect(logger.errors()).toEqual([
      { level: 'error', fields: { docId: 'ledger', kind: 'message', err: failure }, message: expect.any(String) },
    ]);
    expect(metrics.render()).toContain('tally_relay_failures_total{kind="message"} 1');
    broken.destroy();
  });

  it('[P2] echoes each accepted update to its sender', async () => {
    const room = rooms(new MemoryLedgerDocuments()).open('ledger');
    const phone = peer();
    room.join(phone, { canWrite: true });
    const update = edit(phone.doc, (doc) => addAccount(doc, 'Cash'));
    await room.settled();
    phone.received.length = 0;
    room.receive(phone, updateMessage(update));
    await room.settled();
    expect(phone.received).toHaveLength(1);
  });

  it('does not store or send an update that changes nothing', async () => {
    const storage = new MemoryLedgerDocuments();
    const room = rooms(storage).open('ledger');
    const phone = peer();
    room.join(phone, { canWrite: true });
    const update = edit(phone.doc, (doc) => addAccount(doc, 'Cash'));
    room.receive(phone, updateMessage(update));
    room.receive(phone, updateMessage(update));
    await room.settled();
    expect(await storage.countUpdates('ledger')).toBe(1);
  });

  it('[S7] drops updates from a read-only member', async () => {
    const storage = new MemoryLedgerDocuments();
    const room = rooms(storage).open('ledger');
    const viewer = peer();
    room.join(viewer, { canWrite: false });
    room.receive(viewer, updateMessage(edit(viewer.doc, (doc) => addAccount(doc, 'Cash'))));
    await room.settled();
    expect(await storage.countUpdates('ledger')).toBe(0);
    expect(viewer.closed).toBeNull();
  });

  it.each([
    ['an unknown message type', Uint8Array.of(9, 1, 2), closeCodes.unsupportedData],
    ['an unknown sync type', Uint8Array.of(0, 7, 0), closeCodes.unsupportedData],
    ['a truncated update', Uint8Array.of(0, 2, 40, 1, 2, 3), closeCodes.policyViolation],
    ['trailing bytes', Uint8Array.of(3, 0), closeCodes.policyViolation],
    ['an update that is not a Yjs update', Uint8Array.of(0, 2, 3, 200, 200, 200), closeCodes.policyViolation],
    ['an empty frame', new Uint8Array(), closeCodes.policyViolation],
    ['a state vector that does not decode', Uint8Array.of(0, 0, 3, 200, 200, 200), closeCodes.policyViolation],
    ['awareness that is not JSON', Uint8Array.of(1, 6, 1, 1, 1, 2, 123, 120), closeCodes.policyViolation],
  ])('[P5] closes the socket on %s, stores nothing, and logs why', async (_name, frame, code) => {
    const storage = new MemoryLedgerDocuments();
    const logger = new RecordingLogger();
    const room = rooms(storage, 1000, { logger }).open('ledger');
    const phone = peer();
    room.join(phone, { canWrite: true });
    room.receive(phone, frame);
    await room.settled();
    expect(phone.closed?.code).toBe(code);
    expect(await storage.countUpdates('ledger')).toBe(0);
    expect(room.peerCount).toBe(0);
    expect(logger.entries).toEqual([
      { level: 'info', fields: { docId: 'ledger', code, reason: phone.closed?.reason }, message: 'sync frame refused' },
    ]);
  });

  it('compacts the log into a snapshot that holds the whole ledger', async () => {
    const storage = new MemoryLedgerDocuments();
    const room = rooms(storage, 10).open('ledger');
    const phone = peer();
    room.join(phone, { canWrite: true });
    for (let i = 0; i < 25; i++) {
      room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, `t${i}`))));
    }
    await room.settled();
    expect(await storage.countUpdates('ledger')).toBeLessThan(10);
    expect((await storage.load('ledger')).snapshot).not.toBeNull();
    expect(accountNames(await storedLedger(storage, 'ledger'))).toEqual(accountNames(phone.doc));
  });

  it('relays awareness and clears a peer’s presence when it leaves', async () => {
    const room = rooms(new MemoryLedgerDocuments()).open('ledger');
    const phone = peer();
    const laptop = peer();
    room.join(phone, { canWrite: true });
    room.join(laptop, { canWrite: true });
    phone.awareness.setLocalState({ user: 'phone' });
    room.receive(phone, awarenessMessage(phone.awareness));
    await room.settled();
    expect(laptop.awareness.getStates().get(phone.doc.clientID)).toEqual({ user: 'phone' });
    room.leave(phone);
    expect(laptop.awareness.getStates().has(phone.doc.clientID)).toBe(false);
  });
});

describe('the loaded documents', () => {
  it('[F2] a document whose load failed refuses its peers and is loaded afresh for the next one', async () => {
    const faults = new Faults(new MemoryLedgerDocuments());
    await faults.area.appendUpdate(
      'ledger',
      edit(new Y.Doc(), (doc) => addAccount(doc, 'Cash')),
    );
    faults.failNext('load', diskError());
    const loaded = rooms(faults.area);
    const phone = peer();
    const broken = loaded.open('ledger');
    broken.join(phone, { canWrite: true });
    await broken.settled();
    expect(phone.closed).toEqual({ code: closeCodes.internalError, reason: 'document unavailable' });

    const laptop = peer();
    const room = loaded.open('ledger');
    expect(room).not.toBe(broken);
    room.join(laptop, { canWrite: true });
    room.receive(laptop, syncStep1Of(laptop.doc));
    await exchange(room, laptop);
    expect(accountNames(laptop.doc)).toEqual(['Cash']);
  });

  it('[F2] a document whose compaction fails as it unloads keeps its log, and the failure is logged once', async () => {
    const logger = new RecordingLogger();
    const metrics = new RelayMetrics();
    const faults = new Faults(new MemoryLedgerDocuments());
    const failure = diskError();
    faults.failNext('compact', failure);
    const loaded = rooms(faults.area, 1000, { logger, metrics });
    const room = loaded.open('ledger');
    const phone = peer();
    room.join(phone, { canWrite: true });
    room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 'Cash'))));
    await room.settled();
    room.leave(phone);
    await loaded.closeAll();

    expect(logger.errors()).toEqual([
      { level: 'error', fields: { docId: 'ledger', kind: 'close', err: failure }, message: expect.any(String) },
    ]);
    expect(metrics.render()).toContain('tally_relay_failures_total{kind="close"} 1');
    expect(await faults.area.countUpdates('ledger')).toBe(1);
    expect(accountNames(await storedLedger(faults.area, 'ledger'))).toEqual(['Cash']);
  });

  it('[P4] unloads a document after its last peer leaves and reloads everything on the next join', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const storage = new MemoryLedgerDocuments();
    const loaded = new DocRooms({
      documents: storage,
      metrics: new RelayMetrics(),
      logger: new RecordingLogger(),
      unloadAfterMs: 30_000,
      compactAfter: 1000,
    });
    const room = loaded.open('ledger');
    const phone = peer();
    room.join(phone, { canWrite: true });
    room.receive(phone, updateMessage(edit(phone.doc, (doc) => addAccount(doc, 'Cash'))));
    room.leave(phone);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(loaded.loadedCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loaded.loadedCount).toBe(0);
    vi.useRealTimers();

    const laptop = peer();
    const reopened = loaded.open('ledger');
    reopened.join(laptop, { canWrite: true });
    reopened.receive(laptop, syncStep1Of(laptop.doc));
    await exchange(reopened, laptop);
    expect(accountNames(laptop.doc)).toEqual(['Cash']);
  });
});
