import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { encodeSyncStep1, encodeUpdate } from '../src/sync/sync-message.js';

const emptyStateVector = Uint8Array.of(0);

/** A bare y-websocket peer: enough protocol to sync once and then send and count updates. */
export class BenchClient {
  onUpdate: () => void = () => {};
  private syncReply: (() => void) | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== 0) return;
      const type = decoding.readVarUint(decoder);
      if (type === 2) this.onUpdate();
      else if (type === 1) this.syncReply?.();
    });
  }

  static open(url: string): Promise<BenchClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      socket.once('open', () => resolve(new BenchClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Asks for the whole document and resolves when the reply arrives. */
  sync(): Promise<void> {
    return new Promise((resolve) => {
      this.syncReply = () => {
        this.syncReply = null;
        resolve();
      };
      this.socket.send(encodeSyncStep1(emptyStateVector));
    });
  }

  sendUpdate(update: Uint8Array): void {
    this.socket.send(encodeUpdate(update));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === this.socket.CLOSED) resolve();
      this.socket.once('close', () => resolve());
      this.socket.terminate();
    });
  }
}
