/**
 * Faster forms of lib0's string reading and writing for the short ASCII strings a ledger is made
 * of: field keys, dates, ids, timestamps. lib0 hands every string to `TextDecoder.decode` or
 * `TextEncoder.encodeInto`, and in Chromium each such call costs about 0.4 µs whatever its length,
 * several times what copying a short ASCII string's bytes in JavaScript does; a 100,000-transaction
 * ledger holds millions of them. Anything else (a longer string, a byte or character outside
 * ASCII, a length running past the end) goes to lib0's own function, so what is read and written,
 * and every error, is lib0's. `lib0-patches-plugin.ts` puts these in lib0 for the build.
 */

/** What is copied in JavaScript: longer strings are few, and a native call is cheap beside them. */
export const SHORT_STRING_BYTES = 64;

/** The part of lib0's `Decoder` read here. */
export interface Lib0Decoder {
  readonly arr: Uint8Array;
  pos: number;
}

/** The part of lib0's `Encoder` written here. */
export interface Lib0Encoder {
  cbuf: Uint8Array;
  cpos: number;
}

/** Slots of the reader's cache of recent strings, a power of two. */
const CACHED_STRINGS = 4096;

/**
 * lib0's `readVarString`, reading short ASCII strings itself and the rest through `readString`.
 * A string read before and still in its slot of a small cache is returned again rather than made
 * anew: a ledger repeats its field keys, dates, accounts and categories on every record, and its
 * Y.Doc keeps every string it reads.
 */
export function shortAsciiReader(
  readString: (decoder: Lib0Decoder) => string,
  readLength: (decoder: Lib0Decoder) => number,
): (decoder: Lib0Decoder) => string {
  const codes: number[] = [];
  const cache: (string | undefined)[] = new Array(CACHED_STRINGS);
  return (decoder) => {
    const start = decoder.pos;
    const length = readLength(decoder);
    const from = decoder.pos;
    const bytes = decoder.arr;
    if (length > SHORT_STRING_BYTES || from + length > bytes.length) {
      decoder.pos = start;
      return readString(decoder);
    }
    let hash = length;
    for (let at = 0; at < length; at++) {
      const byte = bytes[from + at] as number;
      if (byte > 0x7f) {
        decoder.pos = start;
        return readString(decoder);
      }
      codes[at] = byte;
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    decoder.pos = from + length;
    const slot = (hash ^ (hash >>> 15)) & (CACHED_STRINGS - 1);
    const cached = cache[slot];
    if (cached !== undefined && cached.length === length) {
      let at = 0;
      while (at < length && cached.charCodeAt(at) === codes[at]) at++;
      if (at === length) return cached;
    }
    codes.length = length;
    const text = String.fromCharCode.apply(null, codes);
    cache[slot] = text;
    return text;
  };
}

/** lib0's `writeVarString`, writing short ASCII strings itself and the rest through `writeString`. */
export function shortAsciiWriter(
  writeString: (encoder: Lib0Encoder, text: string) => void,
  writeLength: (encoder: Lib0Encoder, length: number) => void,
  writeByte: (encoder: Lib0Encoder, byte: number) => void,
): (encoder: Lib0Encoder, text: string) => void {
  return (encoder, text) => {
    const length = text.length;
    if (length > SHORT_STRING_BYTES) return writeString(encoder, text);
    for (let at = 0; at < length; at++) if (text.charCodeAt(at) > 0x7f) return writeString(encoder, text);
    writeLength(encoder, length);
    if (encoder.cbuf.length - encoder.cpos >= length) {
      const buffer = encoder.cbuf;
      let position = encoder.cpos;
      for (let at = 0; at < length; at++) buffer[position++] = text.charCodeAt(at);
      encoder.cpos = position;
    } else {
      for (let at = 0; at < length; at++) writeByte(encoder, text.charCodeAt(at));
    }
  };
}
