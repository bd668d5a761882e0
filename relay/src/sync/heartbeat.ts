import type { WebSocket } from 'ws';

/** Sockets are pinged in slices this far apart, so a relay holding thousands never pings them all in one turn. */
const SLICE_MS = 100;

/**
 * Pings every sync socket once an interval; a peer that has not answered, nor sent anything,
 * since the previous ping is dropped (S8). Browsers answer pings by themselves; a peer that went
 * away without closing (a phone out of reach, a crashed client) stops holding a socket. Each
 * socket belongs to one slice of the interval, and each slice is pinged in a turn of its own:
 * pinging every socket at once held up the updates arriving meanwhile.
 */
export class Heartbeat {
  /** Whether each socket has been heard from since its last ping, by slice. */
  private readonly slices: Map<WebSocket, boolean>[];
  private readonly timer: NodeJS.Timeout;
  private nextSlice = 0;
  private placed = 0;

  constructor(
    intervalMs: number,
    private readonly onDrop: () => void,
  ) {
    const count = Math.max(1, Math.round(intervalMs / SLICE_MS));
    this.slices = Array.from({ length: count }, () => new Map<WebSocket, boolean>());
    this.timer = setInterval(() => this.beat(), intervalMs / count);
    this.timer.unref();
  }

  watch(socket: WebSocket): void {
    const answered = this.slices[this.placed++ % this.slices.length];
    if (answered === undefined) return;
    const heard = (): void => {
      answered.set(socket, true);
    };
    answered.set(socket, true);
    socket.on('pong', heard);
    socket.on('message', heard);
    socket.once('close', () => answered.delete(socket));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private beat(): void {
    const answered = this.slices[this.nextSlice];
    this.nextSlice = (this.nextSlice + 1) % this.slices.length;
    if (answered === undefined) return;
    for (const [socket, heard] of answered) {
      if (!heard) {
        answered.delete(socket);
        socket.terminate();
        this.onDrop();
        continue;
      }
      answered.set(socket, false);
      if (socket.readyState === socket.OPEN) socket.ping();
    }
  }
}
