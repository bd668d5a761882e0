import type { WebSocket } from 'ws';
import type { EventStore } from '../storage/events/event-store.js';
import { closeCodes } from '../sync/peer-socket.js';
import { eventFrame, syncedFrame } from './event-frames.js';

/** Events read from storage at a time, replaying or catching up. */
const pageSize = 200;

export interface EventStreamOptions {
  readonly userId: string;
  readonly deviceId: string;
  readonly socket: WebSocket;
  readonly store: EventStore;
  /** The last event the device saw (`?after=`); null: it wants only what happens from now. */
  readonly after: number | null;
  /** Unsent bytes past which the socket is closed as too slow (1013) rather than buffered (E4). */
  readonly maxBufferedBytes: number;
}

/**
 * One device's events socket: it sends the events the device missed, then `events.synced`, then
 * each new event as it is announced, every one once and in order, because it only ever sends the
 * events stored after the last one it sent (E2, E5).
 */
export class EventStream {
  readonly userId: string;
  readonly deviceId: string;
  private cursor = 0;
  private synced = false;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly options: EventStreamOptions) {
    this.userId = options.userId;
    this.deviceId = options.deviceId;
  }

  /** Replays what the device missed and says so; announcements meanwhile are caught up after. */
  async start(): Promise<void> {
    const { store, userId, after } = this.options;
    const position = await store.position(userId);
    const complete = after === null || completeFrom(after, position.last, position.oldestKept);
    // Events no longer kept are skipped: the device hears `complete: false` and reloads what it shows.
    if (after === null) this.cursor = position.last;
    else if (complete) this.cursor = after;
    else this.cursor = position.oldestKept === null ? position.last : position.oldestKept - 1;
    await this.sendStored();
    if (!this.isOpen()) return;
    this.send(syncedFrame(this.cursor, complete));
    this.synced = true;
    await this.catchUp();
  }

  /** Sends what was stored since the last event sent: at most one reader at a time, never twice. */
  async catchUp(): Promise<void> {
    if (!this.synced) return;
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.sendStored();
        } while (this.again && this.isOpen());
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  close(code: number, reason: string): void {
    const { socket } = this.options;
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
  }

  isOpen(): boolean {
    return this.options.socket.readyState === this.options.socket.OPEN;
  }

  private async sendStored(): Promise<void> {
    const { store, userId } = this.options;
    for (;;) {
      const events = await store.eventsAfter(userId, this.cursor, pageSize);
      for (const event of events) {
        if (!this.send(eventFrame(event))) return;
        this.cursor = event.seq;
      }
      if (events.length < pageSize) return;
    }
  }

  private send(frame: string): boolean {
    const { socket, maxBufferedBytes } = this.options;
    if (!this.isOpen()) return false;
    if (socket.bufferedAmount > maxBufferedBytes) {
      // The device reconnects with the last number it read and gets the rest then.
      this.close(closeCodes.tryAgainLater, 'too slow to keep up');
      return false;
    }
    socket.send(frame);
    return true;
  }
}

/** Whether every event after `after` is still kept: none was pruned before the device read it (E6). */
function completeFrom(after: number, last: number, oldestKept: number | null): boolean {
  if (after > last) return false;
  if (after === last) return true;
  return oldestKept !== null && oldestKept <= after + 1;
}
