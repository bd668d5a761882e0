import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { axeViolations } from './support/axe.js';
import { TallyWorld } from './support/tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
});
afterAll(async () => {
  await world.stop();
});

test('a start with IndexedDB refused shows what happened and what to do, not a spinner', async () => {
  const device = await world.device({
    waitUntilReady: false,
    prepare: (context) =>
      context.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        };
      }),
  });
  const failure = device.byTestId('start-failure');
  await failure.waitFor(PATIENCE);
  await expect(failure.getAttribute('data-kind')).resolves.toBe('unavailable');
  await expect(device.byTestId('start-failure-reload').isVisible()).resolves.toBe(true);
  await expect(device.page.locator('.shell').count()).resolves.toBe(0);
  await expect(axeViolations(device.page)).resolves.toEqual([]);
});

test('a ledger written by a newer Tally says so on a full page, and can still be looked at, not changed', async () => {
  const device = await world.device();
  await device.skipFirstRun();
  await device.addAccount('Checking');
  // What a newer Tally on another device would have declared in the ledger (SPEC FMT1).
  const newer = new Y.Doc();
  newer.getMap('meta').set('version/zzzzzzzzzz', 999);
  const update = [...Y.encodeStateAsUpdate(newer)];
  await device.page.evaluate(
    (bytes) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('tally-ledger');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const adding = opening.result
            .transaction('updates', 'readwrite')
            .objectStore('updates')
            .add(new Uint8Array(bytes));
          adding.onerror = () => reject(adding.error);
          adding.onsuccess = () => {
            opening.result.close();
            resolve();
          };
        };
      }),
    update,
  );

  await device.page.reload();
  const failure = device.byTestId('start-failure');
  await failure.waitFor(PATIENCE);
  await expect(failure.getAttribute('data-kind')).resolves.toBe('newer-format');
  await expect(axeViolations(device.page)).resolves.toEqual([]);
  await device.byTestId('start-failure-read-only').click();
  await device.waitUntilReady();
  await device.open('accounts');
  await device.page.locator('[data-testid="account-row-name"]', { hasText: 'Checking' }).waitFor(PATIENCE);
  await expect(device.byTestId('read-only-notice').getAttribute('data-reason')).resolves.toBe('newer-format');
  await expect(device.byTestId('add-account').count()).resolves.toBe(0);
  await expect(device.byTestId('add-transaction').count()).resolves.toBe(0);
});
