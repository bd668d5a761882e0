import { afterAll, beforeAll, expect, test } from 'vitest';
import { PausableProxy } from './support/pausable-proxy.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
let proxy: PausableProxy;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
  proxy = await PausableProxy.start(Number(new URL(world.relayUrl).port));
});
afterAll(async () => {
  await proxy.stop();
  await world.stop();
});

test('with the relay not answering an edit shows syncing; once it answers, synced, and the device list says when', async () => {
  const device = await world.device();
  await device.skipFirstRun();
  await device.addAccount('Checking');
  await device.connect('register', proxy.url, 'ada@example.com', 'Laptop');
  await device.waitForSyncState('synced');

  proxy.pause();
  await device.addTransaction({ amount: '12.00', payee: 'Florist', account: 'Checking' });
  await device.waitForSyncState('syncing');

  proxy.resume();
  await device.waitForSyncState('synced');
  await expect(device.byTestId('last-synced').textContent()).resolves.toMatch(/synced/);
  await device.open('settings');
  await device.byTestId('refresh-devices').click();
  const current = device.page.locator('[data-testid="device-row"][data-current="true"]');
  await current.waitFor(PATIENCE);
  await expect.poll(() => current.textContent(), PATIENCE).not.toMatch(/last synced never/);
});

test('an edit still unsent when the tab closed shows as pending at the next start, until the relay has it', async () => {
  const device = await world.device();
  await device.skipFirstRun();
  await device.addAccount('Savings');
  await device.connect('register', proxy.url, 'grace@example.com', 'Phone');
  await device.waitForSyncState('synced');

  proxy.pause();
  await device.addTransaction({ amount: '3.20', payee: 'Newsagent', account: 'Savings' });
  await device.waitForSyncState('syncing');
  await device.reload();
  const badge = device.byTestId('sync-status');
  await expect(badge.getAttribute('data-state')).resolves.not.toBe('synced');
  await expect(badge.getAttribute('data-pending')).resolves.toBe('true');
  proxy.resume();
  await device.waitForSyncState('synced');
  await expect(badge.getAttribute('data-pending')).resolves.toBe('false');
});

test('offline, an edit made after the last sync shows as not sent yet, and a reload offline still says so', async () => {
  const device = await world.device();
  await device.skipFirstRun();
  await device.addAccount('Travel');
  await device.connect('register', proxy.url, 'mary@example.com', 'Tablet');
  await device.waitForSyncState('synced');
  await device.waitForServiceWorker();

  await device.context.setOffline(true);
  await device.waitForSyncState('offline');
  await expect(device.byTestId('sync-pending').count()).resolves.toBe(0);
  await device.addTransaction({ amount: '40.00', payee: 'Train', account: 'Travel' });
  await device.byTestId('sync-pending').waitFor(PATIENCE);
  await device.reload();
  await device.waitForSyncState('offline');
  await device.byTestId('sync-pending').waitFor(PATIENCE);

  await device.context.setOffline(false);
  await device.waitForSyncState('synced');
  await expect(device.byTestId('sync-pending').count()).resolves.toBe(0);
});
