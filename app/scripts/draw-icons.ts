/**
 * Draws Tally's app icons into public/ as PNGs: a tally mark (four strokes and a slash) on the
 * theme colour. Maskable icons keep the mark inside the central 80% safe zone.
 * Run with `node --import tsx app/scripts/draw-icons.ts` from the repository root.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const THEME = [15, 118, 110] as const;
const MARK = [255, 255, 255] as const;

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function png(size: number, pixel: (x: number, y: number) => readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), row + 1 + x * 3);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** True where the tally mark covers the unit square point (u, v), both in 0..1. */
function onMark(u: number, v: number, scale: number): boolean {
  const x = (u - 0.5) / scale + 0.5;
  const y = (v - 0.5) / scale + 0.5;
  if (y < 0.22 || y > 0.78) return false;
  const strokes = [0.3, 0.43, 0.57, 0.7];
  if (strokes.some((stroke) => Math.abs(x - stroke) < 0.035)) return true;
  const slashX = 0.2 + (0.78 - y) * (0.6 / 0.56);
  return Math.abs(x - slashX) < 0.04 && x > 0.18 && x < 0.82;
}

function icon(size: number, scale: number): Buffer {
  return png(size, (x, y) => (onMark((x + 0.5) / size, (y + 0.5) / size, scale) ? MARK : THEME));
}

const out = new URL('../../public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, 1));
writeFileSync(new URL('icon-512.png', out), icon(512, 1));
writeFileSync(new URL('maskable-192.png', out), icon(192, 0.7));
writeFileSync(new URL('maskable-512.png', out), icon(512, 0.7));
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, 0.8));
