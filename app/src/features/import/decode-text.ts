import { ImportError } from './statement.js';

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * Turns a bank file's bytes into text. UTF-8 (with or without a byte-order mark) and UTF-16 with
 * a byte-order mark are read as such; anything else that is not valid UTF-8 is read as
 * Windows-1252, the encoding older bank exports use. A file with NUL bytes is not text (or is
 * UTF-16 without a byte-order mark) and is refused, naming the line.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new ImportError(
      lineOf(bytes, nul),
      'the file is not text in an encoding Tally reads (it holds NUL bytes — UTF-16 without a byte-order mark, or not a bank export)',
      'not-text',
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return new TextDecoder('windows-1252').decode(bytes.subarray(start));
  }
}
