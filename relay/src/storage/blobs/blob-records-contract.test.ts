import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelayStorage } from '../relay-storage.js';
import { storageImplementations } from '../storage-implementations.test-support.js';

const receipt = { hash: 'a'.repeat(64), type: 'image/jpeg', size: 1_000 } as const;
const invoice = { hash: 'b'.repeat(64), type: 'application/pdf', size: 250 } as const;
const photo = { hash: 'c'.repeat(64), type: 'image/png', size: 40 } as const;

describe.each(storageImplementations)('$name blob records keep their contract', (implementation) => {
  let storage: RelayStorage;
  let reopen: () => Promise<RelayStorage>;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ storage, reopen, dispose } = await implementation.open());
  });
  afterEach(async () => {
    await storage.close();
    await dispose();
  });

  it('[BLOB1] a file is kept once, whoever uploads it, and each upload is told whether the account had it already', async () => {
    expect(await storage.blobs.recordUpload(receipt, 'alice', 100)).toBe(true);
    expect(await storage.blobs.recordUpload(receipt, 'alice', 200)).toBe(false);
    expect(await storage.blobs.recordUpload(receipt, 'bob', 300)).toBe(true);
    const again = await reopen();
    expect(await again.blobs.find(receipt.hash)).toEqual({ ...receipt, storedAt: 100 });
    expect(await again.blobs.uploadersOf(receipt.hash)).toEqual(['alice', 'bob']);
    expect(await again.blobs.find(invoice.hash)).toBeNull();
    if (again !== storage) await again.close();
  });

  it('[BLOB4] an account is charged for each file it uploaded, once', async () => {
    await storage.blobs.recordUpload(receipt, 'alice', 100);
    await storage.blobs.recordUpload(receipt, 'alice', 110);
    await storage.blobs.recordUpload(invoice, 'alice', 120);
    await storage.blobs.recordUpload(invoice, 'bob', 130);
    expect(await storage.blobs.uploadedBytes('alice')).toBe(1_250);
    expect(await storage.blobs.uploadedBytes('bob')).toBe(250);
    expect(await storage.blobs.uploadedBytes('carol')).toBe(0);
  });

  it('[BLOB5] a ledger references files, before or after they are uploaded, and a recount replaces its references', async () => {
    await storage.blobs.addReferences('ledger-1', [receipt.hash, invoice.hash], 1);
    await storage.blobs.addReferences('ledger-2', [receipt.hash], 1);
    await storage.blobs.addReferences('ledger-2', [receipt.hash], 2);
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual(['ledger-1', 'ledger-2']);
    await storage.blobs.replaceReferences('ledger-1', [photo.hash], 500, 1);
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual(['ledger-2']);
    expect(await storage.blobs.referencingDocs(invoice.hash)).toEqual([]);
    expect(await storage.blobs.referencingDocs(photo.hash)).toEqual(['ledger-1']);
    await storage.blobs.replaceReferences('ledger-2', [], 600, 2);
    expect(await storage.blobs.docsWithReferences()).toEqual(['ledger-1']);
  });

  it('[BLOB6] a file is released when no ledger references it, and only then removed', async () => {
    await storage.blobs.recordUpload(receipt, 'alice', 100);
    await storage.blobs.recordUpload(invoice, 'alice', 100);
    await storage.blobs.recordUpload(photo, 'alice', 100);
    await storage.blobs.addReferences('ledger-1', [receipt.hash, invoice.hash], 1);
    await storage.blobs.addReferences('ledger-2', [invoice.hash], 1);
    expect((await storage.blobs.releasedBefore(1_000, 10)).map((blob) => blob.hash)).toEqual([photo.hash]);
    await storage.blobs.replaceReferences('ledger-1', [], 2_000, 1);
    expect((await storage.blobs.releasedBefore(1_999, 10)).map((blob) => blob.hash)).toEqual([photo.hash]);
    expect((await storage.blobs.releasedBefore(2_000, 10)).map((blob) => blob.hash)).toEqual([
      photo.hash,
      receipt.hash,
    ]);
    expect(await storage.blobs.remove(invoice.hash, 5_000)).toBe(false);
    expect(await storage.blobs.remove(receipt.hash, 1_999)).toBe(false);
    expect(await storage.blobs.remove(receipt.hash, 2_000)).toBe(true);
    expect(await storage.blobs.find(receipt.hash)).toBeNull();
    expect(await storage.blobs.uploadedBytes('alice')).toBe(invoice.size + photo.size);
  });

  it('[BLOB6] a file uploaded again starts its grace time anew, and one referenced meanwhile is not removed', async () => {
    await storage.blobs.recordUpload(receipt, 'alice', 100);
    await storage.blobs.recordUpload(receipt, 'bob', 3_000);
    expect(await storage.blobs.remove(receipt.hash, 2_000)).toBe(false);
    await storage.blobs.addReferences('ledger-1', [receipt.hash], 1);
    expect(await storage.blobs.remove(receipt.hash, 9_000)).toBe(false);
    expect(await storage.blobs.find(receipt.hash)).not.toBeNull();
  });

  it('[BLOB6] a recount keeps the references of updates newer than the ledger it read, however the two race', async () => {
    await storage.blobs.recordUpload(receipt, 'alice', 100);
    await storage.blobs.recordUpload(invoice, 'alice', 100);
    await storage.blobs.addReferences('ledger-1', [receipt.hash], 3);
    // The recount read the ledger up to update 4; update 5, stored meanwhile, names the invoice.
    await storage.blobs.addReferences('ledger-1', [invoice.hash], 5);
    await storage.blobs.replaceReferences('ledger-1', [], 2_000, 4);
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual([]);
    expect(await storage.blobs.referencingDocs(invoice.hash)).toEqual(['ledger-1']);
    expect((await storage.blobs.releasedBefore(9_000, 10)).map((blob) => blob.hash)).toEqual([receipt.hash]);
    // A reference seen again by a later update outlives a recount of the ledger before that update.
    await storage.blobs.addReferences('ledger-1', [receipt.hash], 6);
    await storage.blobs.replaceReferences('ledger-1', [invoice.hash], 3_000, 5);
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual(['ledger-1']);
    await storage.blobs.replaceReferences('ledger-1', [invoice.hash], 4_000, 6);
    expect(await storage.blobs.referencingDocs(receipt.hash)).toEqual([]);
    expect(await storage.blobs.referencingDocs(invoice.hash)).toEqual(['ledger-1']);
  });

  it('[CHAT7] a file a conversation carries is referenced by its booking, and not released while it is', async () => {
    await storage.blobs.recordUpload(receipt, 'alice', 100);
    await storage.blobs.recordUpload(invoice, 'alice', 100);
    await storage.blobs.addChatReferences('booking-2', [receipt.hash]);
    await storage.blobs.addChatReferences('booking-1', [receipt.hash]);
    await storage.blobs.addChatReferences('booking-1', [receipt.hash]);
    expect(await storage.blobs.referencingBookings(receipt.hash)).toEqual(['booking-1', 'booking-2']);
    expect(await storage.blobs.referencingBookings(invoice.hash)).toEqual([]);
    expect(await storage.blobs.docsWithReferences()).toEqual([]);
    expect((await storage.blobs.releasedBefore(9_000, 10)).map((blob) => blob.hash)).toEqual([invoice.hash]);
    expect(await storage.blobs.remove(receipt.hash, 9_000)).toBe(false);
    expect(await storage.blobs.find(receipt.hash)).not.toBeNull();
  });
});
