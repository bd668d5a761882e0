import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Attachment, attachmentHashesInUpdate, Ledger } from '@tally/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RelayMetrics } from '../metrics.js';
import { silentLogger } from '../relay-logger.js';
import type { LedgerDocuments } from '../storage/documents/ledger-documents.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { BlobKeeper } from './blob-keeper.js';
import { BlobSweeper } from './blob-sweeper.js';
import { MemoryBlobStore } from './memory-blob-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const docId = 'ledger-1';
const receipt: Attachment = {
  hash: 'a'.repeat(64),
  name: 'receipt.jpg',
  type: 'image/jpeg',
  size: 1_000,
  addedAt: Date.UTC(2026, 5, 1),
};
const invoice: Attachment = {
  hash: 'b'.repeat(64),
  name: 'invoice.pdf',
  type: 'application/pdf',
  size: 250,
  addedAt: Date.UTC(2026, 5, 1),
};

let dir: string;
let storage: SqliteStorage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-sweeper-'));
  storage = new SqliteStorage(join(dir, 'relay.db'));
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stores an update as a room does: appended, then its references added under its sequence number. */
async function storeUpdate(update: Uint8Array): Promise<void> {
  const seq = await storage.documents.appendUpdate(docId, update);
  await storage.blobs.addReferences(docId, [...attachmentHashesInUpdate(update)], seq);
}

describe('the blob sweeper', () => {
  it('[BLOB6] a reference written by an update stored while a recount reads the ledger is kept, and its file stays readable', async () => {
    const device = new Y.Doc();
    const ledger = new Ledger(device);
    let before = Y.encodeStateVector(device);
    const accountId = ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
    const transactionId = ledger.transactions.create({
      date: '2026-06-01',
      amount: -4_250,
      currency: 'EUR',
      accountId,
      attachments: [receipt],
    }).id;
    await storeUpdate(Y.encodeStateAsUpdate(device, before));
    await storage.blobs.recordUpload(invoice, 'alice', invoice.addedAt);

    // The device attaches the invoice just after the sweeper has read the ledger, before it recounts.
    const racing: LedgerDocuments = Object.create(storage.documents, {
      load: {
        value: async (id: string) => {
          const stored = await storage.documents.load(id);
          before = Y.encodeStateVector(device);
          ledger.transactions.update(transactionId, { attachments: [receipt, invoice] });
          await storeUpdate(Y.encodeStateAsUpdate(device, before));
          return stored;
        },
      },
    });
    let now = invoice.addedAt;
    const metrics = new RelayMetrics();
    const sweeper = new BlobSweeper({
      records: storage.blobs,
      documents: racing,
      keeper: new BlobKeeper(
        new MemoryBlobStore(),
        storage.blobs,
        { blobMaxBytes: 1, blobQuotaBytes: 1 },
        metrics,
        () => now,
      ),
      graceDays: 30,
      now: () => now,
      reporting: { logger: silentLogger, metrics },
    });

    now += 31 * DAY_MS;
    expect(await sweeper.sweep()).toBe(0);
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual([docId]);
    expect(await storage.blobs.referencingDocs(invoice.hash)).toEqual([docId]);
    expect(await storage.blobs.find(invoice.hash)).not.toBeNull();
    device.destroy();
  });
});
