import { openLedger } from '@tally/schema';
import { typicalLedger } from '@tally/schema/testing';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  connect,
  DataDir,
  eventually,
  RunningRelay,
  register,
  type Session,
  synced,
} from '../../../relay/src/testing/relay-harness.js';
import { LedgerProvider } from './ledger-provider.js';

/** About 550 kB of ledger: well over what is applied whole. */
const COUNT = 3_000;

let dataDir: DataDir;
let relay: RunningRelay;
let session: Session;
const providers: { destroy(): void }[] = [];

beforeEach(async () => {
  dataDir = new DataDir();
  relay = await RunningRelay.start(dataDir);
  session = await register(relay.httpUrl, 'lena@example.com');
  const seeder = connect(relay.syncUrl, session, typicalLedger(COUNT).doc);
  providers.push(seeder);
  await synced(seeder);
  const check = connect(relay.syncUrl, session);
  providers.push(check);
  await eventually(() => check.doc.getMap('transactions').size === COUNT);
});

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await relay.stop();
  dataDir.remove();
});

function device(doc = new Y.Doc()): LedgerProvider {
  const provider = new LedgerProvider(relay.syncUrl, session.docId, doc, {
    params: { token: session.accessToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  providers.push(provider);
  return provider;
}

/** The size of the ledger's transactions after each change the provider applied, and whether other tasks ran between. */
function watchApplied(provider: LedgerProvider): { sizes: number[]; ticksBetween: number[] } {
  const sizes: number[] = [];
  const ticksBetween: number[] = [];
  let ticks = 0;
  const tick = setInterval(() => ticks++, 0);
  provider.doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin !== provider) return;
    sizes.push(provider.doc.getMap('transactions').size);
    ticksBetween.push(ticks);
    ticks = 0;
  });
  provider.on('sync', () => clearInterval(tick));
  providers.push({ destroy: () => clearInterval(tick) });
  return { sizes, ticksBetween };
}

test('a first sync of a large ledger is applied a slice at a time, other work running between, and synced only once all of it is in', async () => {
  const provider = device();
  const applied = watchApplied(provider);
  let sizeWhenSynced = -1;
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) sizeWhenSynced = provider.doc.getMap('transactions').size;
  });
  await synced(provider);

  expect(sizeWhenSynced).toBe(COUNT);
  expect(applied.sizes.length).toBeGreaterThan(1);
  expect(applied.sizes.at(-1)).toBe(COUNT);
  expect(applied.sizes).toEqual([...applied.sizes].sort((a, b) => a - b));
  // Timers got to run between slices: the event loop was not held for the whole ledger.
  expect(applied.ticksBetween.slice(1).some((ticks) => ticks > 0)).toBe(true);
  const ledger = openLedger(provider.doc);
  const reference = openLedger(typicalLedger(COUNT).doc);
  expect(ledger.transactions.list().map((t) => t.payee)).toEqual(reference.transactions.list().map((t) => t.payee));
});

test('an edit another device makes while a large sync is applied reaches the ledger too', async () => {
  const provider = device();
  let edited = false;
  // Opened before it syncs, so its clock moves past every write it applies (LWW2) and its edit wins.
  const otherLedger = openLedger(new Y.Doc());
  const other = connect(relay.syncUrl, session, otherLedger.doc);
  providers.push(other);
  await eventually(() => other.doc.getMap('transactions').size === COUNT);
  const first = otherLedger.transactions.list()[0];
  if (!first) throw new Error('no transaction to edit');
  provider.doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin !== provider || edited) return;
    edited = true;
    otherLedger.transactions.update(first.id, { payee: 'Edited while syncing' });
  });
  await synced(provider);
  await eventually(() => openLedger(provider.doc).transactions.get(first.id)?.payee === 'Edited while syncing');
  expect(provider.doc.getMap('transactions').size).toBe(COUNT);
  expect(provider.doc.store.pendingStructs).toBeNull();
});

test('a provider destroyed half-way through a large sync applies no more of it, and the next sync brings the rest', async () => {
  const doc = new Y.Doc();
  const provider = device(doc);
  let partial = -1;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin !== provider || partial !== -1) return;
    partial = doc.getMap('transactions').size;
    provider.destroy();
  });
  await eventually(() => partial !== -1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(COUNT);
  expect(doc.getMap('transactions').size).toBe(partial);

  const again = device(doc);
  await synced(again);
  expect(doc.getMap('transactions').size).toBe(COUNT);
});
