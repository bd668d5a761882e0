import { MAX_ATTACHMENT_NAME } from '@tally/schema';
import { expect, test } from 'vitest';
import { fileKindOf, jpegName, keptSize } from './prepare-attachment.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

test('a file is told by its first bytes, whatever it is called', () => {
  expect(fileKindOf(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
  expect(fileKindOf(bytes([0x89], 'PNG', [0x0d, 0x0a]))).toBe('png');
  expect(fileKindOf(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
  expect(fileKindOf(bytes([0, 0, 0, 24], 'ftypheic'))).toBe('heic');
  expect(fileKindOf(bytes('%PDF-1.7'))).toBe('pdf');
  expect(fileKindOf(bytes('MZ', [0x90, 0]))).toBe('other');
  expect(fileKindOf(bytes('<!doctype html>'))).toBe('other');
});

test('a camera photo is kept with its long edge at 2,000 px, a small one at its own size', () => {
  expect(keptSize(4000, 3000)).toEqual({ width: 2000, height: 1500 });
  expect(keptSize(3024, 4032)).toEqual({ width: 1500, height: 2000 });
  expect(keptSize(800, 600)).toEqual({ width: 800, height: 600 });
});

test('a photo kept as JPEG is named so, within the length the ledger allows', () => {
  expect(jpegName('IMG_0042.HEIC')).toBe('IMG_0042.jpg');
  expect(jpegName('receipt')).toBe('receipt.jpg');
  expect(jpegName('.png')).toBe('photo.jpg');
  expect(jpegName(`${'a'.repeat(300)}.png`)).toHaveLength(MAX_ATTACHMENT_NAME);
});
