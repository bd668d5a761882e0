import { browserClock, type Clock, type Timer } from './device-clock.js';

/** One of the account's live events (`booking.requested`, `booking.updated`, `message.created`, `membership.changed`, `payment.updated`…). */
export interface RelayEvent {
  readonly type: string;
  /** The account's own sequence: each event has the next number, so the last one seen says what was missed. */
  readonly seq: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Where the last sequence seen is kept on the device, so a reload or a reconnect asks for what it missed. */
export interface SeqStore {
  get(): Promise<number | undefined>;
  put(seq: number): Promise<void>;
}

/** The relay side: the events address with a fresh token, and being told the relay closed the socket. */
export interface EventsSource {
  eventsUrl(after: number | undefined): Promise<string>;
  eventsRefused(): void;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;
/** The relay's own close codes start here; below are the network's and the browser's. */
const RELAY_CLOSE_CODES = 4000;
const LOCK_NAME = 'tally.events';
const CHANNEL_NAME = 'tally.events';

/** Reads a frame into an event; anything else (a newer relay's frame, a stray text) is left out. */
export function eventOf(frame: unknown): RelayEvent | undefined {
  if (typeof frame !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { type, seq, data } = parsed as Record<string, unknown>;
  if (typeof type !== 'string' || typeof seq !== 'number' || !Number.isSafeInteger(seq)) return undefined;
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? { ...data } : {};
  return { type, seq, data: fields };
}

/**
 * The account's live events over one WebSocket per device (`/events?token=&after=`): the tab that
 * holds the device's events lock connects and passes every event to the others on a broadcast
 * channel. It keeps the last sequence it saw and asks for what came after it at every
 * (re)connection, so nothing is missed across a drop, and drops an event it has seen (once).
 * A lost connection is retried with capped backoff, and at once when the browser is back online.
 */
export class RelayEvents {
  private socket: WebSocket | undefined;
  private lastSeq: number | undefined;
  private retryIn = FIRST_RETRY_MS;
  private retryTimer: Timer | undefined;
  private running = false;
  private releaseLock: (() => void) | undefined;
  private channel: BroadcastChannel | undefined;
  private readonly listeners = new Set<(event: RelayEvent) => void>();

  constructor(
    private readonly source: EventsSource,
    private readonly seqStore: SeqStore,
    private readonly clock: Clock = browserClock,
    private readonly WebSocketClass: typeof WebSocket = globalThis.WebSocket,
  ) {}

  /** Starts listening: this tab connects once it holds the device's events lock, and hears the holder's events until then. */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL_NAME);
      this.channel.onmessage = (message: MessageEvent<unknown>) => {
        const event = eventOf(message.data);
        if (event) this.deliver(event, false);
      };
    }
    if (typeof navigator === 'undefined' || !('locks' in navigator)) {
      void this.connect();
      return;
    }
    void navigator.locks.request(LOCK_NAME, () => {
      if (!this.running) return undefined;
      void this.connect();
      return new Promise<void>((release) => {
        this.releaseLock = release;
      });
    });
  }

  stop(): void {
    this.running = false;
    this.lastSeq = undefined;
    this.clock.clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = undefined;
    this.channel?.close();
    this.channel = undefined;
    this.releaseLock?.();
    this.releaseLock = undefined;
    removeOnline(this.backOnline);
  }

  subscribe(listener: (event: RelayEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async connect(): Promise<void> {
    if (!this.running || this.socket) return;
    this.lastSeq ??= await this.seqStore.get();
    let url: string;
    try {
      url = await this.source.eventsUrl(this.lastSeq);
    } catch {
      this.retryLater();
      return;
    }
    if (!this.running || this.socket) return;
    const socket = new this.WebSocketClass(url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryIn = FIRST_RETRY_MS;
    };
    socket.onmessage = (message: MessageEvent<unknown>) => {
      const event = eventOf(message.data);
      if (event) this.deliver(event, true);
    };
    socket.onclose = (closed: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (!this.running) return;
      if (closed.code >= RELAY_CLOSE_CODES) this.source.eventsRefused();
      this.retryLater();
    };
  }

  private deliver(event: RelayEvent, fromRelay: boolean): void {
    if (this.lastSeq !== undefined && event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    if (fromRelay) {
      void this.seqStore.put(event.seq);
      this.channel?.postMessage(JSON.stringify(event));
    }
    for (const listener of this.listeners) listener(event);
  }

  private retryLater(): void {
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(() => void this.connect(), this.retryIn);
    this.retryIn = Math.min(this.retryIn * 2, LAST_RETRY_MS);
    onOnline(this.backOnline);
  }

  private readonly backOnline = (): void => {
    removeOnline(this.backOnline);
    this.clock.clearTimeout(this.retryTimer);
    this.retryIn = FIRST_RETRY_MS;
    void this.connect();
  };
}

function onOnline(listener: () => void): void {
  if (typeof window !== 'undefined') window.addEventListener('online', listener);
}

function removeOnline(listener: () => void): void {
  if (typeof window !== 'undefined') window.removeEventListener('online', listener);
}
