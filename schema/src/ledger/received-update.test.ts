import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SeededRandom } from '../testing/index.js';
import { applyReceivedUpdate } from './received-update.js';

interface Heard {
  readonly update: Uint8Array;
  readonly origin: unknown;
}

/** A document whose update listener records what it hears, as y-indexeddb and the provider do. */
function listened(): { doc: Y.Doc; heard: Heard[] } {
  const doc = new Y.Doc();
  const heard: Heard[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => heard.push({ update, origin }));
  return { doc, heard };
}

function rebuilt(heard: readonly Heard[]): Y.Doc {
  const doc = new Y.Doc();
  for (const { update } of heard) Y.applyUpdate(doc, update);
  return doc;
}

function expectSameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.getMap('entries').toJSON()).toEqual(expected.getMap('entries').toJSON());
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true);
}

function written(change: (entries: Y.Map<unknown>) => void, from = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(from);
  change(from.getMap('entries'));
  return Y.encodeStateAsUpdate(from, before);
}

const seedCount = Number(process.env.TALLY_FUZZ_SEEDS ?? (process.env.CI ? 24 : 4));
const firstSeed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);

describe('an update received whole', () => {
  it('is heard as the bytes received, with their origin, and leaves the document as applying it does', () => {
    const { doc, heard } = listened();
    const update = written((entries) => entries.set('rent', 1200));
    const origin = { from: 'relay' };
    applyReceivedUpdate(doc, update, origin);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.update).toBe(update);
    expect(heard[0]?.origin).toBe(origin);
    expect(doc.getMap('entries').get('rent')).toBe(1200);
  });

  it('is heard by nobody when it holds nothing new', () => {
    const { doc, heard } = listened();
    const update = written((entries) => entries.set('rent', 1200));
    applyReceivedUpdate(doc, update, null);
    applyReceivedUpdate(doc, update, null);
    expect(heard).toHaveLength(1);
  });

  it('is followed by what an observer wrote while it was applied', () => {
    const { doc, heard } = listened();
    const entries = doc.getMap('entries');
    entries.observe((event) => {
      if (event.keysChanged.has('rent') && !entries.has('seen')) entries.set('seen', true);
    });
    applyReceivedUpdate(
      doc,
      written((from) => from.set('rent', 1200)),
      'relay',
    );
    expect(heard.map(({ origin }) => origin)).toEqual(['relay', null]);
    expect(rebuilt(heard).getMap('entries').get('seen')).toBe(true);
    expectSameDocument(rebuilt(heard), doc);
  });

  it('is followed by each observer write as Yjs encodes it, with its own origin and deletions alone', () => {
    const { doc, heard } = listened();
    const entries = doc.getMap('entries');
    for (let i = 0; i < 50; i++) entries.set(`old-${i}`, i);
    for (let i = 0; i < 50; i++) entries.delete(`old-${i}`);
    const before = heard.length;
    entries.observe((event) => {
      if (!event.keysChanged.has('rent')) return;
      doc.transact(() => entries.set('seen', true), 'first observer');
      doc.transact(() => entries.set('counted', 1), 'second observer');
    });
    applyReceivedUpdate(
      doc,
      written((from) => from.set('rent', 1200)),
      'relay',
    );
    const applied = heard.slice(before);
    expect(applied.map(({ origin }) => origin)).toEqual(['relay', 'first observer', 'second observer']);
    for (const { update } of applied.slice(1)) expect(Y.decodeUpdate(update).ds.clients.size).toBe(0);
    expectSameDocument(rebuilt(heard), doc);
    expect(doc.getMap('entries').toJSON()).toEqual({ rent: 1200, seen: true, counted: 1 });
  });

  it('is still heard when an observer throws while it is applied', () => {
    const { doc, heard } = listened();
    doc.getMap('entries').observe(() => {
      throw new Error('an observer failed');
    });
    const update = written((entries) => entries.set('rent', 1200));
    expect(() => applyReceivedUpdate(doc, update, 'relay')).toThrow('an observer failed');
    expect(doc.getMap('entries').get('rent')).toBe(1200);
    expectSameDocument(rebuilt(heard), doc);
  });

  it('cut short is never told as the bytes received, even when an observer writes in answer', () => {
    const source = new Y.Doc();
    const whole = written((entries) => {
      entries.set('rent', 1200);
      entries.set('rent', 1250);
      entries.set('food', 300);
    }, source);
    for (let cut = 1; cut <= 5; cut++) {
      const { doc, heard } = listened();
      const entries = doc.getMap('entries');
      entries.observe(() => {
        if (!entries.has('seen')) doc.transact(() => entries.set('seen', true), 'observer');
      });
      try {
        applyReceivedUpdate(doc, whole.slice(0, whole.byteLength - cut), 'relay');
      } catch {
        // Malformed bytes throw; what the document took of them must still be told.
      }
      for (const { update } of heard) expect(update.byteLength).not.toBe(whole.byteLength - cut);
      expectSameDocument(rebuilt(heard), doc);
    }
  });

  it("is followed by an observer's write with its origin though another afterTransaction listener throws", () => {
    const { doc, heard } = listened();
    const entries = doc.getMap('entries');
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === 'observer') throw new Error('a listener failed');
    });
    entries.observe(() => {
      if (!entries.has('seen')) doc.transact(() => entries.set('seen', true), 'observer');
    });
    try {
      applyReceivedUpdate(
        doc,
        written((from) => from.set('rent', 1200)),
        'relay',
      );
    } catch {
      // Yjs throws what a listener threw once every transaction is cleaned up.
    }
    expect(heard.map(({ origin }) => origin)).toEqual(['relay', 'observer']);
    expectSameDocument(rebuilt(heard), doc);
  });

  it('inside another transaction is heard as Yjs encodes it, once that transaction ends', () => {
    const { doc, heard } = listened();
    doc.transact(() => {
      doc.getMap('entries').set('food', 300);
      applyReceivedUpdate(
        doc,
        written((entries) => entries.set('rent', 1200)),
        'relay',
      );
    });
    expect(heard).toHaveLength(1);
    expectSameDocument(rebuilt(heard), doc);
    expect(rebuilt(heard).getMap('entries').toJSON()).toEqual({ food: 300, rent: 1200 });
  });

  it('that completes a change held pending is heard with that change', () => {
    const source = new Y.Doc();
    const first = written((entries) => entries.set('rent', 1200), source);
    const second = written((entries) => entries.set('food', 300), source);
    const { doc, heard } = listened();
    applyReceivedUpdate(doc, second, null);
    expect(doc.getMap('entries').has('food')).toBe(false);
    applyReceivedUpdate(doc, first, null);
    expect(doc.getMap('entries').toJSON()).toEqual({ rent: 1200, food: 300 });
    expectSameDocument(rebuilt(heard), doc);
  });

  it('that is malformed throws, and the listeners go on hearing later updates', () => {
    const { doc, heard } = listened();
    expect(() => applyReceivedUpdate(doc, new Uint8Array([9, 9, 9]), null)).toThrow();
    doc.getMap('entries').set('rent', 1200);
    expect(heard).toHaveLength(1);
    expectSameDocument(rebuilt(heard), doc);
  });

  it.each(seeds)('[fuzz] what the listeners hear rebuilds the document, whatever the order (seed %i)', (seed) => {
    const random = new SeededRandom(seed);
    const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const updates: Uint8Array[] = [];
    for (let step = 0; step < 60; step++) {
      const writer = random.pick(writers);
      updates.push(
        written((entries) => {
          const key = `k${random.int(0, 12)}`;
          if (random.chance(0.3)) entries.delete(key);
          else entries.set(key, random.int(0, 1_000));
        }, writer),
      );
    }
    const { doc, heard } = listened();
    const entries = doc.getMap('entries');
    entries.observe((event) => {
      if (event.keysChanged.has('k3') && random.chance(0.5)) entries.set(`seen-${random.int(0, 3)}`, random.int(0, 9));
    });
    const delivered = [...updates, ...updates.filter(() => random.chance(0.2))];
    for (let i = delivered.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [delivered[i], delivered[j]] = [delivered[j] as Uint8Array, delivered[i] as Uint8Array];
    }
    for (const update of delivered) applyReceivedUpdate(doc, update, 'relay');
    const everyWrite = new Y.Doc();
    for (const writer of writers) Y.applyUpdate(everyWrite, Y.encodeStateAsUpdate(writer));
    expect(doc.store.pendingStructs).toBeNull();
    expectSameDocument(rebuilt(heard), doc);
    for (const [key, value] of everyWrite.getMap('entries')) {
      if (!key.startsWith('seen-')) expect(entries.get(key), `seed ${seed}, ${key}`).toEqual(value);
    }
  });
});
