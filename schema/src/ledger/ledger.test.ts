import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { Ledger } from './ledger.js';
import { LedgerError } from './ledger-error.js';

interface Device {
  doc: Y.Doc;
  ledger: Ledger;
  wall: { now: number };
}

let nextSeed = 1;

function device(node: string, now = 1_700_000_000_000, clientID?: number): Device {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const wall = { now };
  const ledger = new Ledger(doc, { node, now: () => wall.now, random: new SeededRandom(nextSeed++) });
  return { doc, ledger, wall };
}

/** Both directions of a y-websocket sync: afterwards each holds everything the other had. */
function sync(a: Device, b: Device): void {
  syncDocs(a.doc, b.doc);
}

function withAccount(d: Device): string {
  return d.ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
}

function groceries(d: Device, accountId: string): string {
  return d.ledger.transactions.create({
    date: '2026-11-20',
    amount: -4_250,
    currency: 'EUR',
    accountId,
    payee: 'Market',
  }).id;
}

describe('ledger: per-field last-write-wins', () => {
  it('[LWW1] every field write carries a timestamp naming its writer', () => {
    const a = device('a');
    const id = groceries(a, withAccount(a));
    const amount = a.ledger.transactions.fieldWrites(id).get('amount');
    expect(amount?.value).toBe(-4_250);
    expect(amount?.timestamp.node).toBe('a');
  });

  it('[LWW2] an edit made after seeing another edit wins, even from a device whose clock is behind', () => {
    const ahead = device('a', 1_700_000_100_000);
    const behind = device('b', 1_700_000_000_000);
    const id = groceries(ahead, withAccount(ahead));
    ahead.ledger.transactions.update(id, { payee: 'Seen first' });
    sync(ahead, behind);
    behind.ledger.transactions.update(id, { payee: 'Edited after' });
    sync(ahead, behind);
    expect(ahead.ledger.transactions.get(id)?.payee).toBe('Edited after');
    expect(behind.ledger.transactions.get(id)?.payee).toBe('Edited after');
  });

  it('[LWW3] concurrent edits resolve to the larger timestamp, not to the Yjs client id', () => {
    for (const [earlyClient, lateClient] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const early = device('a', 1_700_000_000_000, earlyClient);
      const late = device('b', 1_700_000_000_000, lateClient);
      const id = groceries(early, withAccount(early));
      sync(early, late);
      late.wall.now += 60_000;
      early.wall.now += 1_000;
      late.ledger.transactions.update(id, { payee: 'Later edit' });
      early.ledger.transactions.update(id, { payee: 'Earlier edit' });
      sync(early, late);
      expect(early.ledger.transactions.get(id)?.payee).toBe('Later edit');
      expect(late.ledger.transactions.get(id)?.payee).toBe('Later edit');
    }
  });

  it('[LWW4] two different fields edited concurrently on two devices both survive', () => {
    const a = device('a');
    const b = device('b');
    const id = groceries(a, withAccount(a));
    sync(a, b);
    a.ledger.transactions.update(id, { payee: 'Farmers market' });
    b.ledger.transactions.update(id, { amount: -5_000 });
    sync(a, b);
    for (const d of [a, b]) {
      expect(d.ledger.transactions.get(id)).toMatchObject({ payee: 'Farmers market', amount: -5_000 });
    }
  });

  it('[LWW5] replicas that received the same updates in any order read the same values', () => {
    const a = device('a');
    const b = device('b');
    const id = groceries(a, withAccount(a));
    sync(a, b);
    const base = Y.encodeStateAsUpdate(a.doc);
    const updates: Uint8Array[] = [];
    a.doc.on('update', (update: Uint8Array) => updates.push(update));
    b.doc.on('update', (update: Uint8Array) => updates.push(update));
    a.ledger.transactions.update(id, { payee: 'A1', notes: 'from a' });
    b.ledger.transactions.update(id, { payee: 'B1', cleared: true });
    b.wall.now += 5;
    b.ledger.transactions.update(id, { amount: -1 });
    a.ledger.transactions.delete(id);
    expect(updates).toHaveLength(4);
    const random = new SeededRandom(5);
    const shuffled = [...updates].sort(() => random.int(-1, 1));
    const reads = [updates, [...updates].reverse(), shuffled].map((order) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, base);
      for (const update of order) Y.applyUpdate(doc, update);
      return new Ledger(doc, { node: 'r' }).transactions.get(id);
    });
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);
    expect(reads[0]).toMatchObject({ notes: 'from a', cleared: true, amount: -1, deleted: true });
  });

  it('[LWW6] after concurrent edits settle, each field is stored once, whoever wrote it', () => {
    const a = device('a');
    const b = device('b');
    const c = device('c');
    const id = groceries(a, withAccount(a));
    sync(a, b);
    sync(b, c);
    a.ledger.transactions.update(id, { payee: 'A' });
    b.ledger.transactions.update(id, { payee: 'B' });
    c.ledger.transactions.update(id, { notes: 'C' });
    sync(a, b);
    sync(b, c);
    sync(a, c);
    sync(a, b);
    const entries = [...a.doc.getMap('transactions').keys()].filter((key) => key.startsWith(`${id}/`));
    expect(entries).toHaveLength(1);
    expect(b.ledger.transactions.get(id)).toMatchObject({ payee: 'B', notes: 'C' });
  });

  it('[LWW6] one field edited 10,000 times from 3 replicas stays within a small constant of a single edit', () => {
    const replicas = [device('a'), device('b'), device('c')];
    const [first] = replicas as [Device, Device, Device];
    const id = groceries(first, withAccount(first));
    for (const other of replicas) sync(first, other);
    first.ledger.transactions.update(id, { payee: 'edit 0' });
    for (const other of replicas) sync(first, other);
    const singleEdit = Y.encodeStateAsUpdate(first.doc).length;
    const random = new SeededRandom(10_000);
    for (let edit = 1; edit <= 10_000; edit += 1) {
      const writer = random.pick(replicas);
      writer.wall.now += random.int(0, 3);
      writer.ledger.transactions.update(id, { payee: `edit ${edit}` });
      if (random.chance(0.3)) sync(writer, random.pick(replicas));
    }
    for (const a of replicas) for (const b of replicas) if (a !== b) sync(a, b);
    const afterAll = Y.encodeStateAsUpdate(first.doc).length;
    console.info(
      `ledger growth: ${singleEdit} bytes after one edit, ${afterAll} bytes after 10,000 edits from 3 replicas`,
    );
    expect(afterAll - singleEdit).toBeLessThan(1_024);
    const payees = new Set(replicas.map((r) => r.ledger.transactions.get(id)?.payee));
    expect(payees.size).toBe(1);
  });

  it('[LWW7] a peer clock far in the future does not drag this clock along; its write still wins, and an edit it overrules says so', () => {
    const local = device('a', 1_700_000_000_000);
    const future = device('b', 1_700_000_000_000 + 86_400_000);
    const id = groceries(local, withAccount(local));
    sync(local, future);
    future.ledger.transactions.update(id, { payee: 'From tomorrow' });
    sync(local, future);
    expect(local.ledger.clock.farFutureCount).toBe(1);
    expect(() => local.ledger.transactions.update(id, { payee: 'Now', notes: 'still written' })).toThrow(
      expect.objectContaining({ code: 'overruled', issues: [expect.objectContaining({ field: 'payee' })] }),
    );
    expect(local.ledger.clock.latest.millis).toBe(1_700_000_000_000);
    expect(local.ledger.clock.farFutureCount).toBe(1);
    expect(local.ledger.transactions.get(id)).toMatchObject({ payee: 'From tomorrow', notes: 'still written' });
  });
});

