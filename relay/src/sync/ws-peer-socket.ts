import type { WebSocket } from 'ws';
import { closeCodes, type CloseCode, type PeerSocket } from './peer-socket.js';

/**
 * Adapts a `ws` socket for a room. A peer that stops reading while its send buffer grows past
 * `maxBufferedBytes` is closed rather than buffered for forever (design §7).
 */
export function wsPeerSocket(socket: WebSocket, maxBufferedBytes: number): PeerSocket {
  const peer: PeerSocket = {
    send(message) {
      if (socket.bufferedAmount > maxBufferedBytes) {
        peer.close(closeCodes.tryAgainLater, 'too slow to keep up');
        return;
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
