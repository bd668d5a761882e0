import 'fake-indexeddb/auto';
import { type Ledger, openLedger } from '@tally/schema';
import { SeededRandom } from '@tally/schema/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { TallyDatabase, TRANSACTION_INDEX_FINGERPRINT, TRANSACTION_INDEX_NEWEST } from './tally-database.js';
import { type LedgerState, TransactionIndex } from './transaction-index.js';
import { compareRows, toTransactionRow } from './transaction-row.js';

const firstSeed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
console.log(`transaction index across tabs: seeds from ${firstSeed} (replay with TALLY_FUZZ_SEED=${firstSeed})`);

/** With tabs at odds, small: changes of a few dozen rows already go in several IndexedDB transactions. */
const CHAOS_WRITE_CHUNK = 25;
const STEPS = 300;
const REMOTE = { remote: true };

/** A uniform number in [0, 1). */
const fraction = (random: SeededRandom): number => random.next() / 0x1_0000_0000;
const fingerprintOf = (doc: Y.Doc): string => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
const decode = (fingerprint: string) => Y.decodeStateVector(Buffer.from(fingerprint, 'base64'));
const stateOf = (doc: Y.Doc): LedgerState => ({
  fingerprint: () => fingerprintOf(doc),
  covers: (a, b) => [...decode(b)].every(([client, clock]) => (decode(a).get(client) ?? 0) >= clock),
});
const rowsOf = (ledger: Ledger): string =>
  JSON.stringify(ledger.transactions.list().map(toTransactionRow).sort(compareRows));
const ticks = async (count: number): Promise<void> => {
  for (let tick = 0; tick < count; tick++) await new Promise((resolve) => setImmediate(resolve));
};

// Idle callbacks on the same queue as fake-indexeddb's tasks and the ticks here, so a seed replays exactly.
const idle = globalThis.requestIdleCallback;
beforeAll(() => {
  Object.assign(globalThis, { requestIdleCallback: (callback: () => void) => setImmediate(callback) });
});
afterAll(() => {
  Object.assign(globalThis, { requestIdleCallback: idle });
});

interface Tab {
  readonly doc: Y.Doc;
  readonly ledger: Ledger;
  readonly db: TallyDatabase;
  readonly index: TransactionIndex;
  joined: boolean;
  alive: boolean;
  /** IndexedDB transactions this tab may still begin before it is closed. */
  budget: number;
  begun: number;
  ready: Promise<void>;
  stop: () => void;
}

interface Outcome {
  /** Points where the stored fingerprint named a ledger state whose rows are not the stored ones. */
  readonly wrong: string[];
  /** Idle points where every tab held one state, and how many of them had it stored as the fingerprint. */
  idle: number;
  idleVouched: number;
}

/**
 * Tabs of one device, each with its own Y.Doc and IndexedDB connection, sharing the stored index
 * and a stored ledger (y-indexeddb's part). They change the ledger, hear each other after random
 * delays and, in `chaos`, open on older stored states, are closed mid-write and reload. After
 * every step, the stored fingerprint must name a state whose rows are exactly the stored ones;
 * at the end, a new start must list the ledger's rows.
 */
