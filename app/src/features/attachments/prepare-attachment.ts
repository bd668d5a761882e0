import { MAX_ATTACHMENT_NAME } from '@tally/schema';
import type { PreparedAttachment, PrepareRefusal } from './attachment-protocol.js';

/** A kept image's longer edge at most: plenty to read a receipt, a fraction of a camera's bytes. */
export const LONG_EDGE_PX = 2000;
const JPEG_QUALITY = 0.85;

/** What the first bytes say a file is; its name and declared type are not trusted. */
export type FileKind = 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf' | 'other';

export function fileKindOf(head: Uint8Array): FileKind {
  const at = (offset: number, text: string) =>
    [...text].every((char, index) => head[offset + index] === char.charCodeAt(0));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && at(1, 'PNG')) return 'png';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  if (at(4, 'ftyp') && ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].some((brand) => at(8, brand)))
    return 'heic';
  if (at(0, '%PDF-')) return 'pdf';
  return 'other';
}

/** The size an image is kept at: its own when small enough, else scaled so its longer edge is `LONG_EDGE_PX`. */
export function keptSize(width: number, height: number): { readonly width: number; readonly height: number } {
  const scale = Math.min(1, LONG_EDGE_PX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** `receipt.HEIC` kept as a JPEG is `receipt.jpg`; a name is kept as long as the ledger allows (SPEC ATT1). */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '').slice(0, MAX_ATTACHMENT_NAME - 4);
  return `${base || 'photo'}.jpg`;
}

/**
 * Makes a picked file ready to keep, off the page (in the attachment worker): a photo is decoded,
 * downscaled and encoded anew as JPEG — which keeps none of its EXIF, so no location — and a PDF
 * is kept as it came. Either way its sha256 is its address, and what would be larger than the
 * relay keeps (`maxBytes`) is refused.
 */
export async function prepareAttachment(
  file: Blob,
  name: string,
  maxBytes: number,
): Promise<{ ok: true; prepared: PreparedAttachment } | { ok: false; refusal: PrepareRefusal }> {
  const kind = fileKindOf(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (kind === 'other') return { ok: false, refusal: 'not-allowed' };
  if (kind === 'pdf') {
    if (file.size > maxBytes) return { ok: false, refusal: 'too-large' };
    const bytes = await file.arrayBuffer();
    const kept = name.length > MAX_ATTACHMENT_NAME ? `${name.slice(0, MAX_ATTACHMENT_NAME - 4)}.pdf` : name;
    return { ok: true, prepared: { hash: await sha256Hex(bytes), name: kept, type: 'application/pdf', bytes } };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, refusal: 'unreadable' };
  }
  const size = keptSize(bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) return { ok: false, refusal: 'unreadable' };
  // A transparent PNG would turn black in a JPEG: paper is white.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const encoded = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  if (encoded.size > maxBytes) return { ok: false, refusal: 'too-large' };
  const bytes = await encoded.arrayBuffer();
  return { ok: true, prepared: { hash: await sha256Hex(bytes), name: jpegName(name), type: 'image/jpeg', bytes } };
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
