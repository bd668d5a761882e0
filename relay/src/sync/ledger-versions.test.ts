import { Ledger } from '@tally/schema';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RelayMetrics } from '../metrics.js';
import { MemoryLedgerDocuments } from '../storage/documents/memory-ledger-documents.js';
import { FakePeer, updateMessage } from '../testing/fake-peer.js';
import { RecordingLogger } from '../testing/recording-logger.js';
import { DocRooms } from './doc-rooms.js';

const hour = 60 * 60 * 1000;
const peers: FakePeer[] = [];

function rooms(documents: MemoryLedgerDocuments, everyMs: number): DocRooms {
  return new DocRooms({
    documents,
    metrics: new RelayMetrics(),
    logger: new RecordingLogger(),
    unloadAfterMs: 0,
    compactAfter: 1000,
    versions: { everyMs, keepMs: 30 * 24 * hour, thinAfterMs: 2 * 24 * hour },
  });
}

/** A device's ledger whose edits reach the room as update frames. */
function device(): { peer: FakePeer; ledger: Ledger; frames: () => Uint8Array[] } {
  const peer = new FakePeer();
  peers.push(peer);
  const ledger = new Ledger(peer.doc);
  const pending: Uint8Array[] = [];
  peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== peer) pending.push(updateMessage(update));
  });
  return { peer, ledger, frames: () => pending.splice(0) };
}

afterEach(() => {
  for (const created of peers.splice(0)) created.destroy();
});

describe('the versions a ledger keeps on the relay', () => {
  it('[R1] keeps the ledger as it stood before the first change after the interval, never an empty one', async () => {
    const documents = new MemoryLedgerDocuments();
    const room = rooms(documents, hour).open('ledger');
    const phone = device();
    room.join(phone.peer, { canWrite: true });
    const accountId = phone.ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
    for (const frame of phone.frames()) room.receive(phone.peer, frame);
    await room.settled();
    expect(await documents.listVersions('ledger')).toEqual([]);
    const withAccount = Y.encodeStateAsUpdate(phone.peer.doc);

    for (const amount of [-100, -200]) {
      phone.ledger.transactions.create({ date: '2026-12-01', amount, currency: 'EUR', accountId });
      for (const frame of phone.frames()) room.receive(phone.peer, frame);
      await room.settled();
    }
    await room.close();

    const versions = await documents.listVersions('ledger');
    expect(versions).toHaveLength(1);
    const state = (await documents.loadVersion('ledger', versions[0]?.versionId ?? '')) ?? new Uint8Array();
    const kept = new Ledger(new Y.Doc());
    Y.applyUpdate(kept.doc, state);
    const then = new Ledger(new Y.Doc());
    Y.applyUpdate(then.doc, withAccount);
    expect(kept.accounts.list()).toEqual(then.accounts.list());
    expect(kept.transactions.list()).toEqual([]);
    expect(versions[0]?.bytes).toBe(state.byteLength);
    // The version counts in the ledger's storage, beside its snapshot and log (B4).
    const stored = await documents.load('ledger');
    const ledgerBytes =
      (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    expect(await documents.storedBytes(['ledger'])).toBe(ledgerBytes + state.byteLength);
  });

  it('[R3] a restore reaches the open device, and the ledger as it stood before is kept as a version', async () => {
    const documents = new MemoryLedgerDocuments();
    const loaded = rooms(documents, 0);
    const room = loaded.open('ledger');
    const phone = device();
    room.join(phone.peer, { canWrite: true });
    const accountId = phone.ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
    const coffee = phone.ledger.transactions.create({ date: '2026-12-01', amount: -350, currency: 'EUR', accountId });
    for (const frame of phone.frames()) room.receive(phone.peer, frame);
    await room.settled();
    const beforeDelete = Y.encodeStateAsUpdate(phone.peer.doc);
    phone.ledger.transactions.delete(coffee.id);
    for (const frame of phone.frames()) room.receive(phone.peer, frame);
    await room.settled();
    const versionsBefore = (await documents.listVersions('ledger')).length;

    expect(await loaded.restore('ledger', beforeDelete)).toEqual({ records: 1 });

    expect(phone.ledger.transactions.get(coffee.id)?.deleted).toBe(false);
    await room.close();
    const versions = await documents.listVersions('ledger');
    expect(versions).toHaveLength(versionsBefore + 1);
    const kept = new Ledger(new Y.Doc());
    Y.applyUpdate(kept.doc, (await documents.loadVersion('ledger', versions[0]?.versionId ?? '')) ?? new Uint8Array());
    expect(kept.transactions.get(coffee.id)?.deleted).toBe(true);
  });
});
