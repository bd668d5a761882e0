import { WebSocket } from 'ws';
import { encodeSyncStep1 } from '../src/sync/sync-message.js';

const emptyStateVector = Uint8Array.of(0);

/** A bare y-websocket peer: enough protocol to sync once and then send and count updates. */
export class BenchClient {
  onUpdate: () => void = () => {};
  private syncReply: (() => void) | null = null;

  private constructor(private readonly socket: WebSocket) {
    // Only the first two bytes matter here (message type, sync type): the load generator must
    // stay cheaper than the servers it measures.
    socket.on('message', (data: Buffer) => {
      if (data[0] !== 0) return;
      if (data[1] === 2) this.onUpdate();
      else if (data[1] === 1) this.syncReply?.();
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

  /** Sends an already encoded update message. */
  send(message: Uint8Array): void {
    this.socket.send(message);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === this.socket.CLOSED) resolve();
      this.socket.once('close', () => resolve());
      this.socket.terminate();
    });
  }
}