async function tabsOver(seed: number, mode: 'chaos' | 'two-following'): Promise<Outcome> {
  const random = new SeededRandom(seed);
  const dbName = `tabs-${mode}-${seed}`;
  const outcome: Outcome = { wrong: [], idle: 0, idleVouched: 0 };
  let millis = 1_750_000_000_000;
  const now = () => (millis += 7);
  /** The rows of every ledger state any tab was in, by fingerprint. */
  const rowsByState = new Map<string, string>();
  const seen = (doc: Y.Doc, ledger: Ledger) => rowsByState.set(fingerprintOf(doc), rowsOf(ledger));

  const store = new Y.Doc();
  const storeLedger = openLedger(store, { viewOnly: true, node: 'store', random });
  store.on('afterTransaction', () => seen(store, storeLedger));
  const first = openLedger(new Y.Doc(), { node: 'first', random, now });
  const accountId = first.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  first.transact(() => {
    for (let i = 0; i < 40; i++) {
      const date = `2025-0${random.int(1, 6)}-${random.int(10, 28)}`;
      first.transactions.create({ date, amount: -random.int(1, 500), currency: 'EUR', accountId, payee: `Shop ${i}` });
    }
  });
  Y.applyUpdate(store, Y.encodeStateAsUpdate(first.doc), REMOTE);
  const stored: Uint8Array[] = [Y.encodeStateAsUpdate(store)];

  let clock = 0;
  let sent = 0;
  const queue: { to: Tab; update: Uint8Array; at: number; order: number }[] = [];
  const lastAt = new Map<string, number>();
  const tabs: Tab[] = [];
  const alive = () => tabs.filter((tab) => tab.alive);
  const send = (from: Tab, to: Tab, update: Uint8Array) => {
    const route = `${tabs.indexOf(from)}>${tabs.indexOf(to)}`;
    const at = Math.max(lastAt.get(route) ?? 0, clock + random.int(0, 4));
    lastAt.set(route, at);
    queue.push({ to, update, at, order: sent++ });
  };
  const deliver = (until: number) => {
    queue.sort((a, b) => a.at - b.at || a.order - b.order);
    for (let next = queue[0]; next && next.at <= until; next = queue[0]) {
      queue.shift();
      if (next.to.alive && next.to.joined) Y.applyUpdate(next.to.doc, next.update, REMOTE);
    }
  };
  const close = (tab: Tab) => {
    if (!tab.alive) return;
    tab.alive = false;
    tab.stop();
  };

  const open = (snapshot: Uint8Array): Tab => {
    const doc = new Y.Doc();
    const ledger = openLedger(doc, { node: `t${tabs.length + 1}`, random, now });
    const db = new TallyDatabase(dbName);
    const writeChunk = mode === 'chaos' ? CHAOS_WRITE_CHUNK : undefined;
    const index = new TransactionIndex(db, ledger.transactions, stateOf(doc), { ...(writeChunk && { writeChunk }) });
    const tab: Tab = {
      doc,
      ledger,
      db,
      index,
      joined: false,
      alive: true,
      budget: Infinity,
      begun: 0,
      ready: Promise.resolve(),
      stop: () => undefined,
    };
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(db, {
      transaction: (...args: unknown[]) => {
        if (tab.begun >= tab.budget) close(tab);
        if (!tab.alive) return Promise.reject(new Error('the tab was closed'));
        tab.begun += 1;
        return transaction(...args);
      },
    });
    doc.on('afterTransaction', () => seen(doc, ledger));
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || !tab.alive) return;
      Y.applyUpdate(store, update, REMOTE);
      for (const other of tabs) if (other !== tab && other.alive && other.joined) send(tab, other, update);
    });
    // The stored ledger is read before the index or while it is read, as either may finish first.
    const ledgerLate = random.chance(0.5);
    if (!ledgerLate) Y.applyUpdate(doc, snapshot, REMOTE);
    const wait = random.int(0, 3);
    tab.ready = (async () => {
      await index.loadNewest();
      await Promise.all([index.load(), ticks(wait).then(() => ledgerLate && Y.applyUpdate(doc, snapshot, REMOTE))]);
      if (!tab.alive) return;
      const stopFollowing = await index.follow();
      const stopChanges = ledger.onChange(() => index.ledgerChanged());
      tab.stop = () => {
        stopFollowing();
        stopChanges();
      };
      if (!tab.alive) return tab.stop();
      tab.joined = true;
      for (const other of alive()) {
        if (other === tab || !other.joined) continue;
        send(other, tab, Y.encodeStateAsUpdate(other.doc));
        send(tab, other, Y.encodeStateAsUpdate(doc));
      }
    })().catch(() => close(tab));
    tabs.push(tab);
    return tab;
  };

  const date = () => `2025-0${random.int(1, 6)}-${random.int(10, 28)}`;
  const changeOne = (ledger: Ledger) => {
    const all = ledger.transactions.list({ includeDeleted: true });
    const target = all.length > 0 ? random.pick(all) : undefined;
    const kind = fraction(random);
    try {
      if (kind < 0.3 || !target) {
        const payee = `P${random.int(0, 999)}`;
        ledger.transactions.create({ date: date(), amount: -random.int(1, 500), currency: 'EUR', accountId, payee });
      } else if (kind < 0.5) ledger.transactions.update(target.id, { payee: `E${random.int(0, 999)}` });
      else if (kind < 0.7) ledger.transactions.update(target.id, { date: date() });
      else if (kind < 0.85) ledger.transactions.delete(target.id);
      else ledger.transactions.restore(target.id);
    } catch {
      // A change the ledger refuses (a record another tab's change left unreadable) changes nothing.
    }
  };
  const change = (tab: Tab) => {
    const kind = fraction(random);
    if (kind < 0.7) changeOne(tab.ledger);
    else if (kind < 0.85) tab.ledger.accounts.create({ name: `A${random.int(0, 999)}`, type: 'cash', currency: 'EUR' });
    else
      tab.ledger.transact(() => {
        for (let count = random.int(2, 40); count > 0; count--) changeOne(tab.ledger);
      });
  };

  const checker = new TallyDatabase(dbName);
  const check = async (when: string) => {
    const [fingerprint, months, newest] = await checker.transaction(
      'r',
      checker.transactionMonths,
      checker.settings,
      () =>
        Promise.all([
          checker.settings.get(TRANSACTION_INDEX_FINGERPRINT),
          checker.transactionMonths.toArray(),
          checker.settings.get(TRANSACTION_INDEX_NEWEST),
        ]),
    );
    if (typeof fingerprint?.value !== 'string') return;
    // The first screenful kept apart for a start, when it is of the fingerprinted state, is the stored rows' first 100.
    const kept = newest?.value as { of?: unknown; rows?: unknown } | undefined;
    if (kept?.of === fingerprint.value) {
      const first = JSON.stringify(
        [...months]
          .reverse()
          .flatMap((month) => month.rows)
          .slice(0, 100),
      );
      if (JSON.stringify(kept.rows) !== first)
        outcome.wrong.push(`seed ${seed}, ${when}: the first screenful kept apart is not the stored rows' first 100`);
    }
    const expected = rowsByState.get(fingerprint.value);
    const misplaced = months.some(
      ({ month, rows }) => rows.length === 0 || rows.some((row) => !row.date.startsWith(month)),
    );
    const rows = JSON.stringify(months.reverse().flatMap((month) => month.rows));
    if (expected === undefined || rows !== expected || misplaced) {
      outcome.wrong.push(
        `seed ${seed}, ${when}: the stored fingerprint names a state whose rows are not the stored ones`,
      );
    }
  };
  const settle = async () => {
    for (let round = 0; round < 50 && (round === 0 || queue.length > 0); round++) {
      await Promise.all(tabs.map((tab) => tab.ready));
      deliver(Number.POSITIVE_INFINITY);
      await Promise.all(alive().map((tab) => tab.index.flushed()));
      await ticks(2);
    }
    await Promise.all(alive().map((tab) => tab.index.flushed()));
  };

  open(stored[0] as Uint8Array);
  if (mode === 'two-following') {
    await settle();
    open(Y.encodeStateAsUpdate(store));
    await settle();
  }
  for (let step = 0; step < STEPS; step++) {
    clock += 1;
    const action = fraction(random);
    const joined = alive().filter((tab) => tab.joined);
    if (action < 0.4 && joined.length > 0) change(mode === 'chaos' ? random.pick(joined) : (joined[0] as Tab));
    else if (mode === 'chaos' && action < 0.47 && alive().length < 3) {
      // A new tab, on the stored ledger as it is now or as an older tab read it.
      open(random.chance(0.6) ? Y.encodeStateAsUpdate(store) : random.pick(stored));
    } else if (mode === 'chaos' && action < 0.52 && alive().length > 0) {
      // A tab closed a few IndexedDB transactions from now, or at once.
      const tab = random.pick(alive());
      tab.budget = tab.begun + random.int(0, 3);
      if (random.chance(0.3)) close(tab);
    } else if (mode === 'chaos' && action < 0.54 && alive().length > 0) {
      close(random.pick(alive()));
      open(Y.encodeStateAsUpdate(store));
    } else deliver(clock);
    if (random.chance(0.2)) stored.push(Y.encodeStateAsUpdate(store));
    if (alive().length === 0) open(Y.encodeStateAsUpdate(store));
    await ticks(random.int(0, 3));
    await check(`step ${step}`);
    if (step % 50 === 49) {
      await settle();
      await check(`settled after step ${step}`);
      for (const tab of alive()) {
        if (tab.joined && JSON.stringify(tab.index.getSnapshot().rows) !== rowsOf(tab.ledger)) {
          outcome.wrong.push(`seed ${seed}, settled after step ${step}: a tab lists other rows than its ledger holds`);
        }
      }
      const states = new Set(alive().map((tab) => fingerprintOf(tab.doc)));
      const vouched = (await checker.settings.get(TRANSACTION_INDEX_FINGERPRINT))?.value;
      outcome.idle += 1;
      if (states.size === 1 && states.has(String(vouched))) outcome.idleVouched += 1;
    }
  }
  await settle();
  await check('the end');
  for (const tab of alive()) close(tab);

  const nextDoc = new Y.Doc();
  const next = openLedger(nextDoc, { viewOnly: true, node: 'next', random });
  Y.applyUpdate(nextDoc, Y.encodeStateAsUpdate(store));
  const nextIndex = new TransactionIndex(checker, next.transactions, stateOf(nextDoc));
  await nextIndex.load();
  (await nextIndex.follow())();
  if (JSON.stringify(nextIndex.getSnapshot().rows) !== rowsOf(next)) {
    outcome.wrong.push(`seed ${seed}: the next start lists other rows than the stored ledger holds`);
  }
  await nextIndex.flushed();
  for (const tab of tabs) tab.db.close();
  checker.close();
  return outcome;
}

test('tabs opening on older states, closed mid-write and hearing each other late never leave the stored index vouched for with wrong rows', async () => {
  const wrong: string[] = [];
  for (let seed = firstSeed; seed < firstSeed + 4; seed++) wrong.push(...(await tabsOver(seed, 'chaos')).wrong);
  expect(wrong).toEqual([]);
});

test('with one tab changing the ledger and another following, the stored index is vouched for whenever both are idle', async () => {
  for (let seed = firstSeed; seed < firstSeed + 2; seed++) {
    const outcome = await tabsOver(seed, 'two-following');
    expect(outcome.wrong).toEqual([]);
    expect(outcome.idleVouched, `seed ${seed}`).toBe(outcome.idle);
  }
});
