import { docSnapshot } from '@tally/schema/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { rebuildDoc } from '../storage/documents/stored-doc.js';
import { updateMessage } from '../testing/fake-peer.js';
import { ledgerOf } from '../testing/ledger-edits.js';
import {
  closedWith,
  connect,
  DataDir,
  eventually,
  login,
  openSyncSocket,
  RunningRelay,
  register,
  type Session,
  sameLedger,
  synced,
} from '../testing/relay-harness.js';
import { closeCodes } from './peer-socket.js';

let dataDir: DataDir;
let relay: RunningRelay;
let alice: Session;
let phone: WebsocketProvider;
let laptop: WebsocketProvider;
let accountId: string;
let transactionId: string;
const providers: WebsocketProvider[] = [];

function device(session: Session): WebsocketProvider {
  const provider = connect(relay.syncUrl, session);
  providers.push(provider);
  return provider;
}

/** A timestamp a rogue writer gives its writes, as the ledger writes them (`<ms in base 36>.<counter>`). */
const stamp = `${Date.now().toString(36)}.0`;
const ROGUE = 'rogue';

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
  alice = await register(relay.httpUrl, 'alice@example.com', 'Phone');
  phone = device(alice);
  laptop = device(await login(relay.httpUrl, 'alice@example.com', 'Laptop'));
  await Promise.all([synced(phone), synced(laptop)]);
  const ledger = ledgerOf(phone.doc);
  accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  ledger.categories.create({ name: 'Groceries', kind: 'expense' });
  ledger.setHomeCurrency('EUR');
  transactionId = ledger.transactions.create({
    date: '2026-05-30',
    amount: -4_250,
    currency: 'EUR',
    accountId,
    payee: 'Market',
  }).id;
  // The relay stores an update before it sends it on: once the laptop holds it all, so does the relay.
  await eventually(() => sameLedger(phone.doc, laptop.doc));
});

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await relay.stop();
  dataDir.remove();
});

async function storedLedger(): Promise<Y.Doc> {
  return rebuildDoc(await relay.storage.documents.load(alice.docId));
}

/** What a peer sends when it changes the document directly, past the ledger API, from what the relay holds. */
function craft(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(phone.doc));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Sends one update on a raw socket of Alice's and resolves with how the relay closed it. */
async function sendAsRogue(update: Uint8Array): Promise<{ readonly code: number; readonly reason: string }> {
  const rogue = await login(relay.httpUrl, 'alice@example.com', 'Rogue');
  const socket = await openSyncSocket(relay.syncUrl, rogue);
  const closing = closedWith(socket);
  socket.send(updateMessage(update));
  return closing;
}

async function refusedCount(): Promise<number> {
  const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
  return Number(/^tally_relay_updates_refused_total (\d+)$/m.exec(metrics)?.[1]);
}

/** The ledger as the relay stores it, as a device that arrives now receives it, and as every device holds it. */
async function everyCopy(): Promise<Y.Doc[]> {
  const late = device(await login(relay.httpUrl, 'alice@example.com', 'Tablet'));
  await synced(late);
  return [await storedLedger(), phone.doc, laptop.doc, late.doc];
}

describe('the relay judges every update with the ledger’s guard', () => {
  it('[V1][GRD6] the 10-byte wipe of accounts, transactions, meta, settings and categories is refused, and every device keeps the ledger', async () => {
    const ledger = docSnapshot(phone.doc);
    const wipe = craft((doc) => {
      for (const name of ['accounts', 'transactions', 'meta', 'settings', 'categories']) {
        const map = doc.getMap(name);
        for (const key of [...map.keys()]) map.delete(key);
      }
    });
    console.log(`the wipe is ${wipe.byteLength} bytes`);
    expect(wipe.byteLength).toBeLessThanOrEqual(16);

    expect(await sendAsRogue(wipe)).toEqual({ code: closeCodes.tryAgainLater, reason: 'removes-collection accounts' });
    await eventually(() => phone.wsconnected && laptop.wsconnected);
    for (const copy of await everyCopy()) expect(docSnapshot(copy)).toEqual(ledger);
    expect(await refusedCount()).toBe(1);
  });

  it.each([
    [
      'a string in transactions',
      (doc: Y.Doc) => doc.getMap('transactions').set(`${transactionId}/${ROGUE}`, 'hello'),
      `invalid-value transactions/{transaction}`,
    ],
    [
      'the date 2026-02-30',
      (doc: Y.Doc) => doc.getMap('transactions').set(`${transactionId}/${ROGUE}`, [[stamp, { d: '2026-02-30' }]]),
      'invalid-value transactions/{transaction}.date',
    ],
    [
      'the currency XYZ',
      (doc: Y.Doc) => doc.getMap('transactions').set(`${transactionId}/${ROGUE}`, [[stamp, { c: 'XYZ' }]]),
      'invalid-value transactions/{transaction}.currency',
    ],
    [
      'an amount of 1.5 minor units',
      (doc: Y.Doc) => doc.getMap('transactions').set(`${transactionId}/${ROGUE}`, [[stamp, { a: 1.5 }]]),
      'invalid-value transactions/{transaction}.amount',
    ],
    ['meta.format 999999', (doc: Y.Doc) => doc.getMap('meta').set(`version/${ROGUE}`, 999_999), 'format-too-new meta'],
  ])(
    '[V1][GRD5] %s is refused (1008): nothing stored, nothing sent, and the device told why',
    async (_what, change, reason) => {
      const ledger = docSnapshot(phone.doc);
      const before = (await relay.storage.documents.load(alice.docId)).updates.length;

      expect(await sendAsRogue(craft(change))).toEqual({
        code: closeCodes.policyViolation,
        reason: reason.replace('{transaction}', transactionId),
      });
      expect((await relay.storage.documents.load(alice.docId)).updates).toHaveLength(before);
      for (const copy of await everyCopy()) expect(docSnapshot(copy)).toEqual(ledger);
      expect(await refusedCount()).toBe(1);
    },
  );

  it('[V1] an edit the ledger API makes passes, and reaches every device', async () => {
    ledgerOf(laptop.doc).transactions.update(transactionId, { amount: -4_300 });
    await eventually(() => ledgerOf(phone.doc).transactions.get(transactionId)?.amount === -4_300);
    expect(ledgerOf(await storedLedger()).transactions.get(transactionId)?.amount).toBe(-4_300);
    expect(await refusedCount()).toBe(0);
  });
});
