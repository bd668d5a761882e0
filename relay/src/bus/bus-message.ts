import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What one relay tells the others about a document, with the id of the relay that said it. */
export type BusMessage =
  | { readonly kind: 'update'; readonly from: string; readonly seq: number; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly from: string; readonly update: Uint8Array };

const kinds = { update: 0, awareness: 1 } as const;

export function encodeBusMessage(message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.from);
  encoding.writeVarUint(encoder, kinds[message.kind]);
  if (message.kind === 'update') encoding.writeVarUint(encoder, message.seq);
  encoding.writeVarUint8Array(encoder, message.update);
  return encoding.toUint8Array(encoder);
}

/** The message, or null for anything else: whatever is on the channel is read, never trusted to parse. */
export function decodeBusMessage(bytes: Uint8Array): BusMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const from = decoding.readVarString(decoder);
    const kind = decoding.readVarUint(decoder);
    let message: BusMessage | null = null;
    if (kind === kinds.update) {
      const seq = decoding.readVarUint(decoder);
      message = { kind: 'update', from, seq, update: decoding.readVarUint8Array(decoder) };
    } else if (kind === kinds.awareness) {
      message = { kind: 'awareness', from, update: decoding.readVarUint8Array(decoder) };
    }
    return message !== null && !decoding.hasContent(decoder) ? message : null;
  } catch {
    return null;
  }
}
