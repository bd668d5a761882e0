import { Ledger } from '@tally/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { runAdminCli } from '../testing/admin-cli.js';
import { connect, DataDir, eventually, RunningRelay, register, synced } from '../testing/relay-harness.js';
import { AdminCommands } from './admin-commands.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function provider(created: WebsocketProvider): WebsocketProvider {
  cleanup.push(() => {
    created.destroy();
    created.doc.destroy();
  });
  return created;
}

/** An account and three transactions, written as two updates. */
function fillThenDeleteAll(ledger: Ledger): void {
  const accountId = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  ledger.transact(() => {
    for (const day of ['01', '02', '03'])
      ledger.transactions.create({ date: `2026-11-${day}`, amount: -500, currency: 'EUR', accountId });
  });
}

function deleteAll(ledger: Ledger): void {
  ledger.transact(() => {
    for (const transaction of ledger.transactions.list()) ledger.transactions.delete(transaction.id);
  });
}

describe('restoring a version from the admin CLI', () => {
  it('[R4] a running relay carries out the CLI’s restore, and the open device receives it at once', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const relay = await RunningRelay.start(dataDir, { versionEveryMinutes: 0 });
    cleanup.push(() => relay.stop());
    const session = await register(relay.httpUrl, 'alice@example.com', 'Phone');
    const phone = provider(connect(relay.syncUrl, session));
    await synced(phone);
    const ledger = new Ledger(phone.doc);
    fillThenDeleteAll(ledger);
    deleteAll(ledger);
    // The relay keeps the ledger as it stood before each change: the newest version is the one before the delete.
    let versionsKept = 0;
    while (versionsKept < 2) {
      versionsKept = (await relay.storage.documents.listVersions(session.docId)).length;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await eventually(() => ledger.transactions.list().length === 0);

    const listed = await runAdminCli(dataDir.path, ['versions', session.docId]);
    expect(listed.code).toBe(0);
    const versions = listed.stdout.trim().split('\n');
    const [newest = ''] = versions;
    expect(newest).toMatch(/^\S+ {2}\d{4}-\d\d-\d\dT\S+Z {2}\d+ bytes$/);

    const restored = await runAdminCli(dataDir.path, ['restore', session.docId, newest.split(' ')[0] ?? '']);

    expect(restored).toMatchObject({ code: 0, stdout: expect.stringContaining('the running relay sent them') });
    await eventually(() => ledger.transactions.list().length === 3);
  });

  it('[R4] with no relay running, the CLI writes the restore into the stored ledger itself', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const storage = new SqliteStorage(dataDir.dbFile);
    cleanup.push(() => storage.close());
    const device = new Ledger(new Y.Doc());
    fillThenDeleteAll(device);
    const beforeDelete = Y.encodeStateAsUpdate(device.doc);
    deleteAll(device);
    await storage.documents.appendUpdate('ledger-1', Y.encodeStateAsUpdate(device.doc));
    const version = await storage.documents.saveVersion('ledger-1', beforeDelete, Date.now());
    const admin = new AdminCommands(storage, { passwordCost: 2 ** 10, invitationTtlHours: 24 });

    expect(await admin.restore('ledger-1', version.versionId, { claimMs: 100, finishMs: 1_000 })).toEqual({
      kind: 'restored',
      records: 3,
      by: 'cli',
    });
    expect(await admin.restore('ledger-1', 'nope', { claimMs: 100, finishMs: 1_000 })).toEqual({
      kind: 'unknown-version',
      by: 'cli',
    });

    const stored = new Ledger(rebuildDoc(await storage.documents.load('ledger-1')));
    expect(stored.transactions.list()).toHaveLength(3);
    expect(await storage.documents.listVersions('ledger-1')).toHaveLength(2);
  });

  it('[BLOB5] the files a version restored by the CLI names are referenced by the ledger at once', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    const storage = new SqliteStorage(dataDir.dbFile);
    cleanup.push(() => storage.close());
    const device = new Ledger(new Y.Doc());
    const accountId = device.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
    const receipt = { hash: 'a'.repeat(64), name: 'receipt.jpg', type: 'image/jpeg', size: 100, addedAt: 1 } as const;
    device.transactions.create({
      date: '2026-11-01',
      amount: -500,
      currency: 'EUR',
      accountId,
      attachments: [receipt],
    });
    const beforeDelete = Y.encodeStateAsUpdate(device.doc);
    deleteAll(device);
    await storage.documents.appendUpdate('ledger-1', Y.encodeStateAsUpdate(device.doc));
    const version = await storage.documents.saveVersion('ledger-1', beforeDelete, Date.now());
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual([]);
    const admin = new AdminCommands(storage, { passwordCost: 2 ** 10, invitationTtlHours: 24 });

    expect(await admin.restore('ledger-1', version.versionId, { claimMs: 100, finishMs: 1_000 })).toMatchObject({
      kind: 'restored',
      records: 1,
    });
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual(['ledger-1']);
  });
});
