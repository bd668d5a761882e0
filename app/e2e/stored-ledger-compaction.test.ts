import { openLedger } from '@tally/schema';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { connect, postJson, synced } from '../../relay/src/testing/relay-harness.js';
import { TallyWorld } from './support/tally-world.js';

let world: TallyWorld;
beforeAll(async () => {
  world = await TallyWorld.start();
  await world.startRelay();
});
afterAll(async () => {
  await world.stop();
});

declare global {
  interface Window {
    workersMade?: string[];
  }
}

/** How many updates the device's stored ledger holds, read straight from IndexedDB. */
function storedUpdates(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('tally-ledger');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const counting = db.transaction('updates', 'readonly').objectStore('updates').count();
          counting.onsuccess = () => {
            db.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(counting.error);
        };
      }),
  );
}

test('a device that stored 500 updates has them merged off the page, and reads every transaction back after a reload', async () => {
  const device = await world.device();
  await device.page.addInitScript(() => {
    const made: string[] = [];
    window.workersMade = made;
    const Made = window.Worker;
    window.Worker = class extends Made {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push(String(url));
      }
    };
  });
  await device.reload();
  await device.addAccount('Checking');
  await device.connect('register', world.relayUrl, 'noor@example.com', 'Laptop');
  await device.waitForSyncState('synced');
  await device.open('transactions');

  // Another device records 600 transactions, one update each, which this one hears and stores one by one.
  const login = await postJson(`${world.relayUrl}/api/auth/login`, {
    email: 'noor@example.com',
    password: 'correct horse battery staple',
    deviceName: 'Phone',
  });
  const session = login.body as { docId: string; accessToken: string };
  const phoneLedger = openLedger(new Y.Doc());
  const phone = connect(`${world.relayUrl.replace('http', 'ws')}/sync`, session, phoneLedger.doc);
  try {
    await synced(phone);
    const account = phoneLedger.accounts.list()[0];
    if (!account) throw new Error('the phone has no account');
    for (let i = 0; i < 600; i++) {
      phoneLedger.transactions.create({
        date: '2026-11-02',
        amount: -100 - i,
        currency: 'USD',
        accountId: account.id,
        payee: `Corner shop ${i}`,
      });
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await device.page.getByText('600 transactions').waitFor({ timeout: 60_000 });
    // Merged in the worker: what is left is the merge and the updates stored after it.
    await expect.poll(() => storedUpdates(device.page), { timeout: 60_000 }).toBeLessThan(200);
    const workers = await device.page.evaluate(() => window.workersMade ?? []);
    expect(workers.filter((url) => url.includes('stored-ledger.worker'))).toHaveLength(1);
  } finally {
    phone.destroy();
  }

  await device.reload();
  await device.open('transactions');
  await device.page.getByText('600 transactions').waitFor({ timeout: 60_000 });
});
