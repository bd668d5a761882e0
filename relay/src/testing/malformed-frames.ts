import type { SeededRandom } from '@tally/schema/testing';
import * as Y from 'yjs';
import { edit, updateMessage } from './fake-peer.js';

export type MalformedFrame = { readonly text: string } | { readonly bytes: Uint8Array };

function validUpdate(random: SeededRandom): Uint8Array {
  return updateMessage(
    edit(new Y.Doc(), (doc) => doc.getMap('transactions').set(`t${random.int(0, 1000)}`, random.int(0, 1e6))),
  );
}

const kinds: ((random: SeededRandom, maxFrameBytes: number) => MalformedFrame)[] = [
  (random) => ({ bytes: random.bytes(random.int(0, 200)) }),
  (random) => ({ bytes: Uint8Array.of(0, random.int(0, 2), ...random.bytes(random.int(0, 100))) }),
  (random) => {
    const update = validUpdate(random);
    return { bytes: update.subarray(0, random.int(0, update.length - 1)) };
  },
  (random) => ({ bytes: Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, ...random.bytes(random.int(0, 20))) }),
  (random) => {
    const json = new TextEncoder().encode(`{"user":${random.int(0, 9)}`);
    return { bytes: Uint8Array.of(1, json.length + 4, 1, random.int(1, 100), 1, json.length, ...json) };
  },
  (random) => ({ bytes: Uint8Array.of(...validUpdate(random), ...random.bytes(random.int(1, 8))) }),
  (random) => ({ bytes: Uint8Array.of(random.int(4, 255), ...random.bytes(random.int(0, 30))) }),
  (random) => ({ text: `{"type":"sync","n":${random.int(0, 1000)}}` }),
  (random, maxFrameBytes) => ({ bytes: random.bytes(maxFrameBytes + random.int(1, 100)) }),
];

/** Frames no honest y-websocket peer sends: random, truncated, overlong, mistyped, oversized. */
export function malformedFrame(random: SeededRandom, maxFrameBytes: number): MalformedFrame {
  const kind = kinds[random.int(0, kinds.length - 1)];
  if (kind === undefined) throw new Error('no frame kind');
  return kind(random, maxFrameBytes);
}
