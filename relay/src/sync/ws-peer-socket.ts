import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { type CloseCode, closeCodes, type PeerSocket } from './peer-socket.js';

/**
 * Adapts a `ws` socket for a room. Frames sent in one tick leave in one write (the TCP socket is
 * corked until the next tick), which matters when a room flushes several updates at once. A peer
 * that stops reading while its send buffer grows past `maxBufferedBytes` is closed rather than
 * buffered for ever (P5). The largest message still in the buffer does not count: a fresh
 * device's first sync reply is its whole ledger, and reading it takes a moment.
 */
export function wsPeerSocket(socket: WebSocket, connection: Socket, maxBufferedBytes: number): PeerSocket {
  let corked = false;
  let largestUnsent = 0;
  const uncork = (): void => {
    corked = false;
    connection.uncork();
  };
  const peer: PeerSocket = {
    send(message) {
      if (socket.bufferedAmount === 0) largestUnsent = 0;
      if (socket.bufferedAmount - largestUnsent > maxBufferedBytes) {
        peer.close(closeCodes.tryAgainLater, 'too slow to keep up');
        return;
      }
      largestUnsent = Math.max(largestUnsent, message.byteLength);
      if (!corked) {
        corked = true;
        connection.cork();
        process.nextTick(uncork);
      }
      socket.send(message, { binary: true });
    },
    close(code: CloseCode, reason) {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
    },
    isOpen() {
      return socket.readyState === socket.OPEN;
    },
  };
  return peer;
}
