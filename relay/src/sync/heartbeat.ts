import type { WebSocket } from 'ws';

/**
 * Pings every sync socket once an interval; a peer that has not answered, nor sent anything,
 * since the previous ping is dropped (S8). Browsers answer pings by themselves; a peer that went
 * away without closing (a phone out of reach, a crashed client) stops holding a socket.
 */
export class Heartbeat {
  private readonly answered = new Map<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    intervalMs: number,
    private readonly onDrop: () => void,
  ) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  watch(socket: WebSocket): void {
    const heard = (): void => {
      this.answered.set(socket, true);
    };
    this.answered.set(socket, true);
    socket.on('pong', heard);
    socket.on('message', heard);
    socket.once('close', () => this.answered.delete(socket));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private beat(): void {
    for (const [socket, answered] of this.answered) {
      if (!answered) {
        this.answered.delete(socket);
        socket.terminate();
        this.onDrop();
        continue;
      }
      this.answered.set(socket, false);
      if (socket.readyState === socket.OPEN) socket.ping();
    }
  }
}
