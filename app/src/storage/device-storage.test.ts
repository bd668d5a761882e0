import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DeviceStorage } from './device-storage.js';

const DEVICE = 'tally-device-storage-test';
let storage: DeviceStorage;

/** A value a feature keeps: a name, read back only when it is one. */
const readName = (stored: unknown): string | undefined => (typeof stored === 'string' ? stored : undefined);

beforeEach(() => {
  storage = new DeviceStorage(DEVICE);
});

afterEach(async () => {
  await storage.erase();
});

test('what a feature keeps is there after the device storage is opened again', async () => {
  await storage.csvMappings(readName).put('bank-a', 'day first');
  await storage.recentImports(readName).change(() => ['march.csv']);
  const reopened = new DeviceStorage(DEVICE);
  await expect(reopened.csvMappings(readName).get('bank-a')).resolves.toBe('day first');
  await expect(reopened.recentImports(readName).list()).resolves.toEqual(['march.csv']);
});

test('a stored value the feature cannot read back is not handed to it', async () => {
  await storage.csvMappings((stored: unknown) => stored).put('bank-a', { columns: 3 });
  await storage.recentImports((stored: unknown) => stored).change(() => ['march.csv', 42]);
  await expect(storage.csvMappings(readName).get('bank-a')).resolves.toBeUndefined();
  await expect(storage.recentImports(readName).list()).resolves.toEqual(['march.csv']);
});

test('two tabs changing a kept list at the same moment both see their change land', async () => {
  const otherTab = new DeviceStorage(DEVICE);
  const add = (store: DeviceStorage, name: string) => store.recentImports(readName).change((list) => [...list, name]);
  await expect(Promise.all([add(storage, 'march.csv'), add(otherTab, 'april.csv')])).resolves.toEqual([true, true]);
  await expect(storage.recentImports(readName).list()).resolves.toEqual(['march.csv', 'april.csv']);
});

test('a change that finds nothing to do leaves the list as it is, and says so', async () => {
  const recent = storage.recentImports(readName);
  await recent.change(() => ['march.csv']);
  await expect(recent.change(() => undefined)).resolves.toBe(false);
  await expect(recent.list()).resolves.toEqual(['march.csv']);
});

test('erasing the device removes what every feature kept', async () => {
  await storage.csvMappings(readName).put('bank-a', 'day first');
  await storage.erase();
  storage = new DeviceStorage(DEVICE);
  await expect(storage.csvMappings(readName).get('bank-a')).resolves.toBeUndefined();
});
