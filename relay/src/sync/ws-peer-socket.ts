import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { closeCodes, type CloseCode, type PeerSocket } from './peer-socket.js';

/**
 * Adapts a `ws` socket for a room. Frames sent in one tick leave in one write (the TCP socket is
 * corked until the next tick), which matters when a room flushes several updates at once. A peer
 * that stops reading while its send buffer grows past `maxBufferedBytes` is closed rather than
 * buffered for ever (design §7).
 */
export function wsPeerSocket(socket: WebSocket, connection: Socket, maxBufferedBytes: number): PeerSocket {
  let corked = false;
  const uncork = (): void => {
    corked = false;
    connection.uncork();
  };
  const peer: PeerSocket = {
    send(message) {
      if (socket.bufferedAmount > maxBufferedBytes) {
        peer.close(closeCodes.tryAgainLater, 'too slow to keep up');
        return;
      }
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
