import { SeededRandom } from '@tally/schema/testing';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  type Lib0Decoder,
  type Lib0Encoder,
  SHORT_STRING_BYTES,
  shortAsciiReader,
  shortAsciiWriter,
} from './lib0-short-strings.js';

const seed = Number(process.env.TALLY_FUZZ_SEED ?? Date.now() % 1_000_000);
console.log(`lib0 short strings: seed ${seed} (replay with TALLY_FUZZ_SEED=${seed})`);

type Reader = (decoder: Lib0Decoder) => string;
type Writer = (encoder: Lib0Encoder, text: string) => void;

/** lib0's string functions: the native ones, and those it uses where TextDecoder or TextEncoder is missing. */
const LIB0S: readonly (readonly [string, Reader, Writer])[] = [
  ['native', decoding._readVarStringNative as Reader, encoding._writeVarStringNative as Writer],
  ['polyfill', decoding._readVarStringPolyfill as Reader, encoding._writeVarStringPolyfill as Writer],
];

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz0123456789-./_',
  '\u0000\u0001\u007f ~"\\',
  'éüßñ€£',
  '日本語の家計簿',
  '😀💶🧾',
  '\ud800\udfff',
];

function randomText(random: SeededRandom): string {
  const length = random.pick([
    0,
    1,
    2,
    10,
    40,
    SHORT_STRING_BYTES - 1,
    SHORT_STRING_BYTES,
    SHORT_STRING_BYTES + 1,
    200,
  ]);
  const alphabets = random.chance(0.6) ? [ALPHABETS[0] as string] : [random.pick(ALPHABETS), random.pick(ALPHABETS)];
  let text = '';
  while (text.length < length) text += random.pick([...random.pick(alphabets)]);
  return text;
}

/** What reading `bytes` as strings until the end gives: the strings, or the error and where. */
function readAll(bytes: Uint8Array, reader: (decoder: Lib0Decoder) => string): { strings: string[]; failed?: string } {
  const decoder = decoding.createDecoder(bytes);
  const strings: string[] = [];
  try {
    while (decoding.hasContent(decoder)) strings.push(reader(decoder));
    return { strings };
  } catch (error) {
    return { strings, failed: `${(error as Error).name}: ${(error as Error).message} at ${decoder.pos}` };
  }
}

/** What an encoder holds: its bytes, and where it is in its buffers. */
function stateOf(encoder: encoding.Encoder): { bytes: Uint8Array; buffers: number; position: number; room: number } {
  return {
    bytes: encoding.toUint8Array(encoder),
    buffers: encoder.bufs.length,
    position: encoder.cpos,
    room: encoder.cbuf.length,
  };
}

describe.each(LIB0S)('short ASCII strings in lib0, beside its %s functions', (_, lib0Read, lib0Write) => {
  // What the patched lib0 modules do, composed from lib0's own functions.
  const read = shortAsciiReader(lib0Read, decoding.readVarUint as (decoder: Lib0Decoder) => number);
  const write = shortAsciiWriter(
    lib0Write,
    encoding.writeVarUint as (encoder: Lib0Encoder, length: number) => void,
    encoding.write as (encoder: Lib0Encoder, byte: number) => void,
  );

  it('writes exactly the bytes lib0 writes, whatever the text, across its buffer growing', () => {
    const random = new SeededRandom(seed);
    for (let round = 0; round < 200; round++) {
      const texts = Array.from({ length: random.int(1, 60) }, () => randomText(random));
      const ours = encoding.createEncoder();
      const lib0s = encoding.createEncoder();
      for (const text of texts) {
        write(ours, text);
        lib0Write(lib0s, text);
      }
      expect(stateOf(ours), `seed ${seed}, round ${round}`).toEqual(stateOf(lib0s));
    }
  });

  it('reads back what was written, as lib0 does', () => {
    const random = new SeededRandom(seed + 1);
    for (let round = 0; round < 200; round++) {
      const texts = Array.from({ length: random.int(1, 40) }, () => randomText(random));
      const encoder = encoding.createEncoder();
      for (const text of texts) encoding._writeVarStringNative(encoder, text);
      const bytes = encoding.toUint8Array(encoder);
      const ours = readAll(bytes, read);
      expect(ours, `seed ${seed + 1}, round ${round}`).toEqual(readAll(bytes, lib0Read));
      expect(ours.strings).toEqual(texts.map((text) => new TextDecoder().decode(new TextEncoder().encode(text))));
    }
  });

  it('reads each of many strings right when they repeat and share the cache’s slots', () => {
    const random = new SeededRandom(seed + 3);
    const distinct = Array.from(
      { length: 20_000 },
      (_, i) => `${random.pick(['d', 'a', 'acc_', '2026-'])}${i.toString(36)}`,
    );
    const texts = Array.from({ length: 60_000 }, () => random.pick(distinct));
    const encoder = encoding.createEncoder();
    for (const text of texts) encoding.writeVarString(encoder, text);
    expect(readAll(encoding.toUint8Array(encoder), read).strings).toEqual(texts);
  });

  it('fails on malformed bytes where lib0 fails, with its error, and reads what it reads', () => {
    const random = new SeededRandom(seed + 2);
    let failures = 0;
    for (let round = 0; round < 2_000; round++) {
      const bytes = new Uint8Array(random.int(0, 80));
      for (let at = 0; at < bytes.length; at++) {
        bytes[at] = random.chance(0.8) ? random.int(0x20, 0x7e) : random.int(0, 255);
      }
      if (bytes.length > 0 && random.chance(0.5)) bytes[0] = random.int(0, 40);
      // A view into a larger buffer, as a frame inside a message is: a length past the view's end
      // is refused even where the buffer has more bytes.
      const padded = new Uint8Array(bytes.length + 16).fill(0x61);
      padded.set(bytes, 8);
      const view = padded.subarray(8, 8 + bytes.length);
      const ours = readAll(view, read);
      if (ours.failed) failures++;
      expect(ours, `seed ${seed + 2}, round ${round}`).toEqual(readAll(view, lib0Read));
    }
    expect(failures).toBeGreaterThan(100);
  });
});
