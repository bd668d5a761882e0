import 'fake-indexeddb/auto';
import { attachmentHashes } from '@tally/schema';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import type { RelayConfig } from '../../../relay/src/relay-config.js';
import { jpegFile } from '../../../relay/src/testing/receipt-files.js';
import { DataDir, eventually, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import { UploadStallingProxy } from '../../../relay/src/testing/upload-stalling-proxy.js';
import { DeviceStorage } from '../storage/index.js';
import { browserClock, browserLock, LocalLedger, RelaySync } from '../sync/index.js';
import { AttachmentKeeper, DEFAULT_ATTACHMENT_MAX_BYTES, sha256 } from './attachment-keeper.js';

let dataDir: DataDir;
let relay: RunningRelay;
let proxy: UploadStallingProxy;
const stops: (() => Promise<void> | void)[] = [];

/** A relay on a real SQLite file, reached through a line that, once, carries an upload's headers and not its body. */
async function startRelay(config: Partial<RelayConfig>): Promise<void> {
  relay = await RunningRelay.start(dataDir, config);
  proxy = await UploadStallingProxy.start(relay.port);
}

/** Tally's outbox on a device registered with the relay, its ledger synced. */
async function device(name: string, email: string) {
  const storage = new DeviceStorage(name);
  const local = new LocalLedger();
  await local.load();
  const sync = new RelaySync(local.doc, storage.settings, {
    clock: browserClock,
    lock: browserLock,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  await sync.start();
  const keeper = new AttachmentKeeper(storage.attachments, sync, () => attachmentHashes(local.doc));
  await keeper.start();
  stops.push(async () => {
    keeper.stop();
    sync.stop();
    await local.wipe();
    await storage.erase();
  });
  await sync.register(proxy.url, { email, password: 'correct horse battery', deviceName: 'Phone' });
  await eventually(() => sync.getSnapshot().state === 'synced');
  return { storage, local, sync, keeper };
}

/** Attaches a photo to a new transaction and saves it, as the form does; answers its hash. */
async function saveWithPhoto({ local, keeper }: Awaited<ReturnType<typeof device>>): Promise<string> {
  const bytes = new Uint8Array(jpegFile()).buffer;
  const hash = await sha256(bytes);
  await keeper.keep(hash, 'image/jpeg', bytes);
  const accountId = local.ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  local.ledger.transactions.create({
    date: '2026-06-01',
    amount: -620,
    currency: 'EUR',
    accountId,
    attachments: [{ hash, name: 'kiosk.jpg', type: 'image/jpeg', size: bytes.byteLength, addedAt: Date.now() }],
  });
  await keeper.saved([hash]);
  return hash;
}

beforeEach(() => {
  dataDir = new DataDir();
});

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await proxy.stop();
  await relay.stop();
  dataDir.remove();
});

test('[BLOB8] the device learns the largest file its relay keeps once it reaches it, and assumes the default before', async () => {
  await startRelay({ blobMaxBytes: 5 * 1024 * 1024 });
  const storage = new DeviceStorage('tally-attachment-limit-test');
  const local = new LocalLedger();
  const sync = new RelaySync(local.doc, storage.settings, {
    clock: browserClock,
    lock: browserLock,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const keeper = new AttachmentKeeper(storage.attachments, sync, () => attachmentHashes(local.doc));
  stops.push(async () => {
    keeper.stop();
    sync.stop();
    await local.wipe();
    await storage.erase();
  });
  await local.load();
  await sync.start();
  await keeper.start();
  expect(keeper.maxBytes).toBe(DEFAULT_ATTACHMENT_MAX_BYTES);

  await sync.register(proxy.url, { email: 'noor@example.com', password: 'correct horse battery', deviceName: 'Phone' });
  await eventually(() => keeper.maxBytes === 5 * 1024 * 1024);
});

test('an upload the line stalled (408 upload_stalled) stays queued on the device and is sent again until the relay has it', async () => {
  // A second without a byte of the file, and the relay gives up on the upload (408 upload_stalled).
  await startRelay({ uploadIdleTimeoutSeconds: 1 });
  const phone = await device('tally-upload-stalled-test', 'lea@example.com');
  const { storage, local, sync, keeper } = phone;
  const hash = await saveWithPhoto(phone);

  await eventually(() => proxy.stalledAnswer !== undefined);
  expect(proxy.stalledAnswer).toMatch(/^HTTP\/1\.1 408 /);
  await eventually(() => keeper.statusOf(hash) !== 'uploading');
  expect(proxy.uploads).toBe(1);
  expect(keeper.statusOf(hash)).toBe('device');
  expect((await storage.attachments.get(hash))?.state).toBe('queued');

  // The next time the ledger syncs (here: the person's next edit), the outbox sends it again.
  local.ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' });
  await eventually(() => keeper.statusOf(hash) === 'synced');
  expect(proxy.uploads).toBe(2);
  expect((await storage.attachments.get(hash))?.state).toBe('synced');
  const served = await sync.downloadAttachment(hash);
  expect(await sha256(served.bytes)).toBe(hash);
});

test('a file the relay refuses for its size stays on the device, says so, and is not dropped to free space', async () => {
  // The relay refuses from the declared length: the line holding the body back changes nothing.
  await startRelay({ blobMaxBytes: 100 });
  const phone = await device('tally-upload-refused-test', 'max@example.com');
  const { storage, keeper } = phone;
  const hash = await saveWithPhoto(phone);

  await eventually(() => keeper.statusOf(hash) === 'refused');
  expect(proxy.stalledAnswer).toMatch(/^HTTP\/1\.1 413 /);
  const kept = await storage.attachments.get(hash);
  expect(kept?.state).toBe('queued');
  expect(await sha256(kept?.bytes ?? new ArrayBuffer(0))).toBe(hash);
  await keeper.freeSpace();
  expect((await storage.attachments.get(hash))?.state).toBe('queued');
  expect(keeper.statusOf(hash)).toBe('refused');
});
