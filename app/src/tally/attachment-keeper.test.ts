import 'fake-indexeddb/auto';
import { type Attachment, attachmentHashes } from '@tally/schema';
import { afterEach, expect, test } from 'vitest';
import { DeviceStorage } from '../storage/index.js';
import { LocalLedger, RelaySync } from '../sync/index.js';
import { AttachmentKeeper } from './attachment-keeper.js';

const DEVICE = 'tally-attachment-keeper-test';
const HOUR_MS = 60 * 60 * 1000;
const opened: { storage: DeviceStorage; local: LocalLedger; keeper: AttachmentKeeper }[] = [];

/** One start of Tally on the same device, with no relay, at `now`. */
async function start(now: number): Promise<{ storage: DeviceStorage; local: LocalLedger; keeper: AttachmentKeeper }> {
  const storage = new DeviceStorage(DEVICE);
  const local = new LocalLedger();
  await local.load();
  const sync = new RelaySync(local.doc, storage.settings);
  await sync.start();
  const keeper = new AttachmentKeeper(
    storage.attachments,
    sync,
    () => attachmentHashes(local.doc),
    () => now,
  );
  await keeper.start();
  opened.push({ storage, local, keeper });
  return { storage, local, keeper };
}

afterEach(async () => {
  for (const { storage, local, keeper } of opened.splice(0)) {
    keeper.stop();
    await local.wipe();
    await storage.erase();
  }
});

const photo = (hash: string): ArrayBuffer => new Uint8Array([0xff, 0xd8, 0xff, hash.charCodeAt(0)]).buffer;

function receipt(hash: string, addedAt: number): Attachment {
  return { hash, name: `${hash}.jpg`, type: 'image/jpeg', size: 4, addedAt };
}

test('a cancelled form’s files leave the device; one the ledger names, and what was saved before, stay', async () => {
  const now = Date.UTC(2026, 5, 1);
  const { storage, local, keeper } = await start(now);
  const accountId = local.ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  // Saved earlier: a transaction holding one file, queued for the relay.
  await keeper.keep('a'.repeat(64), 'image/jpeg', photo('a'));
  local.ledger.transactions.create({
    date: '2026-06-01',
    amount: -1_000,
    currency: 'EUR',
    accountId,
    attachments: [receipt('a'.repeat(64), now)],
  });
  await keeper.saved(['a'.repeat(64)]);
  // A second form picks that file again and a new one, then is cancelled.
  await keeper.keep('a'.repeat(64), 'image/jpeg', photo('a'));
  await keeper.keep('b'.repeat(64), 'image/jpeg', photo('b'));
  await keeper.discard(['a'.repeat(64), 'b'.repeat(64)]);
  expect(await storage.attachments.get('b'.repeat(64))).toBeUndefined();
  expect((await storage.attachments.get('a'.repeat(64)))?.state).toBe('queued');
  expect(keeper.statusOf('a'.repeat(64))).toBe('device');
});

test('at start, a file a saved transaction names but never queued joins the outbox; an old unsaved one goes, a fresh one stays', async () => {
  const now = Date.UTC(2026, 5, 1);
  const first = await start(now - 2 * 24 * HOUR_MS);
  const accountId = first.local.ledger.accounts.create({ name: 'Cash', type: 'cash', currency: 'EUR' }).id;
  await first.keeper.keep('a'.repeat(64), 'image/jpeg', photo('a'));
  // The page closed between saving the transaction and queueing its file.
  first.local.ledger.transactions.create({
    date: '2026-06-01',
    amount: -1_000,
    currency: 'EUR',
    accountId,
    attachments: [receipt('a'.repeat(64), now)],
  });
  // And a form was left open with a file picked: days ago, and a moment ago in another tab.
  await first.keeper.keep('b'.repeat(64), 'image/jpeg', photo('b'));
  await first.storage.attachments.keep({
    hash: 'c'.repeat(64),
    type: 'image/jpeg',
    bytes: photo('c'),
    state: 'local',
    keptAt: now - HOUR_MS,
  });
  await first.local.flushed();
  first.keeper.stop();

  const again = await start(now);
  const states = await again.storage.attachments.states(['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)]);
  expect(Object.fromEntries(states)).toEqual({ ['a'.repeat(64)]: 'queued', ['c'.repeat(64)]: 'local' });
});