describe('ledger: records', () => {
  it('reads back what was created, with defaults for fields left out', () => {
    const a = device('a');
    const accountId = withAccount(a);
    const id = groceries(a, accountId);
    expect(a.ledger.transactions.get(id)).toEqual({
      id,
      deleted: false,
      date: '2026-11-20',
      amount: -4_250,
      currency: 'EUR',
      accountId,
      categoryId: null,
      payee: 'Market',
      notes: '',
      tags: [],
      splits: [],
      transferId: null,
      recurringId: null,
      importId: null,
      cleared: false,
      paidBy: null,
      shares: [],
      attachments: [],
    });
  });

  it('refuses a bad record with a reason per field and writes nothing', () => {
    const a = device('a');
    const accountId = withAccount(a);
    const before = Y.encodeStateAsUpdate(a.doc);
    let error: unknown;
    try {
      a.ledger.transactions.create({
        date: '2026-02-30',
        amount: 1.5,
        currency: 'XYZ',
        accountId,
        colour: 'red',
      } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).issues.map((issue) => issue.field).sort()).toEqual([
      'amount',
      'colour',
      'currency',
      'date',
    ]);
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(before);
  });

  it('refuses a transaction on an account that does not exist, or in another currency', () => {
    const a = device('a');
    const accountId = withAccount(a);
    expect(() =>
      a.ledger.transactions.create({ date: '2026-01-01', amount: 1, currency: 'EUR', accountId: 'A'.repeat(22) }),
    ).toThrow(/account does not exist/);
    expect(() => a.ledger.transactions.create({ date: '2026-01-01', amount: 1, currency: 'USD', accountId })).toThrow(
      /account is in EUR, not USD/,
    );
  });

  it('a delete and a concurrent edit of another field resolve like any other fields', () => {
    const a = device('a');
    const b = device('b');
    const id = groceries(a, withAccount(a));
    sync(a, b);
    a.ledger.transactions.delete(id);
    b.ledger.transactions.update(id, { notes: 'still edited' });
    sync(a, b);
    expect(b.ledger.transactions.get(id)).toMatchObject({ deleted: true, notes: 'still edited' });
    expect(b.ledger.transactions.list()).toHaveLength(0);
    b.ledger.transactions.restore(id);
    sync(a, b);
    expect(a.ledger.transactions.list().map((t) => t.id)).toEqual([id]);
  });

  it('a transfer creates both legs, each naming the other, in one update', () => {
    const a = device('a');
    const checking = withAccount(a);
    const savings = a.ledger.accounts.create({ name: 'Savings', type: 'savings', currency: 'EUR' }).id;
    const updates: Uint8Array[] = [];
    a.doc.on('update', (update: Uint8Array) => updates.push(update));
    const [out, into] = a.ledger.createTransfer({
      date: '2026-03-01',
      fromAccountId: checking,
      toAccountId: savings,
      amount: 10_000,
      tags: ['rainy-day'],
    });
    expect(updates.filter((update) => update.length > 0)).toHaveLength(1);
    expect(out).toMatchObject({ amount: -10_000, accountId: checking, transferId: into.id, tags: ['rainy-day'] });
    expect(into).toMatchObject({ amount: 10_000, accountId: savings, transferId: out.id, tags: ['rainy-day'] });
    expect(() =>
      a.ledger.createTransfer({ date: '2026-03-01', fromAccountId: checking, toAccountId: checking, amount: 1 }),
    ).toThrow(/two different accounts/);
  });

  it('two devices creating a record with the same id keep both of their writes', () => {
    const a = device('a');
    const b = device('b');
    const shared = 'recurringRentJan2026xx';
    a.ledger.categories.create({ name: 'Rent', kind: 'expense' }, shared);
    b.ledger.categories.create({ name: 'Rent', kind: 'expense', group: 'Home' }, shared);
    a.ledger.categories.update(shared, { archived: true });
    sync(a, b);
    expect(b.ledger.categories.get(shared)).toMatchObject({ name: 'Rent', group: 'Home', archived: true });
    expect(a.ledger.categories.get(shared)).toEqual(b.ledger.categories.get(shared));
  });

  it('ignores what a broken or hostile peer writes outside the record format', () => {
    const a = device('a');
    const id = a.ledger.categories.create({ name: 'Food', kind: 'expense' }).id;
    const map = a.doc.getMap('categories');
    Y.transact(a.doc, () => {
      map.set(`${id}/zz`, [['not a timestamp', { n: 'Hacked' }], 'junk', [[1], {}]]);
      map.set(`${id}/yy`, [['zzzzzzzz.0', JSON.parse('{"__proto__": {"polluted": true}, "k": "income"}')]]);
      map.set('not-a-record-key', 42);
    });
    expect(a.ledger.categories.get(id)).toMatchObject({ name: 'Food', kind: 'income' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(a.ledger.categories.list()).toHaveLength(1);
  });

  it('keeps a record a peer wrote with invalid values out of lists and says why', () => {
    const a = device('a');
    const id = a.ledger.categories.create({ name: 'Food', kind: 'expense' }).id;
    Y.transact(a.doc, () => a.doc.getMap('categories').set(`${id}/zz`, [['zzzzzzzz.0', { k: 'lottery' }]]));
    expect(a.ledger.categories.list()).toHaveLength(0);
    expect(a.ledger.categories.inspect(id)).toEqual({
      ok: false,
      issues: [{ field: 'kind', message: 'category kind must be one of expense, income' }],
    });
  });

  it('mends a record a peer left unreadable, by an edit that gives the bad field, and can always delete it', () => {
    const a = device('a');
    const id = a.ledger.accounts.create({ name: 'Wallet', type: 'cash', currency: 'EUR' }).id;
    Y.transact(a.doc, () => a.doc.getMap('accounts').set(`${id}/zz`, [['zzzzzzzz.0', { t: 'crypto' }]]));
    expect(() => a.ledger.accounts.update(id, { name: 'Purse' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'type' })] }),
    );
    a.ledger.accounts.delete(id);
    expect(a.ledger.accounts.fieldWrites(id).get('deleted')?.value).toBe(true);
    a.ledger.accounts.restore(id);
    a.wall.now = Number.parseInt('zzzzzzzz', 36) + 1;
    expect(a.ledger.accounts.update(id, { type: 'savings', name: 'Purse' })).toMatchObject({
      type: 'savings',
      name: 'Purse',
      deleted: false,
    });
  });

  it('tells observers which records changed and whether the change came from elsewhere', () => {
    const a = device('a');
    const b = device('b');
    const seen: { ids: string[]; local: boolean }[] = [];
    b.ledger.accounts.observe((change) => seen.push({ ids: [...change.ids], local: change.local }));
    const remote = withAccount(a);
    sync(a, b);
    const own = withAccount(b);
    expect(seen).toEqual([
      { ids: [remote], local: false },
      { ids: [own], local: true },
    ]);
  });
});
