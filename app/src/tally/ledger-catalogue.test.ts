import 'fake-indexeddb/auto';
import { afterEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { DataDir, RunningRelay } from '../../../relay/src/testing/relay-harness.js';
import { DeviceStorage } from '../storage/index.js';
import { LocalLedger, RelaySync, storedLedgerKeys, storedLedgerOf } from '../sync/index.js';
import { LedgerCatalogue } from './ledger-catalogue.js';

const DEVICE = 'tally-ledger-catalogue-test';
let dataDir: DataDir | undefined;
let relay: RunningRelay | undefined;
const started: { storage: DeviceStorage; sync: RelaySync }[] = [];

/** One start of Tally on the device, in its personal ledger, with the catalogue of its ledgers. */
async function start(): Promise<{ catalogue: LedgerCatalogue; sync: RelaySync }> {
  const storage = new DeviceStorage(DEVICE);
  const local = new LocalLedger();
  const sync = new RelaySync(local.doc, storage.settings, {
    clock: { now: () => Date.now(), setTimeout: (run, delay) => setTimeout(run, delay), clearTimeout },
    // One tab: nothing to take turns with.
    lock: (_name, work) => work(),
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  started.push({ storage, sync });
  await sync.start();
  const catalogue = new LedgerCatalogue(storage.knownLedgers, sync, 'personal', 'owner');
  await catalogue.load();
  return { catalogue, sync };
}

afterEach(async () => {
  for (const { storage, sync } of started.splice(0)) {
    sync.stop();
    await storage.erase();
  }
  await relay?.stop();
  dataDir?.remove();
  relay = undefined;
  dataDir = undefined;
});

test('with no relay a new ledger stays on the device, listed after the personal one, and is opened next time once chosen', async () => {
  const { catalogue } = await start();
  const key = await catalogue.create('Household');
  expect(catalogue.getSnapshot().ledgers).toEqual([
    expect.objectContaining({ key: 'personal', personal: true, current: true }),
    { key, name: 'Household', personal: false, docId: null, role: null, onDevice: true, current: false },
  ]);
  await catalogue.choose(key);
  await expect(new DeviceStorage(DEVICE).knownLedgers.current()).resolves.toBe(key);
});

test('with a relay account, ledgers the relay lists are offered before they are on the device, and a forgotten ledger’s databases go', async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
  const { catalogue, sync } = await start();
  await sync.register(relay.httpUrl, {
    email: 'ana@example.com',
    password: 'correct horse battery',
    deviceName: 'Laptop',
  });
  await catalogue.refresh();
  const made = await sync.createLedger('Flat');
  await catalogue.refresh();
  expect(catalogue.getSnapshot().ledgers[1]).toMatchObject({
    key: made.docId,
    name: 'Flat',
    role: 'owner',
    onDevice: false,
  });
  await catalogue.choose(made.docId);
  expect(catalogue.getSnapshot().ledgers[1]).toMatchObject({ onDevice: true });

  const stored = new LocalLedger({}, storedLedgerOf(made.docId));
  await stored.load();
  stored.ledger.accounts.create({ name: 'Kitty', type: 'cash', currency: 'EUR' });
  await stored.flushed();
  await stored.close();
  await expect(storedLedgerKeys()).resolves.toContain(made.docId);
  await catalogue.forget(made.docId);
  await expect(storedLedgerKeys()).resolves.not.toContain(made.docId);
  expect(catalogue.getSnapshot().ledgers.map((ledger) => ledger.key)).toEqual(['personal']);
});

test('a ledger held for one relay account is not offered to another logged in on the device, and is again when the first comes back', async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
  const { catalogue, sync } = await start();
  const ana = { email: 'ana@example.com', password: 'correct horse battery', deviceName: 'Laptop' };
  await sync.register(relay.httpUrl, ana);
  const made = await sync.createLedger('Flat');
  await catalogue.refresh();
  await catalogue.choose(made.docId);
  expect(catalogue.getSnapshot().ledgers.map((ledger) => ledger.name)).toEqual([null, 'Flat']);

  await sync.logOut();
  await sync.register(relay.httpUrl, {
    email: 'ben@example.com',
    password: 'another horse battery',
    deviceName: 'Laptop',
  });
  await catalogue.refresh();
  expect(catalogue.getSnapshot().ledgers.map((ledger) => ledger.name)).toEqual([null]);

  await sync.logOut();
  await sync.login(relay.httpUrl, ana);
  await catalogue.refresh();
  expect(catalogue.getSnapshot().ledgers[1]).toMatchObject({ key: made.docId, name: 'Flat', onDevice: true });
});
