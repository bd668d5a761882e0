import 'fake-indexeddb/auto';
import { openLedger } from '@tally/schema';
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DeviceStorage } from '../../storage/index.js';
import { importIdOf } from './import-id.js';
import { importsBeingWritten } from './imports-being-written.js';
import { undoImport } from './ledger-import.js';
import { type RecentImport, RecentImports, recentImportState } from './recent-imports.js';
import type { LineToWrite } from './review.js';
import { runImport } from './run-import.js';

const BATCH = 'AAAAAAAAAAAAAAAAAAAAAA';

const DEVICE = 'tally-run-import-test';
let storage: DeviceStorage;
let recent: RecentImports;

beforeEach(() => {
  storage = new DeviceStorage(DEVICE);
  recent = new RecentImports(storage);
});

afterEach(async () => {
  await storage.erase();
});

/** The recent imports as another tab of this device sees them: its own connection to the same database. */
function inAnotherTab(): RecentImports {
  return new RecentImports(new DeviceStorage(DEVICE));
}

function setUp() {
  const doc = new Y.Doc();
  const ledger = openLedger(doc);
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'USD' }).id;
  const lines: LineToWrite[] = Array.from({ length: 600 }, (_, i) => ({
    line: i + 2,
    transaction: {
      date: '2026-03-02',
      amount: -100,
      currency: 'USD',
      accountId,
      payee: `Shop ${i}`,
      importId: importIdOf(BATCH, `line:${i}`),
    },
  }));
  const started: RecentImport = {
    batch: BATCH,
    fileName: 'march.csv',
    accountId,
    at: 0,
    count: 0,
    total: 600,
    sum: -60_000,
    complete: false,
    undone: false,
  };
  return { doc, ledger, accountId, lines, started };
}

test('an import is among the recent imports before its first transaction is written, and marked complete once all are', async () => {
  const { ledger, lines, started } = setUp();
  const seen: (RecentImport | undefined)[] = [];
  const outcome = await runImport(
    ledger,
    recent,
    started,
    lines,
    () => void recent.list().then(([entry]) => seen.push(entry)),
  );
  expect(seen[0]).toMatchObject({ batch: BATCH, complete: false });
  expect(outcome).toEqual({ kind: 'written', entry: { ...started, count: 600, complete: true } });
  await expect(recent.list()).resolves.toEqual([{ ...started, count: 600, complete: true }]);
});

test('the account deleted on another device after 250 lines: the outcome and the stored import say 250 were written, and undo removes them', async () => {
  const { ledger, accountId, lines, started } = setUp();
  const outcome = await runImport(ledger, recent, started, lines, (done) => {
    if (done === 250) ledger.accounts.delete(accountId);
  });
  expect(outcome).toEqual({ kind: 'interrupted', entry: { ...started, count: 250, complete: false } });
  await expect(recent.list()).resolves.toEqual([{ ...started, count: 250, complete: false }]);
  await expect(undoImport(ledger, ledger.transactions.list(), BATCH)).resolves.toBe(250);
  expect(ledger.transactions.list()).toEqual([]);
});

test('an import refused before anything is written is not remembered: there is nothing to undo', async () => {
  const { ledger, accountId, lines, started } = setUp();
  ledger.accounts.delete(accountId);
  await expect(runImport(ledger, recent, started, lines, () => undefined)).resolves.toMatchObject({
    kind: 'interrupted',
    entry: { count: 0 },
  });
  await expect(recent.list()).resolves.toEqual([]);
});

test('a tab closed mid-write leaves a partial import that the reopened tab can undo whole', async () => {
  const { doc, ledger, lines, started } = setUp();
  // What the device has stored when the tab closes after the second batch: the ledger and the recent imports.
  let stored: Uint8Array | undefined;
  await runImport(ledger, recent, started, lines, (done) => {
    if (done === 500) stored = Y.encodeStateAsUpdate(doc);
  });
  await recent.update(BATCH, { count: 500, complete: false });

  const reopened = new Y.Doc();
  Y.applyUpdate(reopened, stored ?? new Uint8Array());
  const [entry] = await recent.list();
  expect(entry).toMatchObject({ count: 500, total: 600, complete: false });
  const reopenedLedger = openLedger(reopened);
  await expect(undoImport(reopenedLedger, reopenedLedger.transactions.list(), entry?.batch ?? '')).resolves.toBe(500);
  expect(reopenedLedger.transactions.list()).toEqual([]);
});

test('imports remembered before they could stop partway read as complete', async () => {
  const old = { batch: BATCH, fileName: 'old.ofx', accountId: 'a', at: 1, count: 12, sum: -500, undone: false };
  await storage.recentImports((stored) => stored).change(() => [old, { batch: 7 }]);
  await expect(recent.list()).resolves.toEqual([{ ...old, total: 12, complete: true }]);
});

test('while this page writes an import, its entry reads as importing with no undo; once written, it can be undone', async () => {
  const { ledger, lines, started } = setUp();
  const states: string[] = [];
  await runImport(ledger, recent, started, lines, async () => {
    const [entry] = await recent.list();
    if (entry) states.push(recentImportState(entry, importsBeingWritten.current()));
  });
  expect(states).toEqual(['writing', 'writing', 'writing']);
  const [entry] = await recent.list();
  expect(entry && recentImportState(entry, importsBeingWritten.current())).toBe('undoable');
});

test('a partial import left by a closed tab, written nowhere in this page, stays undoable', async () => {
  const { started } = setUp();
  await recent.add({ ...started, count: 500, complete: false });
  const [entry] = await recent.list();
  expect(entry && recentImportState(entry, importsBeingWritten.current())).toBe('undoable');
  expect(entry && recentImportState(entry, new Set([BATCH]))).toBe('writing');
  expect(entry && recentImportState({ ...entry, undone: true }, new Set([BATCH]))).toBe('undone');
});

test('undone in another tab after the first 250 lines: writing stops before the next batch and none of the import is left', async () => {
  const { ledger, lines, started } = setUp();
  const outcome = await runImport(ledger, recent, started, lines, async (done) => {
    if (done !== 250) return;
    // The other tab removes what it sees of the import, then marks it undone.
    await undoImport(ledger, ledger.transactions.list(), BATCH);
    await inAnotherTab().update(BATCH, { undone: true });
  });
  expect(outcome).toMatchObject({ kind: 'undone', entry: { batch: BATCH, count: 0, undone: true } });
  expect(ledger.transactions.list()).toEqual([]);
  await expect(recent.list()).resolves.toMatchObject([{ batch: BATCH, complete: false, undone: true }]);
});

test('undone in a tab that had not yet seen any of the import: the writer itself removes all it wrote', async () => {
  const { ledger, lines, started } = setUp();
  const outcome = await runImport(ledger, recent, started, lines, async (done) => {
    if (done === 500) await inAnotherTab().update(BATCH, { undone: true });
  });
  expect(outcome.kind).toBe('undone');
  expect(ledger.transactions.list()).toEqual([]);
  expect(importsBeingWritten.current().has(BATCH)).toBe(false);
});

test('undone just as the last batch lands: the import is not marked complete and none of it is left', async () => {
  const { ledger, lines, started } = setUp();
  const outcome = await runImport(ledger, recent, started, lines, async (done) => {
    if (done === 600) await inAnotherTab().update(BATCH, { undone: true });
  });
  expect(outcome.kind).toBe('undone');
  expect(ledger.transactions.list()).toEqual([]);
  await expect(recent.list()).resolves.toMatchObject([{ complete: false, undone: true }]);
});
