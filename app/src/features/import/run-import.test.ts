import 'fake-indexeddb/auto';
import { openLedger } from '@tally/schema';
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DeviceStorage } from '../../storage/index.js';
import { createImport } from './create-import.js';
import { importIdOf } from './import-id.js';
import { importsBeingWritten } from './imports-being-written.js';
import { undoImport } from './ledger-import.js';
import { type RecentImport, RecentImports, recentImportState } from './recent-imports.js';
import type { LineToWrite } from './review.js';
import { type ImportTarget, runImport } from './run-import.js';
import { ImportError } from './statement.js';

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
  const target: ImportTarget = { ledger, origin: undefined, expect: () => undefined };
  // What the import worker does: create the update, then store it (here, nowhere).
  const create = async () => createImport(lines, ledger.clock.node, ledger.clock.latest);
  return { doc, ledger, accountId, lines, started, target, create };
}

test('an import is among the recent imports before it is created, and marked complete once it is stored', async () => {
  const { ledger, started, target, create } = setUp();
  const seen: (RecentImport | undefined)[] = [];
  const outcome = await runImport(
    target,
    recent,
    started,
    async () => {
      seen.push((await recent.list())[0]);
      return create();
    },
    () => undefined,
  );
  expect(seen[0]).toMatchObject({ batch: BATCH, complete: false });
  expect(outcome).toEqual({ kind: 'written', entry: { ...started, count: 600, complete: true } });
  await expect(recent.list()).resolves.toEqual([{ ...started, count: 600, complete: true }]);
  expect(ledger.transactions.list()).toHaveLength(600);
});

test('[REC11] the slices are applied in order, every line once, with progress after each', async () => {
  const { ledger, started, target, create } = setUp();
  const progress: number[] = [];
  await runImport(target, recent, started, create, (done) => void progress.push(done));
  expect(progress).toEqual([250, 500, 600]);
  const importIds = ledger.transactions.list().map((transaction) => transaction.importId);
  expect(new Set(importIds).size).toBe(600);
});

test('[REC11] an import that cannot be stored writes nothing and is not remembered', async () => {
  const { ledger, started, target } = setUp();
  const failing = async () => {
    throw new ImportError(0, 'the device is full', 'not-stored');
  };
  await expect(runImport(target, recent, started, failing, () => undefined)).rejects.toMatchObject({
    code: 'not-stored',
  });
  await expect(recent.list()).resolves.toEqual([]);
  expect(ledger.transactions.list()).toEqual([]);
});

test('[REC11] a tab closed while the slices are applied leaves the whole import stored, complete and undoable', async () => {
  const { ledger, started, target, lines } = setUp();
  const created = createImport(lines, ledger.clock.node, ledger.clock.latest);
  // What the device stored before the first slice was applied: all of them.
  const stored = Y.mergeUpdates([Y.encodeStateAsUpdate(ledger.doc), ...created.slices.map((slice) => slice.update)]);
  await runImport(
    target,
    recent,
    started,
    async () => created,
    () => undefined,
  );

  const reopened = openLedger(new Y.Doc());
  Y.applyUpdate(reopened.doc, stored);
  const [entry] = await recent.list();
  expect(entry).toMatchObject({ count: 600, total: 600, complete: true });
  await expect(undoImport(reopened, reopened.transactions.list(), entry?.batch ?? '')).resolves.toBe(600);
  expect(reopened.transactions.list()).toEqual([]);
});

test('imports remembered before they could stop partway read as complete', async () => {
  const old = { batch: BATCH, fileName: 'old.ofx', accountId: 'a', at: 1, count: 12, sum: -500, undone: false };
  await storage.recentImports((stored) => stored).change(() => [old, { batch: 7 }]);
  await expect(recent.list()).resolves.toEqual([{ ...old, total: 12, complete: true }]);
});

test('while this page writes an import, its entry reads as importing with no undo; once written, it can be undone', async () => {
  const { started, target, create } = setUp();
  const states: string[] = [];
  await runImport(target, recent, started, create, async () => {
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

test('undone in another tab after the first slice: once every slice is in, none of the import is left', async () => {
  const { ledger, started, target, create } = setUp();
  const outcome = await runImport(target, recent, started, create, async (done) => {
    if (done !== 250) return;
    // The other tab removes what it sees of the import, then marks it undone.
    await undoImport(ledger, ledger.transactions.list(), BATCH);
    await inAnotherTab().update(BATCH, { undone: true });
  });
  expect(outcome).toMatchObject({ kind: 'undone', entry: { batch: BATCH, count: 0, undone: true } });
  expect(ledger.transactions.list()).toEqual([]);
  await expect(recent.list()).resolves.toMatchObject([{ batch: BATCH, undone: true }]);
});

test('undone in a tab that had not yet seen any of the import: the writer itself removes all it wrote', async () => {
  const { ledger, started, target, create } = setUp();
  const outcome = await runImport(target, recent, started, create, async (done) => {
    if (done === 500) await inAnotherTab().update(BATCH, { undone: true });
  });
  expect(outcome.kind).toBe('undone');
  expect(ledger.transactions.list()).toEqual([]);
  expect(importsBeingWritten.current().has(BATCH)).toBe(false);
});

test('undone just as the last slice lands: none of the import is left', async () => {
  const { ledger, started, target, create } = setUp();
  const outcome = await runImport(target, recent, started, create, async (done) => {
    if (done === 600) await inAnotherTab().update(BATCH, { undone: true });
  });
  expect(outcome.kind).toBe('undone');
  expect(ledger.transactions.list()).toEqual([]);
  await expect(recent.list()).resolves.toMatchObject([{ undone: true }]);
});
