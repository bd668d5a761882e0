import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportLedger, restoreLedger } from '../backup/index.js';
import { newRecordId } from '../ids.js';
import { LEDGER_FORMAT, Ledger, occurrenceId } from '../ledger/index.js';
import { closeCodes } from '../relay-protocol/index.js';
import { docSnapshot } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { LEDGER_ROOTS } from './ledger-rules.js';
import { checkLedgerUpdate } from './update-guard.js';
import {
  closeCodeOf,
  closeReasonOf,
  refusalInCloseReason,
  type UpdateRefusalReason,
  type UpdateRefused,
  type UpdateVerdict,
} from './update-verdict.js';
import { writeUpdate } from './update-writer.js';

const NOW = Date.UTC(2026, 5, 1);
/** A timestamp a writer gives its own writes (the node is the entry key's). */
const STAMP = `${(NOW + 60_000).toString(36)}.0`;
const ROGUE = 'rogue';

interface Setup {
  readonly relay: Y.Doc;
  readonly device: Ledger;
  readonly accountId: string;
  readonly transactionId: string;
}

function device(node: string, seed: number, clientID?: number): Ledger {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  return new Ledger(doc, { node, now: () => NOW, random: new SeededRandom(seed) });
}

/** A device with a little of everything, and a relay that holds what the device holds. */
function setup(): Setup {
  const ledger = device('device', 1);
  const accountId = ledger.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
  ledger.categories.create({ name: 'Groceries', kind: 'expense' });
  ledger.setHomeCurrency('EUR');
  const transactionId = ledger.transactions.create({
    date: '2026-05-30',
    amount: -4_250,
    currency: 'EUR',
    accountId,
    payee: 'Market',
  }).id;
  ledger.transactions.create({ date: '2026-05-31', amount: -1_990, currency: 'EUR', accountId, payee: 'Bakery' });
  const relay = new Y.Doc();
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(ledger.doc));
  return { relay, device: ledger, accountId, transactionId };
}

/** Every update a ledger makes while `change` runs, as one update. */
function updateOf(ledger: Ledger, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array): void => {
    updates.push(update);
  };
  ledger.doc.on('update', collect);
  change();
  ledger.doc.off('update', collect);
  return Y.mergeUpdates(updates);
}

/** A peer that starts from what the relay holds and changes the document directly, past the ledger API. */
function craft(relay: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(relay));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

function accept(relay: Y.Doc, update: Uint8Array): void {
  const verdict = checkLedgerUpdate(relay, update);
  expect(verdict).toMatchObject({ verdict: 'accepted' });
  if (verdict.verdict === 'accepted') Y.applyUpdate(relay, verdict.update);
}

function expectRefused(
  verdict: UpdateVerdict,
  reason: UpdateRefusalReason,
  place: Partial<Pick<UpdateRefused, 'collection' | 'recordId' | 'field'>> = {},
): void {
  expect(verdict).toMatchObject({ verdict: 'refused', reason, ...place });
}

/** A transaction entry a rogue writes under its own key, valid unless a field is overridden. */
function transactionEntry(accountId: string, fields: Record<string, unknown> = {}): unknown {
  return [[STAMP, { d: '2026-06-01', a: -1_250, c: 'EUR', ac: accountId, ...fields }]];
}

const newId = (): string => newRecordId(new SeededRandom(99));

/** A relay in miniature (design §3): each update is checked; what passes is applied and sent to every device. */
class GuardedRelay {
  readonly doc = new Y.Doc();
  readonly devices: Ledger[] = [];
  readonly refusals: UpdateRefused[] = [];

  connect(ledger: Ledger): void {
    this.receive(Y.encodeStateAsUpdate(ledger.doc, Y.encodeStateVector(this.doc)));
    Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(ledger.doc)), this);
    ledger.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.receive(update);
    });
    this.devices.push(ledger);
  }

  receive(update: Uint8Array): UpdateVerdict {
    const verdict = checkLedgerUpdate(this.doc, update);
    if (verdict.verdict === 'refused') this.refusals.push(verdict);
    if (verdict.verdict !== 'accepted') return verdict;
    Y.applyUpdate(this.doc, verdict.update);
    for (const ledger of this.devices) Y.applyUpdate(ledger.doc, verdict.update, this);
    return verdict;
  }
}

