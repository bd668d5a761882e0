import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CloseCode, PeerSocket } from '../sync/peer-socket.js';

/** A peer that speaks the y-websocket protocol through a room directly, with no socket. */
export class FakePeer implements PeerSocket {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly received: Uint8Array[] = [];
  closed: { code: CloseCode; reason: string } | null = null;
  /** Frames this peer would answer with, waiting to be handed to the room. */
  readonly outbox: Uint8Array[] = [];

  send(message: Uint8Array): void {
    this.received.push(message);
    const decoder = decoding.createDecoder(message);
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.outbox.push(encoding.toUint8Array(encoder));
    } else if (type === 1) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }

  close(code: CloseCode, reason: string): void {
    this.closed ??= { code, reason };
  }

  isOpen(): boolean {
    return this.closed === null;
  }

  takeOutbox(): Uint8Array[] {
    return this.outbox.splice(0);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export function syncStep1Of(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(encoder);
}

/** Records a local edit and returns the update it produced (merged, when it took several transactions). */
export function edit(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (u: Uint8Array): void => {
    updates.push(u);
  };
  doc.on('update', capture);
  doc.transact(() => change(doc));
  doc.off('update', capture);
  return Y.mergeUpdates(updates);
}
