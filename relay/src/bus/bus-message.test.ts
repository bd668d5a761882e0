import { describe, expect, it } from 'vitest';
import { decodeBusMessage, encodeBusMessage } from './bus-message.js';

describe('what relays tell each other on Redis', () => {
  it('[C1] a stored update reads back with its sequence number and the relay that stored it', () => {
    const message = { kind: 'update', from: 'relay-a', seq: 41_234, update: new Uint8Array([1, 2, 3]) } as const;
    expect(decodeBusMessage(encodeBusMessage(message))).toEqual(message);
    const presence = { kind: 'awareness', from: 'relay-b', update: new Uint8Array([9]) } as const;
    expect(decodeBusMessage(encodeBusMessage(presence))).toEqual(presence);
  });

  it('[C1] whatever else is on the channel — truncated, unknown kinds, trailing bytes — is ignored, never thrown', () => {
    const whole = encodeBusMessage({ kind: 'update', from: 'relay-a', seq: 7, update: new Uint8Array([1, 2, 3]) });
    for (let length = 0; length < whole.length; length++) expect(decodeBusMessage(whole.slice(0, length))).toBeNull();
    expect(decodeBusMessage(new Uint8Array([...whole, 0]))).toBeNull();
    const unknownKind = encodeBusMessage({ kind: 'awareness', from: 'x', update: new Uint8Array() });
    unknownKind[2] = 9;
    expect(decodeBusMessage(unknownKind)).toBeNull();
    expect(decodeBusMessage(new TextEncoder().encode('hello from another program'))).toBeNull();
  });
});