describe('the update guard lets every honest change through', () => {
  it('[GRD5][GRD6] creating, editing, deleting and restoring records passes, each update on its own', () => {
    const { relay, device: ledger, accountId, transactionId } = setup();
    accept(
      relay,
      updateOf(ledger, () => ledger.transactions.update(transactionId, { notes: 'with Sam', tags: ['food'] })),
    );
    accept(
      relay,
      updateOf(ledger, () => ledger.transactions.delete(transactionId)),
    );
    accept(
      relay,
      updateOf(ledger, () => ledger.transactions.restore(transactionId)),
    );
    accept(
      relay,
      updateOf(ledger, () => ledger.accounts.update(accountId, { name: 'Main', openingBalance: 10_000 })),
    );
    accept(
      relay,
      updateOf(ledger, () => ledger.setHomeCurrency('USD')),
    );
    expect(docSnapshot(relay)).toEqual(docSnapshot(ledger.doc));
  });

  it('[GRD6] an edit on another device folds the first device entry into its own, and passes', () => {
    const { relay, device: first, transactionId } = setup();
    const second = device('second', 2);
    Y.applyUpdate(second.doc, Y.encodeStateAsUpdate(relay));
    accept(
      relay,
      updateOf(second, () => second.transactions.update(transactionId, { payee: 'Market Hall' })),
    );
    accept(
      relay,
      updateOf(first, () => first.transactions.update(transactionId, { notes: 'weekly' })),
    );
    expect(docSnapshot(relay).transactions[transactionId]).toMatchObject({ payee: 'Market Hall', notes: 'weekly' });
  });

  it.each([
    [1, 2],
    [2, 1],
  ])(
    '[GRD6][REC6] two devices creating one occurrence from different versions of its rule both pass (clients %i, %i)',
    (a, b) => {
      const { relay, device: first, accountId } = setup();
      const rule = first.recurring.create({
        amount: -90_000,
        currency: 'EUR',
        accountId,
        frequency: 'monthly',
        startDate: '2026-05-01',
        payee: 'Rent',
      });
      accept(relay, Y.encodeStateAsUpdate(first.doc, Y.encodeStateVector(relay)));
      const left = device('left', 3, a);
      const right = device('right', 4, b);
      for (const ledger of [left, right]) Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(relay));
      // The rule changes on the right while the left is offline; each then books the rent from its own version.
      accept(
        relay,
        updateOf(right, () => right.recurring.update(rule.id, { amount: -95_000 })),
      );
      accept(
        relay,
        updateOf(left, () => left.createDueOccurrences('2026-05-02')),
      );
      accept(
        relay,
        updateOf(right, () => right.createDueOccurrences('2026-05-02')),
      );
      const occurrence = docSnapshot(relay).transactions[occurrenceId(rule.id, '2026-05-01')];
      expect([[-90_000], [-95_000]]).toContainEqual([(occurrence as { amount: number }).amount]);
    },
  );

  it.each([
    [1, 2],
    [2, 1],
  ])(
    '[GRD6][REC6] an occurrence created from another version and edited at once passes, whichever creation Yjs keeps (clients %i, %i)',
    (a, b) => {
      const { relay, device: first, accountId } = setup();
      const rule = first.recurring.create({
        amount: -90_000,
        currency: 'EUR',
        accountId,
        frequency: 'monthly',
        startDate: '2026-05-01',
        payee: 'Rent',
        notes: 'flat',
      });
      accept(relay, Y.encodeStateAsUpdate(first.doc, Y.encodeStateVector(relay)));
      const left = device('left', 3, a);
      const right = device('right', 4, b);
      for (const ledger of [left, right]) Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(relay));
      accept(
        relay,
        updateOf(right, () => right.recurring.update(rule.id, { amount: -95_000, notes: '' })),
      );
      accept(
        relay,
        updateOf(left, () => left.createDueOccurrences('2026-05-02')),
      );
      // The right books the rent from its version and changes it at once: its creation is folded
      // into its own entry, its creation entry deleted.
      const booked = updateOf(right, () => {
        right.createDueOccurrences('2026-05-02');
        right.editOccurrence(rule.id, '2026-05-01', { cleared: true });
      });
      accept(relay, booked);
      const occurrence = docSnapshot(relay).transactions[occurrenceId(rule.id, '2026-05-01')];
      expect(occurrence).toMatchObject({ cleared: true });
    },
  );

  it('[GRD5][REC8] a record a broken peer left unreadable before the guard can still be deleted', () => {
    const { relay, device: ledger, accountId } = setup();
    const id = newId();
    relay.getMap('transactions').set(`${id}/${ROGUE}`, transactionEntry(accountId, { d: '2026-02-30' }));
    Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(relay, Y.encodeStateVector(ledger.doc)));
    expect(ledger.transactions.inspect(id).ok).toBe(false);
    accept(
      relay,
      updateOf(ledger, () => ledger.transactions.delete(id)),
    );
    expect(ledger.transactions.fieldWrites(id).get('deleted')?.value).toBe(true);
  });

  it('[GRD2] an edit sent before what the device did offline waits, then passes merged with it', () => {
    const { relay, device: ledger, transactionId } = setup();
    const offline = updateOf(ledger, () => ledger.transactions.update(transactionId, { notes: 'offline' }));
    const live = updateOf(ledger, () => ledger.transactions.update(transactionId, { payee: 'Bakery' }));
    const verdict = checkLedgerUpdate(relay, live);
    expect(verdict).toMatchObject({ verdict: 'incomplete' });
    if (verdict.verdict === 'incomplete') expect([...verdict.missing.keys()]).toEqual([ledger.doc.clientID]);
    accept(relay, Y.mergeUpdates([live, offline]));
    expect(docSnapshot(relay).transactions[transactionId]).toMatchObject({ notes: 'offline', payee: 'Bakery' });
  });

  it('[GRD2] what the relay holds pending is judged with the update that completes it', () => {
    const { relay, device: ledger, accountId, transactionId } = setup();
    const first = updateOf(ledger, () => ledger.transactions.update(transactionId, { notes: 'first' }));
    const rogue = new Y.Doc();
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(relay));
    Y.applyUpdate(rogue, first);
    const before = Y.encodeStateVector(rogue);
    rogue.getMap('transactions').set(`${transactionId}/device`, transactionEntry(accountId));
    // A relay from before the guard keeps this overwrite pending: it builds on `first`, which it
    // lacks. (Its deletions Yjs would apply at once: left out here, the ledger is still whole.)
    const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(rogue, before));
    Y.applyUpdate(relay, writeUpdate(new Map([[rogue.clientID, structs as Y.Item[]]]), new Map()));
    expect(relay.store.pendingStructs).not.toBeNull();
    expectRefused(checkLedgerUpdate(relay, first), 'loses-write', { recordId: transactionId, field: 'payee' });
  });

  it('[GRD8] checking never changes the document, even where Yjs must order concurrent writes', () => {
    const { relay, device: ledger, transactionId } = setup();
    const before = Y.encodeStateAsUpdate(relay);
    const snapshot = docSnapshot(relay);
    checkLedgerUpdate(
      relay,
      updateOf(ledger, () => ledger.transactions.update(transactionId, { notes: 'x' })),
    );
    checkLedgerUpdate(
      relay,
      craft(relay, (doc) => doc.getMap('transactions').set(`${transactionId}/device`, transactionEntry(newId()))),
    );
    expect(Y.encodeStateAsUpdate(relay)).toEqual(before);
    expect(docSnapshot(relay)).toEqual(snapshot);
  });
});

