import { describe, expect, it } from 'vitest';
import { htmlFile, jpegFile, pdfFile, peExecutable, pngFile } from '../testing/receipt-files.js';
import { blobTypeOf } from './blob-type.js';

const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const box = Buffer.alloc(16 + compatible.length * 4);
  box.writeUInt32BE(box.length, 0);
  box.write(`ftyp${major}`, 4, 'latin1');
  for (const [index, brand] of compatible.entries()) box.write(brand, 16 + index * 4, 'latin1');
  return new Uint8Array(box);
};

describe('the type of a file, from its bytes', () => {
  it('[BLOB2] tells JPEG, PNG, WebP, HEIC and PDF by their signatures', () => {
    expect(blobTypeOf(jpegFile())).toBe('image/jpeg');
    expect(blobTypeOf(pngFile())).toBe('image/png');
    expect(blobTypeOf(new Uint8Array(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')))).toBe('image/webp');
    expect(blobTypeOf(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(blobTypeOf(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
    expect(blobTypeOf(pdfFile())).toBe('application/pdf');
  });

  it('[BLOB2] refuses everything else, AVIF and video included', () => {
    for (const bytes of [
      peExecutable(),
      htmlFile(),
      ftyp('avif', 'mif1', 'avif'),
      ftyp('mif1', 'avif'),
      ftyp('isom', 'mp41'),
    ]) {
      expect(blobTypeOf(bytes)).toBeNull();
    }
    expect(blobTypeOf(new Uint8Array(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1')))).toBeNull();
    expect(blobTypeOf(new Uint8Array())).toBeNull();
  });
});
