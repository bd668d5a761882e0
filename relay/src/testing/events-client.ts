import { WebSocket } from 'ws';
import { eventually } from './relay-harness.js';

/** A frame of the events socket as a device reads it. */
export interface EventFrameSeen {
  readonly type: string;
  readonly seq: number;
  readonly data: Record<string, unknown>;
}

/** A device's events socket over a real WebSocket, keeping every frame it reads. */
export class EventsClient {
  readonly frames: EventFrameSeen[] = [];
  readonly closed: Promise<{ readonly code: number; readonly reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.frames.push(JSON.parse(data.toString()) as EventFrameSeen));
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Opens `/events` with the device's token (and `after`, when given) and waits for the replay to end. */
  static async open(httpUrl: string, accessToken: string, after?: number): Promise<EventsClient> {
    const url = new URL('/events', httpUrl.replace(/^http/, 'ws'));
    url.searchParams.set('token', accessToken);
    if (after !== undefined) url.searchParams.set('after', String(after));
    const socket = new WebSocket(url);
    const client = new EventsClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await client.until((frames) => frames.some((frame) => frame.type === 'events.synced'));
    return client;
  }

  /** The events read, without the `events.synced` frame. */
  get events(): EventFrameSeen[] {
    return this.frames.filter((frame) => frame.type !== 'events.synced');
  }

  /** The number of the last event read: what the device asks to replay after when it reconnects. */
  get lastSeq(): number {
    return this.frames.at(-1)?.seq ?? 0;
  }

  async until(condition: (frames: readonly EventFrameSeen[]) => boolean): Promise<void> {
    await eventually(() => condition(this.frames) || this.socket.readyState === this.socket.CLOSED);
    if (!condition(this.frames)) throw new Error(`the events socket closed first; read ${JSON.stringify(this.frames)}`);
  }

  async close(): Promise<void> {
    if (this.socket.readyState === this.socket.CLOSED) return;
    this.socket.close();
    await this.closed;
  }
}
