import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { encodeSyncStep1 } from '../src/sync/sync-message.js';
import type { TrailFollower, UpdateTrail } from './update-trail.js';

const emptyStateVector = Uint8Array.of(0);

/**
 * A bare y-websocket peer: enough protocol to sync once, then send updates and count those of
 * its document's trail it received, by what each carries.
 */
export class BenchClient {
  /** The trail's updates from index `from` up to `to` arrived with the last update received. */
  onUpdates: (from: number, to: number) => void = () => {};
  private syncReply: (() => void) | null = null;

  private constructor(
    private readonly socket: WebSocket,
    follower: TrailFollower | null,
  ) {
    // Beyond the first two bytes (message type, sync type), an update's first few tell which of
    // the trail's it is: the load generator must stay cheaper than the servers it measures.
    socket.on('message', (data: Buffer) => {
      if (data[0] !== 0) return;
      if (data[1] === 2 && follower !== null) {
        const decoder = decoding.createDecoder(data);
        decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        const from = follower.held;
        if (follower.receive(decoding.readVarUint8Array(decoder)) > 0) this.onUpdates(from, follower.held);
      } else if (data[1] === 1) this.syncReply?.();
    });
  }

  /** Opens a peer of a document; with `trail`, it follows that writer's updates. */
  static open(url: string, trail?: UpdateTrail): Promise<BenchClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      socket.once('open', () => resolve(new BenchClient(socket, trail?.follow() ?? null)));
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