describe('the update guard knows the ledger', () => {
  it('[GRD3] accepts writes to every top-level map a ledger opens, and to no other', () => {
    const doc = new Y.Doc();
    new Ledger(doc);
    expect([...LEDGER_ROOTS].sort()).toEqual([...doc.share.keys()].sort());
  });
});

describe('the update guard refuses what would harm the ledger', () => {
  it('[GRD6][REC5] the 10-byte wipe of accounts, transactions, meta, settings and categories is refused, and every device keeps the ledger', () => {
    const relay = new GuardedRelay();
    // The wipe names the phone's client ID, so its size depends on that ID: one at or above 2^28 takes five bytes.
    const phone = device('phone', 5, 0x7a3c_1e42);
    const laptop = device('laptop', 6);
    relay.connect(phone);
    relay.connect(laptop);
    const accountId = phone.accounts.create({ name: 'Checking', type: 'checking', currency: 'EUR' }).id;
    phone.categories.create({ name: 'Groceries', kind: 'expense' });
    phone.setHomeCurrency('EUR');
    phone.transactions.create({ date: '2026-05-30', amount: -4_250, currency: 'EUR', accountId });
    const ledger = docSnapshot(relay.doc);
    expect(Object.keys(ledger.transactions)).toHaveLength(1);

    const wipe = craft(relay.doc, (doc) => {
      for (const name of ['accounts', 'transactions', 'meta', 'settings', 'categories']) {
        const map = doc.getMap(name);
        for (const key of [...map.keys()]) map.delete(key);
      }
    });
    expect(wipe.byteLength).toBe(10);
    expectRefused(relay.receive(wipe), 'removes-collection', { collection: 'accounts' });
    for (const doc of [relay.doc, phone.doc, laptop.doc]) expect(docSnapshot(doc)).toEqual(ledger);
  });

  it('[GRD6][REC5] deleting a record’s only entry is refused', () => {
    const { relay, transactionId } = setup();
    const update = craft(relay, (doc) => doc.getMap('transactions').delete(`${transactionId}/device`));
    expectRefused(checkLedgerUpdate(relay, update), 'removes-record', {
      collection: 'transactions',
      recordId: transactionId,
    });
  });

  it('[GRD6] deleting the entry that holds a field’s latest write, without folding it in, is refused', () => {
    const { relay, device: first, transactionId } = setup();
    const second = device('second', 2);
    Y.applyUpdate(second.doc, Y.encodeStateAsUpdate(relay));
    // Edited apart, the record holds two entries: the newer notes are in the second device's.
    accept(
      relay,
      updateOf(first, () => first.transactions.update(transactionId, { payee: 'Market Hall' })),
    );
    accept(
      relay,
      updateOf(second, () => second.transactions.update(transactionId, { notes: 'newer' })),
    );
    const update = craft(relay, (doc) => doc.getMap('transactions').delete(`${transactionId}/second`));
    expectRefused(checkLedgerUpdate(relay, update), 'loses-write', {
      collection: 'transactions',
      recordId: transactionId,
      field: 'notes',
    });
  });

  it('[GRD6] a fold that leaves out the latest write of a field is refused', () => {
    const { relay, device: ledger, accountId, transactionId } = setup();
    accept(
      relay,
      updateOf(ledger, () => ledger.transactions.update(transactionId, { notes: 'kept' })),
    );
    const update = craft(relay, (doc) => {
      const transactions = doc.getMap('transactions');
      transactions.delete(`${transactionId}/device`);
      transactions.set(`${transactionId}/${ROGUE}`, transactionEntry(accountId));
    });
    expectRefused(checkLedgerUpdate(relay, update), 'loses-write', { recordId: transactionId });
  });

  it('[GRD6] a device whose view lagged behind a fold is told to try again, and passes once the relay holds the fold', () => {
    const { relay, device: phone, transactionId } = setup();
    const backup = exportLedger(phone);
    accept(
      relay,
      updateOf(phone, () => phone.transactions.update(transactionId, { notes: 'with Sam' })),
    );
    const laptop = device('laptop', 7);
    Y.applyUpdate(laptop.doc, Y.encodeStateAsUpdate(relay));
    const category = updateOf(laptop, () => laptop.categories.create({ name: 'Travel', kind: 'expense' }));
    const fold = updateOf(laptop, () => laptop.transactions.update(transactionId, { payee: 'Market Hall' }));
    // The fold reaches the phone first, without the laptop's change before it: Yjs applies its
    // deletion of the phone's entry and holds the rest, so the transaction seems gone (LWW5)…
    Y.applyUpdate(phone.doc, fold);
    expect(phone.transactions.has(transactionId)).toBe(false);
    // …and restoring yesterday's backup brings it back as it was then, without the notes.
    const restored = updateOf(phone, () => restoreLedger(phone, backup, 'merge'));
    const verdict = checkLedgerUpdate(relay, restored);
    expectRefused(verdict, 'loses-write', { recordId: transactionId, field: 'notes' });
    if (verdict.verdict === 'refused') expect(closeCodeOf(verdict)).toBe(closeCodes.tryAgainLater);
    accept(relay, category);
    accept(relay, fold);
    accept(relay, restored);
    expect(docSnapshot(relay).transactions[transactionId]).toMatchObject({ notes: 'with Sam' });
  });

  it('[GRD6][REC6] a creation gives way to another creation only with every field its kind requires', () => {
    const { relay, device: ledger, accountId } = setup();
    const rule = ledger.recurring.create({
      amount: -90_000,
      currency: 'EUR',
      accountId,
      frequency: 'monthly',
      startDate: '2026-05-01',
    });
    ledger.createDueOccurrences('2026-05-02');
    accept(relay, Y.encodeStateAsUpdate(ledger.doc, Y.encodeStateVector(relay)));
    const id = occurrenceId(rule.id, '2026-05-01');
    const update = craft(relay, (doc) => {
      const transactions = doc.getMap('transactions');
      transactions.delete(`${id}/0`);
      // A forged creation write of one field, from "another version": the rest would go.
      transactions.set(`${id}/${ROGUE}`, [['1.0.0', { rc: rule.id }]]);
    });
    expectRefused(checkLedgerUpdate(relay, update), 'loses-write', { recordId: id, field: 'date' });
  });

  it('[GRD4] a string in transactions is refused, under a record key or any other', () => {
    const { relay } = setup();
    const id = newId();
    const asEntry = craft(relay, (doc) => doc.getMap('transactions').set(`${id}/${ROGUE}`, 'hello'));
    expectRefused(checkLedgerUpdate(relay, asEntry), 'invalid-value', { collection: 'transactions', recordId: id });
    const underAnyKey = craft(relay, (doc) => doc.getMap('transactions').set('hello', 'world'));
    expectRefused(checkLedgerUpdate(relay, underAnyKey), 'invalid-key', { collection: 'transactions' });
  });

  it.each([
    ['[REC3] a date of 2026-02-30', { d: '2026-02-30' }, 'date'],
    ['[REC2] the currency XYZ', { c: 'XYZ' }, 'currency'],
    ['[REC2] an amount of 1.5 minor units', { a: 1.5 }, 'amount'],
    ['[REC4] an account id that is not an id', { ac: 'checking' }, 'accountId'],
    ['[REC5] a deleted flag that is not true or false', { _d: 'yes' }, 'deleted'],
    ['[REC4] a field transactions do not have', { zz: 1 }, 'zz'],
  ])('[GRD5] %s is refused, naming the field', (_what, fields, field) => {
    const { relay, accountId } = setup();
    const id = newId();
    const update = craft(relay, (doc) =>
      doc.getMap('transactions').set(`${id}/${ROGUE}`, transactionEntry(accountId, fields)),
    );
    expectRefused(checkLedgerUpdate(relay, update), 'invalid-value', {
      collection: 'transactions',
      recordId: id,
      field,
    });
  });

  it('[GRD5] an edit writing a bad value into an existing record is refused', () => {
    const { relay, accountId, transactionId } = setup();
    const update = craft(relay, (doc) =>
      doc.getMap('transactions').set(`${transactionId}/device`, [
        ['1.0', { d: '2026-05-30', a: -4_250, c: 'EUR', ac: accountId, p: 'Market' }],
        [STAMP, { a: 1.5 }],
      ]),
    );
    expectRefused(checkLedgerUpdate(relay, update), 'invalid-value', { recordId: transactionId, field: 'amount' });
  });

  it('[GRD5][ATT1] attachments a device may not write are refused, and ones it may are accepted', () => {
    const { relay, transactionId } = setup();
    const attachment = { hash: 'f'.repeat(64), name: 'receipt.jpg', type: 'image/jpeg', size: 2_048, addedAt: NOW };
    const entry = (attachments: unknown) => (doc: Y.Doc) => {
      const key = `${transactionId}/device`;
      doc
        .getMap('transactions')
        .set(key, [...(doc.getMap('transactions').get(key) as unknown[]), [STAMP, { at: attachments }]]);
    };
    for (const bad of [
      [{ ...attachment, type: 'text/html' }],
      [{ ...attachment, size: 100 * 1024 * 1024 + 1 }],
      [{ ...attachment, name: 'x'.repeat(201) }],
      Array.from({ length: 21 }, (_, index) => ({ ...attachment, hash: index.toString(16).padStart(64, '0') })),
    ]) {
      expectRefused(checkLedgerUpdate(relay, craft(relay, entry(bad))), 'invalid-value', {
        recordId: transactionId,
        field: 'attachments',
      });
    }
    accept(relay, craft(relay, entry([attachment])));
  });

  it('[GRD5] a new record without a field its kind requires is refused', () => {
    const { relay, accountId } = setup();
    const id = newId();
    const update = craft(relay, (doc) =>
      doc.getMap('transactions').set(`${id}/${ROGUE}`, [[STAMP, { d: '2026-06-01', c: 'EUR', ac: accountId }]]),
    );
    expectRefused(checkLedgerUpdate(relay, update), 'invalid-value', { recordId: id, field: 'amount' });
  });

  it('[GRD4][REC6] a creation entry must hold creation writes only, and a whole record', () => {
    const { relay, accountId } = setup();
    const id = newId();
    const real = craft(relay, (doc) => doc.getMap('transactions').set(`${id}/0`, transactionEntry(accountId)));
    expectRefused(checkLedgerUpdate(relay, real), 'invalid-value', { recordId: id });
    const partial = craft(relay, (doc) =>
      doc.getMap('transactions').set(`${id}/0`, [['1.0', { d: '2026-06-01', c: 'EUR', ac: accountId }]]),
    );
    expectRefused(checkLedgerUpdate(relay, partial), 'invalid-value', { recordId: id, field: 'amount' });
  });

  it('[GRD4] an entry that is not a list of timestamped write groups is refused', () => {
    const { relay, accountId } = setup();
    for (const entry of [[['not a timestamp', { a: 1 }]], [[STAMP]], [[STAMP, [1]]], [[STAMP, { a: { x: 1 } }]]]) {
      const update = craft(relay, (doc) => doc.getMap('accounts').set(`${accountId}/${ROGUE}`, entry));
      expectRefused(checkLedgerUpdate(relay, update), 'invalid-value', { collection: 'accounts', recordId: accountId });
    }
  });

  it('[GRD7] a format declaration of 999999 is refused', () => {
    const { relay } = setup();
    const update = craft(relay, (doc) => doc.getMap('meta').set(`version/${ROGUE}`, 999_999));
    expectRefused(checkLedgerUpdate(relay, update), 'format-too-new', { collection: 'meta' });
  });

  it('[GRD7] meta holds whole-number declarations under version/<writer> only', () => {
    const { relay } = setup();
    const half = craft(relay, (doc) => doc.getMap('meta').set(`version/${ROGUE}`, 1.5));
    expectRefused(checkLedgerUpdate(relay, half), 'invalid-value', { collection: 'meta' });
    const other = craft(relay, (doc) => doc.getMap('meta').set('owner', 'me'));
    expectRefused(checkLedgerUpdate(relay, other), 'invalid-key', { collection: 'meta' });
  });

  it('[GRD7][FMT3] the format never goes down, but superseded declarations may go', () => {
    const { relay } = setup();
    const gone = craft(relay, (doc) => doc.getMap('meta').delete('version/device'));
    expectRefused(checkLedgerUpdate(relay, gone), 'lowers-format', { collection: 'meta' });
    accept(
      relay,
      craft(relay, (doc) => {
        doc.getMap('meta').set(`version/${ROGUE}`, LEDGER_FORMAT);
        doc.getMap('meta').delete('version/device');
      }),
    );
  });

  it.each([
    [
      'a Y.Text placed in a collection',
      (doc: Y.Doc) => doc.getMap('transactions').set(`${newId()}/${ROGUE}`, new Y.Text('x')),
    ],
    [
      'a Y.Array placed in a collection',
      (doc: Y.Doc) => doc.getMap('accounts').set(`${newId()}/${ROGUE}`, new Y.Array()),
    ],
    ['binary data', (doc: Y.Doc) => doc.getMap('accounts').set(`${newId()}/${ROGUE}`, new Uint8Array([1, 2]))],
    ['a subdocument', (doc: Y.Doc) => doc.getMap('accounts').set(`${newId()}/${ROGUE}`, new Y.Doc())],
    ['text in a collection’s list part', (doc: Y.Doc) => doc.getText('transactions').insert(0, 'x')],
    ['plain values in a collection’s list part', (doc: Y.Doc) => doc.getArray('transactions').push([1])],
    ['formatting', (doc: Y.Doc) => doc.getText('notes').insert(0, 'x', { bold: true })],
    ['an embed', (doc: Y.Doc) => doc.getText('notes').insertEmbed(0, { image: 'x' })],
    ['an unknown top-level type', (doc: Y.Doc) => doc.getMap('evil').set('x', 1)],
    ['the reserved attachments', (doc: Y.Doc) => doc.getMap('attachments').set(`${newId()}/${ROGUE}`, [])],
  ])('[GRD3] %s is refused', (_what, change) => {
    const { relay } = setup();
    expectRefused(checkLedgerUpdate(relay, craft(relay, change)), 'unknown-type');
  });

  it('[GRD3] content inside a nested type a peer left before the guard is refused', () => {
    const { relay } = setup();
    const nested = new Y.Map<unknown>();
    relay.getMap('accounts').set('legacy', nested);
    const update = craft(relay, (doc) => (doc.getMap('accounts').get('legacy') as Y.Map<unknown>).set('x', 1));
    expectRefused(checkLedgerUpdate(relay, update), 'unknown-type');
  });

  it('[GRD4] removing a key no reader reads, left before the guard, passes', () => {
    const { relay } = setup();
    relay.getMap('accounts').set('legacy', 'left by a broken peer');
    accept(
      relay,
      craft(relay, (doc) => doc.getMap('accounts').delete('legacy')),
    );
  });
});

