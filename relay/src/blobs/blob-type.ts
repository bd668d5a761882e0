import type { AttachmentType } from '@tally/schema';

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

/** ISO base media brands of HEIF images holding HEVC (HEIC), not AVIF or video. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

/** An ISO base media file (`ftyp` box first) whose brands say HEIC. */
function isHeic(head: Uint8Array): boolean {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return false;
  const boxSize = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  const major = ascii(head, 8, 12);
  if (HEIC_BRANDS.has(major)) return true;
  if (!HEIF_BRANDS.has(major)) return false;
  // A generic HEIF brand: the compatible brands, after the minor version, must name HEIC.
  for (let offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4) {
    if (HEIC_BRANDS.has(ascii(head, offset, offset + 4))) return true;
  }
  return false;
}

/**
 * The type of a file from its first bytes (BLOB2), by the signatures of the formats a receipt may be;
 * null for anything else — an executable, HTML, SVG, a ZIP — whatever its name or declared type.
 */
export function blobTypeOf(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (isHeic(head)) return 'image/heic';
  return null;
}
