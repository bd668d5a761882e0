import 'fake-indexeddb/auto';
import { afterEach, expect, test } from 'vitest';
import { DeviceStorage } from '../storage/index.js';
import { LocalLedger, RelaySync } from '../sync/index.js';
import { FirstRun, readSkipped } from './first-run.js';

const DEVICE = 'tally-first-run-test';
const opened: { storage: DeviceStorage; local: LocalLedger }[] = [];

/** One start of Tally on the same device: its stored settings and its stored ledger. */
async function start(): Promise<{ firstRun: FirstRun; local: LocalLedger }> {
  const storage = new DeviceStorage(DEVICE);
  const local = new LocalLedger();
  const sync = new RelaySync(local.doc, storage.settings);
  opened.push({ storage, local });
  await local.load();
  await sync.start();
  const firstRun = new FirstRun(storage.firstRunChoice(readSkipped), local, sync);
  await firstRun.load();
  return { firstRun, local };
}

afterEach(async () => {
  for (const { storage, local } of opened.splice(0)) {
    await local.wipe();
    await storage.erase();
  }
});

test('a device with an empty ledger and no relay is offered the first run until its ledger holds anything', async () => {
  const { firstRun, local } = await start();
  expect(firstRun.getSnapshot()).toBe(true);
  let told = 0;
  firstRun.subscribe(() => {
    told += 1;
  });
  local.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' });
  expect(firstRun.getSnapshot()).toBe(false);
  expect(told).toBe(1);
});

test('skipping the first run keeps it away on this device after a restart, though the ledger is still empty', async () => {
  const first = await start();
  first.firstRun.skip();
  expect(first.firstRun.getSnapshot()).toBe(false);
  const again = await start();
  expect(again.local.hasData()).toBe(false);
  expect(again.firstRun.getSnapshot()).toBe(false);
});

test('a stored choice that is not "skipped" does not hide the first run', () => {
  expect(readSkipped(true)).toBe(true);
  expect(readSkipped('true')).toBeUndefined();
  expect(readSkipped({ skipped: true })).toBeUndefined();
});