describe('the update guard judges updates exactly as Yjs applies them', () => {
  const CLIENT = 1_001;
  const OTHER = 1_002;
  const value = (
    id: number,
    clock: number,
    parent: string | null,
    key: string | null,
    origin: Y.ID | null = null,
  ): Y.Item =>
    new Y.Item(Y.createID(id, clock), null, origin, null, null, parent as never, key, new Y.ContentAny([clock]));

  /** An update written block by block, as a peer could write it. */
  function blocks(...list: readonly (readonly [client: number, structs: readonly (Y.Item | Y.GC)[]])[]): Uint8Array {
    const encoder = new Y.UpdateEncoderV1();
    encoder.writeLen(list.length);
    for (const [client, structs] of list) {
      encoder.writeLen(structs.length);
      encoder.writeClient(client);
      encoder.writeLen(structs[0]?.id.clock ?? 0);
      for (const struct of structs) struct.write(encoder, 0);
    }
    encoder.writeLen(0);
    return encoder.toUint8Array();
  }

  it('[GRD1] bytes that are not a Yjs update are refused', () => {
    expectRefused(checkLedgerUpdate(new Y.Doc(), new Uint8Array([200, 1, 2, 3])), 'malformed');
  });

  it('[GRD1] a client’s changes in two blocks, or an empty block, are refused', () => {
    const twice = blocks(
      [CLIENT, [value(CLIENT, 0, 'meta', 'a')]],
      [OTHER, [value(OTHER, 0, 'meta', 'b')]],
      [CLIENT, [value(CLIENT, 1, 'meta', 'c')]],
    );
    expectRefused(checkLedgerUpdate(new Y.Doc(), twice), 'malformed');
    const empty = blocks([CLIENT, [value(CLIENT, 0, 'meta', `version/${ROGUE}`)]], [CLIENT, []]);
    expectRefused(checkLedgerUpdate(new Y.Doc(), empty), 'malformed');
  });

  it('[GRD1] a change or a deletion of no length is refused', () => {
    const none = new Y.Item(Y.createID(CLIENT, 0), null, null, null, null, 'meta' as never, 'x', new Y.ContentAny([]));
    expectRefused(checkLedgerUpdate(new Y.Doc(), blocks([CLIENT, [none]])), 'malformed');
    const { relay } = setup();
    const [client] = Y.decodeStateVector(Y.encodeStateVector(relay)).keys();
    const nothing = writeUpdate(new Map(), new Map([[client as number, [{ clock: 0, end: 0 }]]]));
    expectRefused(checkLedgerUpdate(relay, nothing), 'malformed');
  });

  it('[GRD1] changes that wait on each other in a circle, or on a later change of their own client, are refused', () => {
    const circle = blocks(
      [CLIENT, [value(CLIENT, 0, null, null, Y.createID(OTHER, 0))]],
      [OTHER, [value(OTHER, 0, null, null, Y.createID(CLIENT, 0))]],
    );
    expectRefused(checkLedgerUpdate(new Y.Doc(), circle), 'malformed');
    const later = blocks([
      CLIENT,
      [value(CLIENT, 0, null, null, Y.createID(CLIENT, 1)), value(CLIENT, 1, 'meta', 'x')],
    ]);
    expectRefused(checkLedgerUpdate(new Y.Doc(), later), 'malformed');
  });

  it('[GRD2] a change the relay holds already, naming a change it lacks, holds back the rest of its client: incomplete', () => {
    const relay = new Y.Doc();
    Y.applyUpdate(relay, blocks([CLIENT, [value(CLIENT, 0, 'meta', `version/${ROGUE}`)]]));
    const held = value(CLIENT, 0, null, null, Y.createID(OTHER, 5));
    const update = blocks([CLIENT, [held, value(CLIENT, 1, 'meta', 'version/later')]]);
    expect(checkLedgerUpdate(relay, update)).toMatchObject({ verdict: 'incomplete', missing: new Map([[OTHER, 0]]) });
    // As Yjs would do it: the change after the one it holds waits too.
    Y.applyUpdate(relay, update);
    expect(relay.store.pendingStructs).not.toBeNull();
  });

  it('[GRD1] a change the relay holds already, naming a later change of its own client, is refused', () => {
    const relay = new Y.Doc();
    Y.applyUpdate(relay, blocks([CLIENT, [value(CLIENT, 0, 'meta', `version/${ROGUE}`)]]));
    const update = blocks([
      CLIENT,
      [value(CLIENT, 0, null, null, Y.createID(CLIENT, 9)), value(CLIENT, 1, 'meta', 'x')],
    ]);
    expectRefused(checkLedgerUpdate(relay, update), 'malformed');
  });

  it('[GRD1] a change continuing one the document holds, under another key, is refused', () => {
    const relay = new Y.Doc();
    Y.applyUpdate(relay, blocks([CLIENT, [value(CLIENT, 0, 'meta', `version/${ROGUE}`)]]));
    const torn = new Y.Item(
      Y.createID(CLIENT, 0),
      null,
      null,
      null,
      null,
      'meta' as never,
      'other',
      new Y.ContentAny([1, 1]),
    );
    expectRefused(checkLedgerUpdate(relay, blocks([CLIENT, [torn]])), 'malformed');
  });

  it('[GRD3] an item Yjs turns into garbage holds nothing, and passes whatever it held', () => {
    const { relay } = setup();
    const update = blocks([
      CLIENT,
      [new Y.GC(Y.createID(CLIENT, 0), 1), value(CLIENT, 1, null, null, Y.createID(CLIENT, 0))],
    ]);
    const before = docSnapshot(relay);
    accept(relay, update);
    expect(docSnapshot(relay)).toEqual(before);
  });
});

