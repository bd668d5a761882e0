import { newRecordId } from '../ids.js';

/** cyrb128: a small, well-mixed 128-bit string hash (not for secrets; for stable ids). */
function hash128(text: string): Uint8Array {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const bytes = new Uint8Array(17);
  const view = new DataView(bytes.buffer);
  for (const [i, word] of [h1, h2, h3, h4].entries()) view.setUint32(i * 4, word >>> 0);
  return bytes;
}

/**
 * A record id derived from what the record stands for (SPEC REC6), so every device that creates
 * "the rent of 2026-03-01" creates the same record: `derivedRecordId('occurrence', ruleId, date)`.
 */
export function derivedRecordId(...parts: readonly string[]): string {
  const bytes = hash128(parts.map((part) => `${part.length}:${part}`).join('|'));
  return newRecordId({ bytes: () => bytes });
}
