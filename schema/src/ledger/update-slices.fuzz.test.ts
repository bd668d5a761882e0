import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ledgerSnapshot } from '../testing/convergence.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { TestNetwork } from '../testing/test-network.js';
import { openLedger } from './ledger.js';
import { sliceUpdate } from './update-slices.js';

/** Only a guard against a hung run on a loaded machine; nothing here measures speed. */
const FUZZ_TIMEOUT_MS = 300_000;
const seedCount = Number(process.env.TALLY_FUZZ_SEEDS ?? (process.env.CI ? 16 : 4));
const firstSeed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);

/** Applies each slice in its own transaction, as a device does a task each, checking none is left waiting. */
function applySlices(doc: Y.Doc, slices: readonly Uint8Array[]): void {
  for (const slice of slices) {
    Y.applyUpdate(doc, slice);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
}

function whole(update: Uint8Array, base?: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  Y.applyUpdate(doc, update);
  return doc;
}

function sliced(slices: readonly Uint8Array[], base?: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  applySlices(doc, slices);
  return doc;
}

function expectSameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.equalSnapshots(Y.snapshot(actual), Y.snapshot(expected))).toBe(true);
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  for (const name of expected.share.keys()) {
    expect(actual.share.has(name), name).toBe(true);
  }
}

/** Edits of every kind of content Yjs encodes, by several writers who hear each other at random. */
function everyKindOfContent(random: SeededRandom): Y.Doc[] {
  const docs = Array.from({ length: 3 }, () => new Y.Doc());
  const words = ['coffee', 'Café', 'naïve', '€ 12,50', '🍎 apples', '𝔘nicode', '', 'a'];
  for (let step = 0; step < 300; step++) {
    const doc = random.pick(docs);
    const kind = random.int(0, 9);
    const text = doc.getText('notes');
    const list = doc.getArray<unknown>('list');
    const map = doc.getMap<unknown>('map');
    if (kind === 0) text.insert(random.int(0, text.length), random.pick(words));
    else if (kind === 1 && text.length > 0) {
      const at = random.int(0, text.length - 1);
      text.delete(at, random.int(1, text.length - at));
    } else if (kind === 2 && text.length > 0) text.format(0, random.int(1, text.length), { bold: random.chance(0.5) });
    else if (kind === 3) text.insertEmbed(random.int(0, text.length), { image: random.pick(words) });
    else if (kind === 4)
      list.insert(random.int(0, list.length), [
        random.int(-1e6, 1e6),
        random.next() / 7,
        {
          nested: [random.pick(words), null, true, false, undefined],
          n: random.next(),
          big: BigInt(random.next()) * 1_000_000n,
        },
        new Uint8Array([random.int(0, 255), random.int(0, 255)]),
      ]);
    else if (kind === 5 && list.length > 0) list.delete(random.int(0, list.length - 1));
    else if (kind === 6) map.set(random.pick(words), random.pick(words));
    else if (kind === 7) map.set(`bytes-${random.int(0, 3)}`, new Uint8Array([random.int(0, 255)]));
    else if (kind === 8) {
      const inner = new Y.Map<unknown>();
      inner.set('amount', random.int(-5000, 5000));
      map.set(`record-${random.int(0, 5)}`, inner);
    } else if (kind === 9) {
      const element = new Y.XmlElement(random.pick(['p', 'note']));
      element.setAttribute('kind', random.pick(words));
      doc.getXmlFragment('xml').insert(0, [element]);
    }
    if (random.chance(0.3)) {
      const from = random.pick(docs);
      const to = random.pick(docs);
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
  return docs;
}

describe('a large update cut into slices', () => {
  it.each(seeds)(
    'gives the same ledger as the update whole, applied slice by slice with nothing left waiting (seed %i)',
    (seed) => {
      try {
        const network = new TestNetwork({ seed, replicas: 3, clockSkewMs: 2_000 });
        const { random } = network;
        const operate = (steps: number): void => {
          for (let step = 0; step < steps; step++) {
            network.advance(random.int(0, 4_000));
            network.operate();
            network.deliver(random.int(0, 6));
          }
        };
        operate(150);
        network.settle();
        const [first, second] = network.replicas;
        if (!first || !second) throw new Error('no replicas');
        // What a replica held part-way, and what it lacks then: a sync's reply to a device that has something.
        const earlier = Y.encodeStateAsUpdate(second.doc);
        operate(150);
        network.settle();
        const full = Y.encodeStateAsUpdate(first.doc);
        const missing = Y.encodeStateAsUpdate(first.doc, Y.encodeStateVectorFromUpdate(earlier));
        for (const structs of [1, random.int(2, 40), random.int(41, 400)]) {
          const slices = sliceUpdate(full, structs);
          const structCount = Y.decodeUpdate(full).structs.length;
          // Every slice holds at most `structs`: none of these updates is given back whole but the small.
          if (structCount > structs) expect(slices.length).toBeGreaterThanOrEqual(Math.ceil(structCount / structs));
          else expect(slices).toEqual([full]);
          const fromNothing = sliced(slices);
          expectSameDocument(fromNothing, whole(full));
          expect(ledgerSnapshot(openLedger(fromNothing))).toEqual(ledgerSnapshot(openLedger(first.doc)));
          expectSameDocument(sliced(sliceUpdate(missing, structs), earlier), whole(missing, earlier));
        }
      } catch (error) {
        console.error(`slices fuzz failed with seed ${seed}; replay with TALLY_FUZZ_SEED=${seed} TALLY_FUZZ_SEEDS=1`);
        throw error;
      }
    },
    FUZZ_TIMEOUT_MS,
  );

  it.each(seeds)(
    'keeps every kind of content Yjs encodes — text with emoji, formats, embeds, numbers, big integers, bytes, nested maps, XML — and every deletion (seed %i)',
    (seed) => {
      try {
        const random = new SeededRandom(seed);
        const docs = everyKindOfContent(random);
        for (const doc of docs) {
          const full = Y.encodeStateAsUpdate(doc);
          for (const structs of [1, random.int(2, 30)]) {
            const slices = sliceUpdate(full, structs);
            const result = sliced(slices);
            expectSameDocument(result, whole(full));
            expect(result.getText('notes').toDelta()).toEqual(doc.getText('notes').toDelta());
            expect(result.getArray('list').toJSON()).toEqual(doc.getArray('list').toJSON());
            expect(result.getMap('map').toJSON()).toEqual(doc.getMap('map').toJSON());
            expect(result.getXmlFragment('xml').toString()).toBe(doc.getXmlFragment('xml').toString());
          }
        }
      } catch (error) {
        console.error(`slices fuzz failed with seed ${seed}; replay with TALLY_FUZZ_SEED=${seed} TALLY_FUZZ_SEEDS=1`);
        throw error;
      }
    },
    FUZZ_TIMEOUT_MS,
  );

  it('gives back whole an update it cannot read to its end, one too small to cut, and one that builds on what it lacks', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('transactions');
    for (let i = 0; i < 50; i++) map.set(`t${i}`, i);
    const full = Y.encodeStateAsUpdate(doc);
    for (const cut of [1, 7, full.length - 1]) {
      const truncated = full.subarray(0, cut);
      expect(sliceUpdate(truncated, 5)).toEqual([truncated]);
    }
    expect(sliceUpdate(full, 50)).toEqual([full]);
    const trailing = new Uint8Array([...full, 0]);
    expect(sliceUpdate(trailing, 5)).toEqual([trailing]);

    // Another writer's edit of a record the update holds only the first writer's earlier part of.
    const first = new Y.Doc();
    for (let i = 0; i < 5; i++) first.getMap('transactions').set(`t${i}`, i);
    const earlier = Y.encodeStateAsUpdate(first);
    for (let i = 5; i < 10; i++) first.getMap('transactions').set(`t${i}`, i);
    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    second.getMap('transactions').set('t8', -8);
    const edit = Y.encodeStateAsUpdate(second, Y.encodeStateVector(first));
    const lacking = Y.mergeUpdates([earlier, edit]);
    expect(sliceUpdate(lacking, 2)).toEqual([lacking]);
    expect(() => sliceUpdate(full, 0)).toThrow(RangeError);
  });
});