describe('closeCodeOf', () => {
  it('[GRD6] asks a device to try again (1013) after a refusal for losing data, and not after any other (1008)', () => {
    const { relay, transactionId } = setup();
    const removal = checkLedgerUpdate(
      relay,
      craft(relay, (doc) => doc.getMap('transactions').delete(`${transactionId}/device`)),
    );
    const text = checkLedgerUpdate(
      relay,
      craft(relay, (doc) => doc.getText('transactions').insert(0, 'x')),
    );
    if (removal.verdict !== 'refused' || text.verdict !== 'refused') throw new Error('expected refusals');
    expect(closeCodeOf(removal)).toBe(closeCodes.tryAgainLater);
    expect(closeCodeOf(text)).toBe(closeCodes.policyViolation);
  });
});

describe('closeReasonOf', () => {
  it('names the reason and the place, within the 123 bytes of a close reason', () => {
    const { relay, transactionId } = setup();
    const verdict = checkLedgerUpdate(
      relay,
      craft(relay, (doc) => doc.getMap('transactions').delete(`${transactionId}/device`)),
    );
    if (verdict.verdict !== 'refused') throw new Error('expected a refusal');
    expect(closeReasonOf(verdict)).toBe(`removes-record transactions/${transactionId}`);
    expect(closeReasonOf({ verdict: 'refused', reason: 'malformed', message: 'x', retry: false })).toBe('malformed');
    expect(
      new TextEncoder().encode(
        closeReasonOf({
          ...verdict,
          reason: 'removes-collection',
          collection: 'contributions',
          field: 'createdThrough',
        }),
      ).byteLength,
    ).toBeLessThanOrEqual(123);
  });

  it('is read back by a device: the refusal a socket was closed for, and nothing for any other reason', () => {
    const { relay, transactionId } = setup();
    const verdict = checkLedgerUpdate(
      relay,
      craft(relay, (doc) => doc.getMap('transactions').delete(`${transactionId}/device`)),
    );
    if (verdict.verdict !== 'refused') throw new Error('expected a refusal');
    expect(refusalInCloseReason(closeReasonOf(verdict))).toBe('removes-record');
    expect(refusalInCloseReason('malformed')).toBe('malformed');
    expect(refusalInCloseReason('device revoked')).toBeUndefined();
    expect(refusalInCloseReason('')).toBeUndefined();
  });
});
