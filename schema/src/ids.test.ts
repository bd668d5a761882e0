import { describe, expect, it } from 'vitest';
import { isNodeId } from './clock/index.js';
import { isRecordId, newNodeId, newRecordId } from './ids.js';
import { cryptoRandom } from './random.js';

describe('ids', () => {
  it('record ids are 22 URL-safe characters and do not repeat', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) {
      const id = newRecordId(cryptoRandom);
      expect(isRecordId(id)).toBe(true);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
  });

  it('record ids carry every bit of their randomness', () => {
    const allOnes = { bytes: (n: number) => new Uint8Array(n).fill(255) };
    const allZeros = { bytes: (n: number) => new Uint8Array(n) };
    expect(newRecordId(allZeros)).toBe('A'.repeat(22));
    expect(newRecordId(allOnes)).toBe('_'.repeat(22));
  });

  it('refuses anything that is not a record id', () => {
    for (const bad of [-1, 42, '', 'short', 'x'.repeat(23), 'has space in it........', '__proto__', null, undefined]) {
      expect(isRecordId(bad)).toBe(false);
    }
  });

  it('writer ids are valid clock node ids', () => {
    expect(isNodeId(newNodeId(cryptoRandom))).toBe(true);
  });
});
