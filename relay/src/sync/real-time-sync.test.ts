import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { accountNames, addAccount } from '../testing/ledger-edits.js';
import {
  connect,
  DataDir,
  eventually,
  ledgerJson,
  login,
  RunningRelay,
  register,
  sameLedger,
  synced,
} from '../testing/relay-harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function provider(created: WebsocketProvider): WebsocketProvider {
  cleanup.push(() => {
    created.destroy();
    created.doc.destroy();
  });
  return created;
}

describe('devices of one user syncing through the relay', () => {
  it('[P2] two devices converge in real time, a late third device receives everything, and all of it survives a restart', async () => {
    const dataDir = new DataDir();
    cleanup.push(() => dataDir.remove());
    let relay = await RunningRelay.start(dataDir);
    cleanup.push(() => relay.stop());

    const phoneSession = await register(relay.httpUrl, 'alice@example.com', 'Phone');
    const laptopSession = await login(relay.httpUrl, 'alice@example.com', 'Laptop');
    const phone = provider(connect(relay.syncUrl, phoneSession));
    const laptop = provider(connect(relay.syncUrl, laptopSession));
    await Promise.all([synced(phone), synced(laptop)]);

    addAccount(phone.doc, 'Cash');
    addAccount(laptop.doc, 'Bank');
    await eventually(() => sameLedger(phone.doc, laptop.doc));
    expect(accountNames(laptop.doc)).toEqual(['Bank', 'Cash']);
    expect(accountNames(phone.doc)).toEqual(['Bank', 'Cash']);

    for (let i = 3; i <= 50; i++) addAccount((i % 2 === 0 ? phone : laptop).doc, `a${i}`);
    await eventually(() => sameLedger(phone.doc, laptop.doc));

    const tablet = provider(connect(relay.syncUrl, await login(relay.httpUrl, 'alice@example.com', 'Tablet')));
    await synced(tablet);
    await eventually(() => sameLedger(tablet.doc, phone.doc));
    expect(accountNames(tablet.doc)).toHaveLength(50);

    const everything = ledgerJson(phone.doc);
    phone.destroy();
    laptop.destroy();
    tablet.destroy();
    await relay.stop();
    relay = await RunningRelay.start(dataDir);

    const desktop = provider(
      connect(relay.syncUrl, await login(relay.httpUrl, 'alice@example.com', 'Desktop'), new Y.Doc()),
    );
    await synced(desktop);
    expect(ledgerJson(desktop.doc)).toEqual(everything);
  });
});
