import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { closeCodes } from './peer-socket.js';
import { wsPeerSocket } from './ws-peer-socket.js';

/** A socket that never drains: everything sent stays buffered, as with a peer that stopped reading. */
function stalledSocket() {
  const state = { bufferedAmount: 0, readyState: 1, closedWith: null as number | null };
  const socket = {
    OPEN: 1,
    CONNECTING: 0,
    get bufferedAmount() {
      return state.bufferedAmount;
    },
    get readyState() {
      return state.readyState;
    },
    send(message: Uint8Array) {
      state.bufferedAmount += message.byteLength;
    },
    close(code: number) {
      state.closedWith = code;
      state.readyState = 2;
    },
  };
  const connection = { cork() {}, uncork() {} };
  return { state, socket: socket as unknown as WebSocket, connection: connection as unknown as Socket };
}

describe('a peer that stops reading', () => {
  it('[P5] is closed with 1013 once its unsent updates pass the limit', () => {
    const { state, socket, connection } = stalledSocket();
    const peer = wsPeerSocket(socket, connection, 1000);
    for (let i = 0; i < 20 && peer.isOpen(); i++) peer.send(new Uint8Array(100));
    expect(state.closedWith).toBe(closeCodes.tryAgainLater);
    expect(state.bufferedAmount).toBeLessThanOrEqual(1000 + 2 * 100);
  });

  it('is not closed while reading a first sync reply larger than the limit', () => {
    const { state, socket, connection } = stalledSocket();
    const peer = wsPeerSocket(socket, connection, 1000);
    peer.send(new Uint8Array(50_000));
    for (let i = 0; i < 5; i++) peer.send(new Uint8Array(100));
    expect(state.closedWith).toBeNull();
    expect(peer.isOpen()).toBe(true);
  });
});
