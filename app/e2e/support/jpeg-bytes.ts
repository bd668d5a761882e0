import type { Page } from 'playwright-core';

/** One marker segment of a JPEG before its image data: its marker (0xE1 for APP1) and its payload. */
interface JpegSegment {
  readonly marker: number;
  readonly payload: Buffer;
}

/** The segments of a JPEG up to its image data (SOS), read as a decoder reads them. */
export function jpegSegments(jpeg: Buffer): JpegSegment[] {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG: no start-of-image marker');
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error(`not a JPEG: no marker at byte ${at}`);
    const marker = jpeg.readUInt8(at + 1);
    const length = jpeg.readUInt16BE(at + 2);
    segments.push({ marker, payload: jpeg.subarray(at + 4, at + 2 + length) });
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return segments;
}

/** Width and height from the JPEG's frame header (SOF0–SOF15, but DHT, JPG and DAC). */
export function jpegSize(jpeg: Buffer): { readonly width: number; readonly height: number } {
  const frame = jpegSegments(jpeg).find(
    ({ marker }) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc,
  );
  if (!frame) throw new Error('not a JPEG: no frame header');
  return { height: frame.payload.readUInt16BE(1), width: frame.payload.readUInt16BE(3) };
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'binary');
const GPS_INFO_TAG = 0x8825;

/** True when an EXIF block of the JPEG points to GPS data (IFD0's GPSInfo tag): where the photo was taken. */
export function hasGpsLocation(jpeg: Buffer): boolean {
  return jpegSegments(jpeg).some(({ marker, payload }) => {
    if (marker !== 0xe1 || !payload.subarray(0, 6).equals(EXIF_HEADER)) return false;
    const tiff = payload.subarray(6);
    const big = tiff.toString('binary', 0, 2) === 'MM';
    const u16 = (offset: number) => (big ? tiff.readUInt16BE(offset) : tiff.readUInt16LE(offset));
    const u32 = (offset: number) => (big ? tiff.readUInt32BE(offset) : tiff.readUInt32LE(offset));
    const ifd0 = u32(4);
    const entries = u16(ifd0);
    for (let entry = 0; entry < entries; entry++) if (u16(ifd0 + 2 + entry * 12) === GPS_INFO_TAG) return true;
    return false;
  });
}

/**
 * The JPEG with an EXIF block, as a phone's camera writes one, that says where it was taken
 * (52° 31′ N, 13° 24′ E): APP1 right after the start of image, big-endian TIFF, IFD0 holding
 * only the GPSInfo pointer, the GPS IFD holding latitude and longitude.
 */
export function withGpsLocation(jpeg: Buffer): Buffer {
  const tiff = Buffer.alloc(128);
  tiff.write('MM', 0, 'binary');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0 at 8: one entry, GPSInfo (LONG) pointing at the GPS IFD at 26; no next IFD.
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(GPS_INFO_TAG, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  // GPS IFD at 26: latitude ref, latitude, longitude ref, longitude; rationals from 80.
  const gpsEntries: [tag: number, type: number, count: number, value: number | string][] = [
    [1, 2, 2, 'N'],
    [2, 5, 3, 80],
    [3, 2, 2, 'E'],
    [4, 5, 3, 104],
  ];
  tiff.writeUInt16BE(gpsEntries.length, 26);
  gpsEntries.forEach(([tag, type, count, value], index) => {
    const at = 28 + index * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (typeof value === 'string') tiff.write(value, at + 8, 'binary');
    else tiff.writeUInt32BE(value, at + 8);
  });
  tiff.writeUInt32BE(0, 28 + gpsEntries.length * 12);
  [52, 31, 0, 13, 24, 0].forEach((degrees, index) => {
    tiff.writeUInt32BE(degrees, 80 + index * 8);
    tiff.writeUInt32BE(1, 84 + index * 8);
  });
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(2 + EXIF_HEADER.length + tiff.length, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, EXIF_HEADER, tiff, jpeg.subarray(2)]);
}

/**
 * A camera-sized photo (`width`×`height`, 12 megapixels by default) drawn and encoded by the
 * browser, with a pattern that does not compress to nothing, and the GPS location a phone writes.
 */
export async function cameraPhoto(page: Page, width = 4000, height = 3000): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#f4efe1');
      gradient.addColorStop(1, '#8a6d3b');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      // Sensor noise, as in a real photo, so the JPEG is the size a phone's is rather than a few hundred KB.
      const noise = context.getImageData(0, 0, width, height);
      const random = new Uint8Array(65_536);
      for (let at = 0; at < noise.data.length; at += 4) {
        if (at % 262_144 === 0) crypto.getRandomValues(random);
        const grain = ((random[(at / 4) % 65_536] ?? 128) - 128) >> 2;
        noise.data[at] = (noise.data[at] ?? 0) + grain;
        noise.data[at + 1] = (noise.data[at + 1] ?? 0) + grain;
        noise.data[at + 2] = (noise.data[at + 2] ?? 0) + grain;
      }
      context.putImageData(noise, 0, 0);
      context.fillStyle = '#222';
      context.font = '80px sans-serif';
      for (let line = 0; line < 30; line++)
        context.fillText(`ITEM ${line} ........ ${(line * 3.17).toFixed(2)}`, 400, 150 + line * 95);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let at = 0; at < bytes.length; at += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      return btoa(binary);
    },
    { width, height },
  );
  return withGpsLocation(Buffer.from(base64, 'base64'));
}

/** The bytes of one attachment as the device stored them, read straight from its IndexedDB (`tally`). */
export async function storedAttachment(page: Page, hash: string): Promise<{ type: string; bytes: Buffer } | undefined> {
  const stored = await page.evaluate(
    (hash) =>
      new Promise<{ type: string; base64: string } | undefined>((resolve, reject) => {
        const opening = indexedDB.open('tally');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const reading = opening.result.transaction('attachments').objectStore('attachments').get(hash);
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            opening.result.close();
            const row = reading.result as { type: string; bytes: ArrayBuffer } | undefined;
            if (!row) return resolve(undefined);
            const bytes = new Uint8Array(row.bytes);
            let binary = '';
            for (let at = 0; at < bytes.length; at += 0x8000)
              binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
            resolve({ type: row.type, base64: btoa(binary) });
          };
        };
      }),
    hash,
  );
  return stored && { type: stored.type, bytes: Buffer.from(stored.base64, 'base64') };
}
