import type { RandomSource } from './random.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const NODE_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const NODE_LENGTH = 10;

/** A record id: 128 random bits in 22 URL-safe characters (SPEC REC1: never reused). */
export function newRecordId(random: RandomSource): string {
  const bytes = random.bytes(17);
  let id = '';
  for (let i = 0; i < 22; i += 1) {
    const bitOffset = i * 6;
    const byte = bitOffset >> 3;
    const shift = bitOffset & 7;
    const pair = ((bytes[byte] ?? 0) << 8) | (bytes[byte + 1] ?? 0);
    id += ALPHABET[(pair >> (10 - shift)) & 63];
  }
  return id;
}

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/**
 * A writer id: one per open ledger replica (ten base-36 characters, about 51 bits). Two tabs of
 * one device are two writers, so the id is not the device's: it only has to be unique among the
 * writers of one ledger.
 */
export function newNodeId(random: RandomSource): string {
  const bytes = random.bytes(NODE_LENGTH);
  let node = '';
  for (const byte of bytes) node += NODE_ALPHABET[byte % 36];
  return node;
}
