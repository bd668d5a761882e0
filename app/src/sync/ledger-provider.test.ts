import { createServer, type Server } from 'node:net';
import { openLedger } from '@tally/schema';
import * as bc from 'lib0/broadcastchannel';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync } from 'y-websocket';
import * as Y from 'yjs';
import { eventually } from '../../../relay/src/testing/relay-harness.js';
import { LedgerProvider } from './ledger-provider.js';

/** A port nothing answers WebSocket upgrades on: the tabs below are offline, as far as the relay goes. */
let unreachable: Server;
let syncUrl: string;
const providers: LedgerProvider[] = [];

beforeEach(async () => {
  unreachable = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => unreachable.listen(0, '127.0.0.1', resolve));
  const address = unreachable.address();
  if (address === null || typeof address === 'string') throw new Error('the refusing server has no port');
  syncUrl = `ws://127.0.0.1:${address.port}/sync`;
});

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await new Promise((resolve) => unreachable.close(resolve));
});

interface Tab {
  readonly doc: Y.Doc;
  readonly provider: LedgerProvider;
}

/** A tab of the device: its own Y.Doc, opened with what the device stores, linked under the same document id. */
function openTab(stored: Uint8Array, docId: string, beforeLinking: (doc: Y.Doc) => void = () => undefined): Tab {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  beforeLinking(doc);
  const provider = new LedgerProvider(syncUrl, docId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  providers.push(provider);
  return { doc, provider };
}

const payees = (doc: Y.Doc) =>
  openLedger(doc)
    .transactions.list()
    .map((transaction) => transaction.payee)
    .sort();

/** A ledger of 500 transactions in one account, as a tab already open holds it. */
function ledgerOf500(): { doc: Y.Doc; accountId: string } {
  const doc = new Y.Doc();
  const ledger = openLedger(doc);
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  for (let i = 0; i < 500; i++) {
    ledger.transactions.create({ date: '2026-11-02', amount: -420, currency: 'EUR', accountId, payee: `Bakery ${i}` });
  }
  return { doc, accountId };
}

/**
 * A tab open on `doc`, and what the device had stored when a second tab read it: the open tab then
 * recorded one more transaction, a cinema ticket, that the second lacks.
 */
function tabAheadOfStorage(doc: Y.Doc, docId: string, accountId: string): { firstTab: Tab; stored: Uint8Array } {
  const firstTab = openTab(Y.encodeStateAsUpdate(doc), docId);
  const stored = Y.encodeStateAsUpdate(firstTab.doc);
  openLedger(firstTab.doc).transactions.create({
    date: '2026-11-03',
    amount: -900,
    currency: 'EUR',
    accountId,
    payee: 'Cinema',
  });
  return { firstTab, stored };
}

/** The size of every message a tab publishes on `channel` from now on, until `stop`. */
function sizesPublished(channel: string): { by(provider: LedgerProvider): number[]; stop(): void } {
  const published: { from: unknown; bytes: number }[] = [];
  const listen = (data: ArrayBuffer, origin: unknown) => published.push({ from: origin, bytes: data.byteLength });
  bc.subscribe(channel, listen);
  return {
    by: (provider) => published.filter(({ from }) => from === provider).map(({ bytes }) => bytes),
    stop: () => bc.unsubscribe(channel, listen),
  };
}

test('a tab that opens tells the other tabs its state vector, not its ledger, and gets from them what it lacks', async () => {
  const docId = 'tabs-catch-up';
  const { doc, accountId } = ledgerOf500();
  const { firstTab, stored } = tabAheadOfStorage(doc, docId, accountId);

  const sizes = sizesPublished(firstTab.provider.bcChannel);
  try {
    const second = openTab(stored, docId);
    await eventually(() => payees(second.doc).includes('Cinema'));
    expect(payees(second.doc)).toEqual(payees(firstTab.doc));
    const sentBySecond = sizes.by(second.provider);
    expect(sentBySecond.length).toBeGreaterThan(0);
    expect(Math.max(...sentBySecond)).toBeLessThan(100);
    expect(stored.byteLength).toBeGreaterThan(50_000);
  } finally {
    sizes.stop();
  }
});

test('the open tab gets what only the tab that opens holds, and only that, with no relay to pass it on', async () => {
  const docId = 'tabs-held-by-the-new-one';
  const { doc, accountId } = ledgerOf500();
  const firstTab = openTab(Y.encodeStateAsUpdate(doc), docId);
  const stored = Y.encodeStateAsUpdate(firstTab.doc);

  const sizes = sizesPublished(firstTab.provider.bcChannel);
  try {
    // Recorded in a tab that had no link to the relay, and read from the device's storage by the new tab.
    const second = openTab(stored, docId, (opened) =>
      openLedger(opened).transactions.create({
        date: '2026-11-05',
        amount: -1_250,
        currency: 'EUR',
        accountId,
        payee: 'Written unlinked',
      }),
    );
    await eventually(() => payees(firstTab.doc).includes('Written unlinked'));
    expect(payees(firstTab.doc)).toEqual(payees(second.doc));
    expect(Math.max(...sizes.by(second.provider))).toBeLessThan(2_000);
    expect(stored.byteLength).toBeGreaterThan(50_000);
  } finally {
    sizes.stop();
  }
});

test('what either tab records reaches the other at once, with no relay to pass it on', async () => {
  const docId = 'tabs-live';
  const origin = new Y.Doc();
  const accountId = openLedger(origin).accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  const stored = Y.encodeStateAsUpdate(origin);
  const one = openTab(stored, docId);
  const two = openTab(stored, docId);

  openLedger(one.doc).transactions.create({
    date: '2026-11-04',
    amount: -310,
    currency: 'EUR',
    accountId,
    payee: 'Tab one',
  });
  openLedger(two.doc).transactions.create({
    date: '2026-11-04',
    amount: -780,
    currency: 'EUR',
    accountId,
    payee: 'Tab two',
  });

  await eventually(() => payees(one.doc).length === 2 && payees(two.doc).length === 2);
  expect(payees(one.doc)).toEqual(['Tab one', 'Tab two']);
  expect(payees(two.doc)).toEqual(['Tab one', 'Tab two']);
});

test('what a tab receives from another reaches the device storage as the bytes sent, not encoded again', async () => {
  const docId = 'tabs-as-received';
  const { doc, accountId } = ledgerOf500();
  const edited = openLedger(doc).transactions.list()[0];
  if (edited === undefined) throw new Error('the ledger has no transaction to edit');
  openLedger(doc).transactions.update(edited.id, { payee: 'Bakery, corrected' });
  const { firstTab, stored } = tabAheadOfStorage(doc, docId, accountId);

  const sent: Uint8Array[] = [];
  const listen = (data: ArrayBuffer, origin: unknown) => {
    if (origin !== firstTab.provider) return;
    const message = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(message) !== messageSync) return;
    if (decoding.readVarUint(message) === syncProtocol.messageYjsSyncStep2)
      sent.push(decoding.readVarUint8Array(message));
  };
  bc.subscribe(firstTab.provider.bcChannel, listen);
  try {
    // y-indexeddb stores what the document's update listeners hear.
    const heard: Uint8Array[] = [];
    const second = openTab(stored, docId, (opened) => opened.on('update', (update: Uint8Array) => heard.push(update)));
    await eventually(() => payees(second.doc).includes('Cinema'));
    expect(sent).toHaveLength(1);
    expect(heard).toEqual(sent);
  } finally {
    bc.unsubscribe(firstTab.provider.bcChannel, listen);
  }
});
