import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { Ledger, personId } from './ledger.js';

const SAM_ACCOUNT = 'samRelayAccountId12345';
const ALEX_ACCOUNT = 'alexRelayAccountId1234';

function device(seed: number, now = Date.UTC(2026, 5, 1)): { doc: Y.Doc; ledger: Ledger; wall: { now: number } } {
  const doc = new Y.Doc();
  const wall = { now };
  return { doc, wall, ledger: new Ledger(doc, { random: new SeededRandom(seed), now: () => wall.now }) };
}

describe('the people of a shared ledger', () => {
  it('[PPL1] a person has a name, may stand for a relay account, and is archived rather than removed', () => {
    const { ledger } = device(1);
    const sam = ledger.people.create({ name: '  Sam ', userId: SAM_ACCOUNT });
    expect(sam).toEqual({ id: sam.id, deleted: false, name: 'Sam', userId: SAM_ACCOUNT, archived: false });
    const kim = ledger.people.create({ name: 'Kim' });
    expect(kim.userId).toBeNull();
    expect(ledger.people.update(kim.id, { archived: true })).toMatchObject({ archived: true, deleted: false });
    expect(() => ledger.people.create({ name: ' ' })).toThrow(/name is required/);
  });

  it('[PPL1] two devices editing one person at once keep both edits, field by field', () => {
    const a = device(1);
    const b = device(2);
    const sam = a.ledger.people.create({ name: 'Sam' }).id;
    syncDocs(a.doc, b.doc);
    a.ledger.people.update(sam, { name: 'Samantha' });
    b.ledger.people.update(sam, { archived: true });
    syncDocs(a.doc, b.doc);
    for (const { ledger } of [a, b]) expect(ledger.people.get(sam)).toMatchObject({ name: 'Samantha', archived: true });
  });

  it('[PPL2] one person per relay account: giving the account to someone else is refused', () => {
    const { ledger } = device(1);
    ledger.people.create({ name: 'Sam', userId: SAM_ACCOUNT });
    const other = ledger.people.create({ name: 'Sammy' });
    expect(() => ledger.people.update(other.id, { userId: SAM_ACCOUNT })).toThrow(
      /Sam already stands for this account/,
    );
    expect(() => ledger.people.create({ name: 'Sam again', userId: SAM_ACCOUNT })).toThrow(/already stands/);
  });

  it('[PPL2] an account’s person is found by the account, so the app can say "you"', () => {
    const { ledger } = device(1);
    const alex = ledger.people.create({ name: 'Alex', userId: ALEX_ACCOUNT });
    expect(ledger.personForUser(ALEX_ACCOUNT)?.id).toBe(alex.id);
    expect(ledger.ensurePerson({ userId: ALEX_ACCOUNT, name: 'Alex B.' })).toEqual(alex);
    expect(ledger.personForUser(SAM_ACCOUNT)).toBeUndefined();
  });

  it('[PPL2][REC6] two devices of one account opening the ledger at once create one person between them', () => {
    const phone = device(1);
    const laptop = device(2, Date.UTC(2026, 5, 1) + 5_000);
    const onPhone = phone.ledger.ensurePerson({ userId: SAM_ACCOUNT, name: 'Sam' });
    const onLaptop = laptop.ledger.ensurePerson({ userId: SAM_ACCOUNT, name: 'Sam' });
    expect(onPhone.id).toBe(personId(SAM_ACCOUNT));
    expect(onLaptop.id).toBe(onPhone.id);
    syncDocs(phone.doc, laptop.doc);
    for (const { ledger } of [phone, laptop]) {
      expect(ledger.people.list()).toEqual([onPhone]);
    }
  });

  it('[PPL2][REC6] a rename made anywhere outranks a device creating the person late', () => {
    const early = device(1);
    const late = device(2);
    const sam = early.ledger.ensurePerson({ userId: SAM_ACCOUNT, name: 'Sam' }).id;
    early.ledger.people.update(sam, { name: 'Samira' });
    late.ledger.ensurePerson({ userId: SAM_ACCOUNT, name: 'Sam' });
    syncDocs(early.doc, late.doc);
    for (const { ledger } of [early, late]) expect(ledger.people.get(sam)?.name).toBe('Samira');
  });

  it('[PPL2] an account whose person was deleted gets that person back when it opens the ledger again', () => {
    const { ledger } = device(1);
    const sam = ledger.ensurePerson({ userId: SAM_ACCOUNT, name: 'Sam' }).id;
    ledger.people.delete(sam);
    expect(ledger.personForUser(SAM_ACCOUNT)).toBeUndefined();
    expect(ledger.ensurePerson({ userId: SAM_ACCOUNT, name: 'Sam' })).toMatchObject({ id: sam, deleted: false });
  });

  it('[PPL2] when concurrent edits give one account to two people, the one with the smallest id stands for it', () => {
    const a = device(1);
    const b = device(2);
    const first = a.ledger.people.create({ name: 'Sam' }).id;
    const second = a.ledger.people.create({ name: 'Sammy' }).id;
    syncDocs(a.doc, b.doc);
    a.ledger.people.update(first, { userId: SAM_ACCOUNT });
    b.ledger.people.update(second, { userId: SAM_ACCOUNT });
    syncDocs(a.doc, b.doc);
    const [smallest] = [first, second].sort();
    for (const { ledger } of [a, b]) expect(ledger.personForUser(SAM_ACCOUNT)?.id).toBe(smallest);
  });
});

describe('settlements between people', () => {
  it('[SET1] a settlement is between two different people who exist, of a positive amount', () => {
    const { ledger } = device(1);
    const alex = ledger.people.create({ name: 'Alex' }).id;
    const sam = ledger.people.create({ name: 'Sam' }).id;
    const paid = ledger.settlements.create({
      fromPersonId: alex,
      toPersonId: sam,
      amount: 3_000,
      currency: 'EUR',
      date: '2026-06-02',
    });
    expect(paid).toMatchObject({ fromPersonId: alex, toPersonId: sam, amount: 3_000, note: '' });
    const base = { amount: 3_000, currency: 'EUR', date: '2026-06-02' };
    expect(() => ledger.settlements.create({ ...base, fromPersonId: alex, toPersonId: alex })).toThrow(
      /between two different people/,
    );
    expect(() => ledger.settlements.create({ ...base, fromPersonId: alex, toPersonId: sam, amount: 0 })).toThrow(
      /amount must be more than zero/,
    );
    expect(() => ledger.settlements.create({ ...base, fromPersonId: alex, toPersonId: 'N'.repeat(22) })).toThrow(
      /toPersonId: the person does not exist/,
    );
  });
});

describe('a ledger opened for a viewer', () => {
  it('[VIEW1] refuses every write with view-only, and still receives the edits of its members', () => {
    const owner = device(1);
    const sam = owner.ledger.people.create({ name: 'Sam' });
    const viewerDoc = new Y.Doc();
    const viewer = new Ledger(viewerDoc, { random: new SeededRandom(2), viewOnly: true });
    syncDocs(owner.doc, viewerDoc);
    expect(viewer.writable).toBe(false);
    expect(viewer.newerFormat).toBe(false);
    expect(() => viewer.people.update(sam.id, { name: 'Samuel' })).toThrow(
      expect.objectContaining({ code: 'view-only' }),
    );
    expect(() => viewer.people.create({ name: 'Kim' })).toThrow(expect.objectContaining({ code: 'view-only' }));
    owner.ledger.people.update(sam.id, { name: 'Samantha' });
    syncDocs(owner.doc, viewerDoc);
    expect(viewer.people.get(sam.id)?.name).toBe('Samantha');
  });
});
