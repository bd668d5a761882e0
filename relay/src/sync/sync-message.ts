import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type CloseCode, closeCodes } from './peer-socket.js';

/** Outer message types of the y-websocket protocol. */
const messageType = { sync: 0, awareness: 1, queryAwareness: 3 } as const;
/** Sync sub-types of y-protocols/sync. */
const syncType = { step1: 0, step2: 1, update: 2 } as const;

export type SyncMessage =
  | { readonly kind: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step-2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'query-awareness' };

export type ParsedFrame =
  | { readonly ok: true; readonly message: SyncMessage }
  | { readonly ok: false; readonly code: CloseCode; readonly reason: string };

/**
 * Reads exactly one protocol message from one frame. Anything else — unknown types, truncated
 * payloads, trailing bytes — is refused, so nothing half-understood reaches the document.
 */
export function parseFrame(frame: Uint8Array): ParsedFrame {
  try {
    const decoder = decoding.createDecoder(frame);
    const message = readMessage(decoder);
    if (message === null) return { ok: false, code: closeCodes.unsupportedData, reason: 'unknown message type' };
    if (decoding.hasContent(decoder)) return refused('trailing bytes after the message');
    return { ok: true, message };
  } catch {
    return refused('malformed message');
  }
}

function readMessage(decoder: decoding.Decoder): SyncMessage | null {
  switch (decoding.readVarUint(decoder)) {
    case messageType.sync:
      switch (decoding.readVarUint(decoder)) {
        case syncType.step1:
          return { kind: 'sync-step-1', stateVector: decoding.readVarUint8Array(decoder) };
        case syncType.step2:
          return { kind: 'sync-step-2', update: decoding.readVarUint8Array(decoder) };
        case syncType.update:
          return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
        default:
          return null;
      }
    case messageType.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case messageType.queryAwareness:
      return { kind: 'query-awareness' };
    default:
      return null;
  }
}

function refused(reason: string): ParsedFrame {
  return { ok: false, code: closeCodes.policyViolation, reason };
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(syncType.step1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(syncType.step2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(syncType.update, update);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The payload is copied once, into a frame of its exact size: a new device's ledger can be tens of megabytes. */
function encodeSync(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, payload.byteLength);
  const head = encoding.toUint8Array(encoder);
  const frame = new Uint8Array(head.byteLength + payload.byteLength);
  frame.set(head);
  frame.set(payload, head.byteLength);
  return frame;
}
