import 'fake-indexeddb/auto';
import { attachmentHashes } from '@tally/schema';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { jpegFile } from '../../../relay/src/testing/receipt-files.js';
import { DataDir, eventually, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import { UploadStallingProxy } from '../../../relay/src/testing/upload-stalling-proxy.js';
import { DeviceStorage } from '../storage/index.js';
import { browserClock, browserLock, LocalLedger, RelaySync } from '../sync/index.js';
import { AttachmentKeeper, sha256 } from './attachment-keeper.js';

let dataDir: DataDir;
let relay: RunningRelay;
let proxy: UploadStallingProxy;
const stops: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  dataDir = new DataDir();
  // A second without a byte of the file, and the relay gives up on the upload (408 upload_stalled).
  relay = await RunningRelay.start(dataDir, { uploadIdleTimeoutSeconds: 1 });
  // The device reaches the relay through a line that, once, carries an upload's headers and not its body.
  proxy = await UploadStallingProxy.start(relay.port);
});

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await proxy.stop();
  await relay.stop();
  dataDir.remove();
});

test('an upload the line stalled (408 upload_stalled) stays queued on the device and is sent again until the relay has it', async () => {
  const storage = new DeviceStorage('tally-upload-stalled-test');
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
  await sync.register(proxy.url, { email: 'lea@example.com', password: 'correct horse battery', deviceName: 'Phone' });
  await eventually(() => sync.getSnapshot().state === 'synced');

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
